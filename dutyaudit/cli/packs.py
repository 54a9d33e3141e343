"""``dutyaudit packs list | show | validate | schema``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dutyaudit.cli import app
from dutyaudit.cli.common import DebugOpt, handle_errors

packs_app = typer.Typer(help="List, show, validate duty packs; print their JSON Schema.", no_args_is_help=True)
app.add_typer(packs_app, name="packs")

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


@packs_app.command("list")
@handle_errors
def list_packs(fmt: FormatOpt = "table", debug: DebugOpt = False) -> None:
    """List the built-in packs: id, name, jurisdiction, issuer, date, duty count."""
    from dutyaudit.packs import iter_builtin
    from dutyaudit.report.packs import pack_list_json, print_pack_list

    packs = list(iter_builtin())
    if fmt == "json":
        sys.stdout.write(pack_list_json(packs))
    else:
        print_pack_list(packs, sys.stdout)


@packs_app.command("show")
@handle_errors
def show_pack(
    name: Annotated[str, typer.Argument(help="Built-in pack id or pack YAML file.")],
    fmt: FormatOpt = "table",
    debug: DebugOpt = False,
) -> None:
    """Show a pack as a reader sees it: roles, then duties by clause with kind and requirement."""
    from dutyaudit.packs import load_pack
    from dutyaudit.report.packs import pack_json, print_pack

    pack = load_pack(name)
    if fmt == "json":
        sys.stdout.write(pack_json(pack))
    else:
        print_pack(pack, sys.stdout)


@packs_app.command("validate")
@handle_errors
def validate(
    files: Annotated[list[Path], typer.Argument(help="Pack YAML files to check.")],
    debug: DebugOpt = False,
) -> None:
    """Validate pack files; exit 2 naming the file, duty and field of the first error."""
    from dutyaudit.packs import load_pack_file

    for f in files:
        pack = load_pack_file(f)
        typer.echo(f"{f}: ok ({pack.id}, {len(pack.duties)} duties)")


@packs_app.command("schema")
def schema() -> None:
    """Print the JSON Schema of a pack file (for editor autocompletion)."""
    from dutyaudit.packs import json_schema
    from dutyaudit.report.json import dumps

    typer.echo(dumps(json_schema()))


@packs_app.command("draft")
@handle_errors
def draft(
    document: Annotated[Path, typer.Argument(help="The official document: .txt, .docx, .pdf (with text) or .html.")],
    pack_id: Annotated[str | None, typer.Option("--id", help="Pack id (default: from the file name).")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Pack name (default: the document's title).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the draft pack YAML.")] = Path("draft.yaml"),
    debug: DebugOpt = False,
) -> None:
    """Draft a pack from an official duty list, marked for review (`packs show` lists the review notes first)."""
    from dutyaudit.draft import draft_pack
    from dutyaudit.output import write_atomic

    result = draft_pack(document, pack_id, name)

    def write(tmp: Path) -> None:
        tmp.write_text(result.yaml, encoding="utf-8")

    write_atomic(out, write, inputs=[document])
    reviews = sum(1 for d in result.pack.duties if d.review)
    typer.echo(f"{out}: {len(result.pack.duties)} duties drafted from {document.name}; {reviews} carry review notes")
