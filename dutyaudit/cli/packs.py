"""``dutyaudit packs list | show | validate | schema``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dutyaudit.cli import app
from dutyaudit.cli.check import Lang, LangOpt
from dutyaudit.cli.common import DebugOpt, handle_errors

packs_app = typer.Typer(help="List, show, validate duty packs; print their JSON Schema.", no_args_is_help=True)
app.add_typer(packs_app, name="packs")


class PackFormat(StrEnum):
    """Output formats of ``packs list`` and ``packs show``."""

    table = "table"
    json = "json"


FormatOpt = Annotated[PackFormat, typer.Option("--format", "-f", help="Output format.")]


@packs_app.command("list")
@handle_errors
def list_packs(fmt: FormatOpt = PackFormat.table, debug: DebugOpt = False) -> None:
    """List the built-in packs: id, name, jurisdiction, issuer, date, duty count.

    \b
    Example:
      dutyaudit packs list --format json
    """
    from dutyaudit.packs import iter_builtin
    from dutyaudit.report.packs import pack_list_json, print_pack_list

    packs = list(iter_builtin())
    if fmt is PackFormat.json:
        sys.stdout.write(pack_list_json(packs))
    else:
        print_pack_list(packs, sys.stdout)


@packs_app.command("show")
@handle_errors
def show_pack(
    name: Annotated[str, typer.Argument(metavar="PACK", help="Built-in pack id or pack YAML file.")],
    fmt: FormatOpt = PackFormat.table,
    debug: DebugOpt = False,
) -> None:
    """Show a pack as a reader sees it: roles, then duties by clause with kind and requirement.

    \b
    Example:
      dutyaudit packs show panjin
    """
    from dutyaudit.packs import load_pack
    from dutyaudit.report.packs import pack_json, print_pack

    pack = load_pack(name)
    if fmt is PackFormat.json:
        sys.stdout.write(pack_json(pack))
    else:
        print_pack(pack, sys.stdout)


@packs_app.command("validate")
@handle_errors
def validate(
    files: Annotated[list[str], typer.Argument(metavar="PACK", help="Pack YAML files or built-in pack ids.")],
    lang: LangOpt = Lang.zh,
    debug: DebugOpt = False,
) -> None:
    """Validate packs; list every error (file, duty, field) and exit 2 if any pack has one.

    \b
    Example:
      dutyaudit packs validate mypack.yaml panjin
    """
    from dutyaudit.errors import PackError
    from dutyaudit.i18n import Msg, t
    from dutyaudit.packs import load_pack

    failed = False
    for f in files:
        try:
            pack = load_pack(f)
        except PackError as exc:
            failed = True
            problems: list[Msg | str] = list(exc.problems) if exc.problems else [exc.msg or exc.message]
            for problem in problems:
                text = problem if isinstance(problem, str) else problem.render(lang.value)
                typer.echo(t("err.prefix", lang.value) + text, err=True)
            continue
        typer.echo(t("ui.pack_ok", lang.value, file=f, id=pack.id, n=len(pack.duties)))
    if failed:
        raise typer.Exit(2)


@packs_app.command("schema")
def schema() -> None:
    """Print the JSON Schema of a pack file (for editor autocompletion).

    \b
    Example:
      dutyaudit packs schema > pack.schema.json
    """
    from dutyaudit.packs import json_schema
    from dutyaudit.report.json import dumps

    typer.echo(dumps(json_schema()))


@packs_app.command("draft")
@handle_errors
def draft(
    document: Annotated[
        Path,
        typer.Argument(metavar="DOC", help="The official document: .txt, .docx, .pdf (with text) or .html."),
    ],
    pack_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="Pack id (default: from the file name).")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="Pack name (default: the document's title).")
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DRAFT.yaml", help="Where to write the draft pack YAML.")
    ] = Path("draft.yaml"),
    force: Annotated[
        bool, typer.Option("--force", help="Replace --out if it exists (a reviewed draft would lose its edits).")
    ] = False,
    lang: LangOpt = Lang.zh,
    debug: DebugOpt = False,
) -> None:
    """Draft a pack from an official duty list, marked for review (`packs show` lists the review notes first).

    \b
    Example:
      dutyaudit packs draft 职责清单.docx --id mycounty --out mycounty.yaml
    """
    from dutyaudit.draft import draft_pack
    from dutyaudit.errors import OutputError
    from dutyaudit.i18n import msg
    from dutyaudit.output import refuse_inputs, write_atomic

    result = draft_pack(document, pack_id, name)
    refuse_inputs(out, [document])
    if out.is_file() and not force:  # a draft under review holds a person's edits: never replaced silently
        raise OutputError(msg("err.out.draft_exists", out=out))

    def write(tmp: Path) -> None:
        tmp.write_text(result.yaml, encoding="utf-8")

    write_atomic(out, write, inputs=[document])
    reviews = sum(1 for d in result.pack.duties if d.review)
    from dutyaudit.i18n import t

    n = len(result.pack.duties)
    typer.echo(t("ui.drafted", lang.value, out=out, n=n, doc=document.name, reviews=reviews))
