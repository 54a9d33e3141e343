"""The kind of unit a log is kept by, told from what its rows say when nothing names the unit.

A department's OA export says 局党组会议, 局务会, 局长; a township's running log 镇党委, 镇政府, 镇长办公会; a
county's 县委常委会, 区政府常务会议. When a log names no unit (no title, no unit column, a file name like
``log_2023.csv``), these self-references tell the audit whose duties to check, so that a bureau is not
scored on a township's duties. Only a clear majority decides; otherwise nothing is inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import islice

from dutyaudit.ingest.text import normalize
from dutyaudit.model import Activity
from dutyaudit.units import UnitKind

#: Words by which a unit speaks of its own bodies and meetings, per kind (matched on normalised row text).
MARKERS: dict[UnitKind, re.Pattern[str]] = {
    "department": re.compile(r"局党组|局党委|局务会|局长办公会|局长|本局|局机关|局领导|全局|委党组|委务会|局属"),
    "township": re.compile(
        r"镇党委|乡党委|镇政府|乡政府|镇长|乡长|镇人民政府|乡人民政府|本镇|全镇|本乡|全乡|党政联席会|"
        r"街道党工委|街道办事处|党工委会议|镇人大|乡人大|镇党代会"
    ),
    "county": re.compile(
        r"(?:县|区|市|旗)委常委会|(?:县|区|市|旗)政府常务会|常委会会议|政府常务会议|(?:县|区|市)长办公会|"
        r"(?:县|区|市)委书记|(?:县|区|市)长|(?:县|区|市)委理论学习中心组|(?:县|区|市)政府党组"
    ),
}

#: A kind is inferred when its rows are at least this many and this many times those of any other kind.
MIN_ROWS, MIN_LEAD = 3, 3
#: Rows read to tell the kind: a log's own way of naming its bodies shows in its first few thousand rows.
SAMPLE_ROWS = 5000


def _texts(rows: Iterable[Activity]) -> Iterable[str]:
    for a in rows:
        yield a.key + "\x00" + normalize(a.role_text) if a.role_text else a.key
        for v in a.extra.values():
            if isinstance(v, str) and v:
                yield normalize(v)


def kind_from_rows(rows: Iterable[Activity]) -> tuple[UnitKind, str] | None:
    """The kind most rows speak of themselves as, with one marker word as the example; None when unclear."""
    counts: Counter[UnitKind] = Counter()
    example: dict[UnitKind, str] = {}
    for text in dict.fromkeys(_texts(islice(rows, SAMPLE_ROWS))):
        for kind, pattern in MARKERS.items():
            m = pattern.search(text)
            if m:
                counts[kind] += 1
                example.setdefault(kind, m.group(0))
    if not counts:
        return None
    (kind, n), *rest = counts.most_common()
    runner_up = rest[0][1] if rest else 0
    if n >= MIN_ROWS and n >= MIN_LEAD * runner_up:
        return kind, example[kind]
    return None
