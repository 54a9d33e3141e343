"""Compare drafted packs with the hand-made ones on a labelled matching corpus (the dev set by default).

    python benchmarks/draft_matching.py [--gold ../shared/matching-dev] [--firm]
    python benchmarks/draft_matching.py --gold CORPUS --docs DOCS_DIR    # documents with no hand-made pack

Drafts each seed of ``packs/sources/`` with ``dutyaudit packs draft`` into a temporary folder, then runs the
corpus's ``score.py`` twice: with ``dutyaudit`` as installed (the hand-made packs) and with a wrapper that
turns ``--pack NAME`` into ``--pack <temp>/NAME.yaml`` (the drafts). Prints both score lines and how much of
what the hand-made packs find the drafts find.

With ``--docs``, the documents of that folder are drafted instead (a corpus whose ``pack`` names are their
stems) and only the drafts are scored; the corpus's ``year`` (from its gold.json) replaces score.py's 2023.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = """#!{python}
import sys
from dutyaudit.cli import main
args = sys.argv[1:]
year = {year!r}
for i, a in enumerate(args[:-1]):
    if a == "--year" and year:
        args[i + 1] = year
for i, a in enumerate(args[:-1]):
    if a == "--pack":
        args[i + 1] = {folder!r} + "/" + args[i + 1] + ".yaml"
sys.argv = ["dutyaudit", *args]
main()
"""


def score(score_py: Path, exe: str, gold: Path, firm: bool, misses: bool = False) -> str:
    cmd = [sys.executable, str(score_py), "--exe", exe, "--gold", str(gold), "--verbose"]
    flags = [*(["--firm"] if firm else []), *(["--misses"] if misses else [])]
    out = subprocess.run([*cmd, *flags], capture_output=True, text=True, check=False).stdout
    return out.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "matching-dev")
    ap.add_argument("--firm", action="store_true", help="leave doubtful rows out")
    ap.add_argument("--misses", action="store_true", help="print the drafts' missed and false-positive rows")
    ap.add_argument("--docs", type=Path, help="draft the documents (*.txt) of this folder; no hand-made packs")
    args = ap.parse_args()
    score_py = args.gold / "score.py"
    if not score_py.is_file():  # the blind corpora under tests/blind/ are scored by the dev set's score.py
        score_py = ROOT.parent / "shared" / "matching-dev" / "score.py"
    exe = shutil.which("dutyaudit")
    if not score_py.is_file() or exe is None:
        sys.exit(f"need {score_py} and dutyaudit on PATH")
    with tempfile.TemporaryDirectory(prefix="drafts-") as tmp:
        docs = args.docs or ROOT / "packs" / "sources"
        for src in sorted(docs.glob("*.txt")):
            out = Path(tmp) / f"{src.stem}.yaml"
            subprocess.run([exe, "packs", "draft", str(src), "--id", src.stem, "--out", str(out)], check=True)
        wrapper = Path(tmp) / "dutyaudit-draft"
        years = {str(f.get("year", 2023)) for f in json.loads((args.gold / "gold.json").read_text("utf-8"))["files"]}
        year = years.pop() if len(years) == 1 and args.docs else ""
        wrapper.write_text(WRAPPER.format(python=sys.executable, folder=tmp, year=year), encoding="utf-8")
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
        hand = "" if args.docs else score(score_py, exe, args.gold, args.firm)
        draft = score(score_py, str(wrapper), args.gold, args.firm, args.misses)
    print(("hand-made packs:\n" + hand + "\n\n" if hand else "") + "drafted packs:\n" + draft)
    hits = [re.search(r"recall [\d.]+% \((\d+)/", s.splitlines()[-1] if s else "") for s in (hand, draft)]
    if hand and all(hits):
        h, d = (int(m.group(1)) for m in hits if m)
        print(f"\ndrafts find {d}/{h} = {d / max(h, 1):.0%} of the rows the hand-made packs find")


if __name__ == "__main__":
    os.environ.setdefault("COLUMNS", "120")
    main()
