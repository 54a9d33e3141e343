"""dutyaudit — audit rule-of-law activity logs (工作台账) against official duty lists (职责清单)."""

__version__ = "0.1.0"
