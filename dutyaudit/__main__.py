"""Allow ``python -m dutyaudit``."""

from dutyaudit.cli import main

main()
