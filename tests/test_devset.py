"""The matching dev set (../shared/matching-dev beside the clone) and our blind corpora score above a floor.

Runs the dev set's own scorer against this checkout's ``dutyaudit`` (as a user runs ``check``), so
recall, precision, distractor false positives and leaks are measured exactly as the issue states them.
Skipped where the shared folder is not there.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: ../shared beside the clone (CI), or beside the folder holding this worktree.
DEV = next(
    (
        p / "shared" / "matching-dev"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "matching-dev").is_dir()
    ),
    ROOT.parent / "shared" / "matching-dev",
)

#: A little below what the matcher reaches (93.7% / 98.8% / 0% / 0 when this floor was set).
MIN_RECALL = 0.91
MIN_PRECISION = 0.95
MAX_DISTRACTOR_FP = 0.05

_LINE = re.compile(
    r"matching: recall ([\d.]+)% .*precision ([\d.]+)% .*distractor FP ([\d.]+)% \(\d+/\d+\), leaks (\d+)/\d+"
)


#: Our own blind corpora (tests/blind): (recall, precision, distractor FP) floors, a little below what the
#: matcher reaches; c2 is never tuned on, so its floor only guards against a regression.
BLIND = {
    "c1": (0.91, 0.95, 0.03),  # 93.3% / 98.1% / 0% when set
    "c3": (0.92, 0.95, 0.05),  # 94.6% / 99.3% / 0% when set
    "c2": (0.87, 0.85, 0.08),  # held out, never tuned on: 90.5% / 88.8% / 5.4% when set
    "c4": (0.90, 0.86, 0.07),  # 92.5% / 89.4% / 4.9% when set (blind first: 58.2% / 75.6% / 4.9%)
    "c6": (0.86, 0.85, 0.04),  # 88.5% / 87.9% / 1.2% when set (blind first: 52.5% / 86.5% / 1.2%)
    "c5": (0.86, 0.89, 0.07),  # 88.4% / 92.2% / 5.2% when set (blind first: 75.3% / 77.5% / 5.2%)
    # guangxi and ziyang logs (a 县委办, a 县人社局, a 区法院): 86.7% / 93.4% / 1.4% when set (blind first: 37.5% /
    # 57.5% / 4.2%: department duties cited 第十条/第六条(x), a court audited as a department)
    "c7": (0.84, 0.91, 0.03),
    "c8": (0.88, 0.90, 0.05),  # 90.9% / 92.8% / 3.1% when set (blind first: 54.5% / 62.4% / 4.7%)
    # a 人大常委会 (ziyang), a 乡镇 (guangxi), a 街道 (shizuishan, whose plan binds 街道 only by 任务41):
    # 62.9% / 94.3% / 1.4% when set (blind first: 37.1% / 77.0% / 1.4%)
    "c9": (0.60, 0.91, 0.03),
    # a 区长's 履职纪实 (panjin), a 区教育局 workbook of month sheets (shapotou), an OA weekly report with a 下周计划
    # column (shizuishan): 89.6% / 93.5% / 0% when set (blind first: 82.8% / 74.6% / 22.9%: the plans were matched)
    "c11": (0.87, 0.91, 0.02),
    # a monthly summary with several activities per cell (panjin), a township log in traditional script
    # (shapotou), a 县交通运输局 with its header on row 4 (shizuishan): 87.3% / 87.9% / 5.7% when set (blind
    # first: 84.9% / 87.7% / 7.1%)
    "c13": (0.85, 0.85, 0.07),
    # a 督查督办 export whose date is the 办结日期 (panjin), a 镇政府 meeting-decision ledger (shapotou), a 市政府办
    # ledger with a loose 对应任务 column (shizuishan): 90.2% / 86.5% / 3.1% when set (blind first: 90.2% / 85.9% /
    # 4.6% with 2 leaks: the 交办日期 was read as the date)
    "c14": (0.88, 0.84, 0.05),
    # an evidence list with the clerk's own clause citations (panjin), a 卫健局 OA 发文 register (shapotou), a 镇
    # 司法所长's diary (shizuishan, a township: 任务41 only is in scope): 69.7% / 90.8% / 0% when set (blind first:
    # 62.2% / 87.0% / 3.1%)
    "c15": (0.67, 0.88, 0.02),
    # a 县政府 ledger under short 工作任务 labels (panjin), a 镇党委 minutes index with three 议题 columns (shapotou), a
    # progress sheet per 提升行动 (shizuishan): 91.0% / 79.9% / 13.6% when set (blind first: 91.0% / 79.3% / 15.2%;
    # scored at the end of the session, little tuned: a short label is matched on its own, not with its item)
    "c16": (0.89, 0.77, 0.15),
    # held out, written after this session's fixes, its misses never read (a 区委办督查室 ledger, a 镇 司法所 GBK
    # CSV, a 区政府办 ledger with month-only dates): 87.5% / 93.6% / 3.0% when set (main at the session's start:
    # 87.5% / 89.7% / 4.5%)
    "c12": (0.85, 0.90, 0.05),
    # held out, its misses never read (a 县政府办 on ziyang, a 县司法局 OA export on guangxi, a headerless panjin
    # CSV): 62.1% / 86.9% / 10.3% when set (blind first: 28.2% / 83.7% / 5.9%, the CSV refused for want of a header)
    "c10": (0.58, 0.82, 0.12),
    # a guangxi 乡镇 ledger by quarter with a 主要负责人 column, a ziyang 县委办 ledger, a shapotou 区自然资源局 OA 督办
    # export: 79.0% / 92.0% / 2.9% when set (blind first: 66.4% / 78.5% / 5.8%)
    "c17": (0.76, 0.89, 0.04),
    # held out, its misses never read (a ziyang 县司法局 colloquial CSV, a guangxi 县政府办 minutes register, a panjin
    # 区委组织部/党校 学法 ledger): 75.2% / 76.8% / 18.9% when set (blind first: 72.7% / 76.5% / 18.9%)
    "c18": (0.72, 0.74, 0.21),
    # cadres' law study among ordinary trainings (a panjin 县委组织部 ledger, a shizuishan 司法局 学法 log, a guangxi
    # 县委党校 register): 85.7% / 78.2% / 2.8% when set (blind first: 74.8% / 75.9% / 2.8%)
    "c19": (0.83, 0.75, 0.04),
    # a ziyang 区政府办 ledger, a guangxi 县住建局 terse GB18030 CSV, a shapotou 镇党政办 ledger with a 责任领导 column:
    # 89.2% / 96.5% / 0% when set (blind first: 66.7% / 95.4% / 0%)
    "c20": (0.86, 0.94, 0.02),
    # held out, written at the end of the fourth session, its misses never read (a 区民政局 WPS ledger, a 县政府督查室
    # ledger dated by its 完成日期, a ziyang 镇 GBK CSV): 73.3% / 81.4% / 7.1% when set (blind first 45.0% / 77.6% /
    # 5.7%: the 督查室 ledger exited 2 for want of a date column; the fix came from that error line alone)
    "c21": (0.70, 0.78, 0.09),
}


def _score(gold: Path) -> tuple[float, float, float, int, str]:
    exe = Path(sys.executable).with_name("dutyaudit")
    cmd = [sys.executable, str(DEV / "score.py"), "--verbose", "--gold", str(gold)]
    if exe.is_file():
        cmd += ["--exe", str(exe)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    found = _LINE.search(done.stdout)
    assert found, done.stdout + done.stderr
    assert "ERROR" not in done.stdout, done.stdout  # every log is read
    recall, precision, distractor = (float(found.group(i)) / 100 for i in (1, 2, 3))
    return recall, precision, distractor, int(found.group(4)), done.stdout


@pytest.mark.skipif(not (DEV / "score.py").is_file(), reason="no ../shared/matching-dev beside the clone")
def test_dev_set_scores_above_the_floor() -> None:
    recall, precision, distractor, leaks, out = _score(DEV)
    assert recall >= MIN_RECALL, out
    assert precision >= MIN_PRECISION, out
    assert distractor <= MAX_DISTRACTOR_FP, out
    assert leaks == 0, out  # no row from another year counted


@pytest.mark.skipif(not (DEV / "score.py").is_file(), reason="no ../shared/matching-dev beside the clone")
@pytest.mark.parametrize("corpus", sorted(BLIND))
def test_blind_corpus_scores_above_the_floor(corpus: str) -> None:
    gold = ROOT / "tests" / "blind" / corpus
    if not (gold / "gold.json").is_file():
        pytest.skip(f"tests/blind/{corpus} not present")
    min_recall, min_precision, max_fp = BLIND[corpus]
    recall, precision, distractor, leaks, out = _score(gold)
    assert recall >= min_recall, out
    assert precision >= min_precision, out
    assert distractor <= max_fp, out
    assert leaks == 0, out
