"""Rebuild every example log: ``python examples/make_examples.py`` (needs openpyxl).

Runs each ``examples/<pack>_log.py``; each writes its workbook beside itself.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    sys.path.insert(0, str(HERE))
    for script in sorted(HERE.glob("*_log.py")):
        print(f"building {script.name}")
        runpy.run_path(str(script), run_name="__main__")


if __name__ == "__main__":
    main()
