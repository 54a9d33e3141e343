"""Rendering a batch: the ranking table (Rich), JSON array of contract objects, CSV one row per unit."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from dutyaudit.audit import Audit
from dutyaudit.batch import BatchResult
from dutyaudit.i18n import Lang, t
from dutyaudit.model import STATUSES
from dutyaudit.report.json import audit_json_indented

CSV_COLUMNS = ("rank", "unit", "year", "score", "grade", "passed", *STATUSES, "total", "warnings", "files")


def ranking_rows(result: BatchResult) -> list[dict[str, Any]]:
    """One dict per audited unit in ranking order (ties share a rank)."""
    rows = []
    rank = 0
    prev: float | None = None
    for i, a in enumerate(result.audits, start=1):
        if a.score != prev:
            rank, prev = i, a.score
        rows.append(
            {
                "rank": rank,
                "unit": a.unit or "",
                "year": a.year,
                "score": a.score,
                "grade": a.grade or "",
                "passed": "no" if a.has_gaps else "yes",
                **a.summary,
                "warnings": len(a.warnings),
                "files": t("sep", a.lang).join(a.files),
            }
        )
    return rows


def unit_json(audit: Audit) -> str:
    """One unit's contract object as JSON text, indented as an element of batch_json's array.

    run_batch calls it in the worker processes (``render=unit_json``): encoding with indentation
    runs in pure Python and would otherwise be the parent's largest serial cost.
    """
    text = audit_json_indented(audit)  # json.dumps(audit_dict(audit), ensure_ascii=False, indent=2), faster
    return "  " + text.replace("\n", "\n  ")  # JSON strings never hold a raw newline


def _json_items(result: BatchResult, lang: Lang) -> Iterator[str]:
    for a in result.audits:
        yield result.rendered.get(a.unit or "") or unit_json(a)
    for f in result.failures:
        err = {"tool": "dutyaudit", "error": f.text(lang), "file": f.file}
        yield "  " + json.dumps(err, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def write_batch_json(result: BatchResult, stream: TextIO, lang: Lang = "zh") -> None:
    """The contract: an array of `check` objects, then one error object per failed input.

    Byte for byte ``json.dumps(items, ensure_ascii=False, indent=2)``, written piece by piece from
    the units' texts made in the workers (``result.rendered``) where there are any.
    """
    sep = "[\n"
    for item in _json_items(result, lang):
        stream.write(sep)
        stream.write(item)
        sep = ",\n"
    stream.write("[]\n" if sep == "[\n" else "\n]\n")


def batch_json(result: BatchResult, lang: Lang = "zh") -> str:
    """What write_batch_json writes, as one string."""
    buf = io.StringIO()
    write_batch_json(result, buf, lang)
    return buf.getvalue()


def write_batch_csv(result: BatchResult, stream: TextIO) -> None:
    """One row per unit in ranking order, CSV_COLUMNS as the header; UTF-8 with a BOM for Excel.

    ``passed`` is yes when no duty of the unit is below requirement (the exit-code rule of ``check``).
    """
    stream.write("\ufeff")
    w = csv.writer(stream, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for r in ranking_rows(result):
        w.writerow([r[c] for c in CSV_COLUMNS])


def write_batch_table(result: BatchResult, stream: TextIO, pack_name: str, lang: Lang) -> None:
    """The ranking as a Rich table, then the inputs that could not be audited."""
    from rich.table import Table
    from rich.text import Text

    from dutyaudit.report.terminal import STATUS_STYLE, make_console

    console = make_console(stream)
    console.print(Text(pack_name, style="bold"))
    years = sorted({a.year for a in result.audits})
    if years:
        console.print(t("ui.batch.year", lang, years=", ".join(map(str, years)), n=len(result.audits)))
    rows = ranking_rows(result)
    # Only what varies: the year when units differ in it, a status some unit has; nothing is cut short.
    heads = ["rank", "unit", *(["year"] if len(years) > 1 else []), "score", "grade"]
    statuses = [st for st in STATUSES if any(r[st] for r in rows)]
    table = Table(header_style="bold")
    for c in heads:
        number = c in ("rank", "year", "score")
        table.add_column(
            t(f"ui.col.{c}", lang),
            justify="right" if number else "left",
            no_wrap=c != "unit",
            overflow="fold",
            min_width=4 if c == "score" else None,
        )
    for st in statuses:
        table.add_column(Text(t(st, lang), style=STATUS_STYLE.get(st, "")), justify="right", no_wrap=True)
    table.add_column(t("ui.col.warnings", lang), justify="right", no_wrap=True)
    for r in rows:
        cells = {"rank": str(r["rank"]), "unit": r["unit"], "year": str(r["year"])}
        cells |= {"score": f"{r['score']:.1f}", "grade": r["grade"]}
        table.add_row(*(cells[c] for c in heads), *(str(r[st]) for st in statuses), str(r["warnings"]))
    console.print(table)
    if result.failures:
        console.print(Text(t("ui.batch.failed", lang), style="bold red"))
        for f in result.failures:
            console.print(Text(f"  {f.file} — {f.text(lang)}", style="red"))
