#!/usr/bin/env bash
# Render a workbook the way it prints: LibreOffice (headless) → PDF → one PNG per page.
#
#   scripts/render_pdf.sh card.xlsx [OUTDIR] [DPI]
#
# Needs: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-noto-cjk
# Writes OUTDIR/<name>.pdf and OUTDIR/<name>-<page>.png (default OUTDIR /tmp/pdf, DPI 60) and prints
# the page count, so a scorecard or template can be looked at page by page before it is handed out.
set -euo pipefail

book=${1:?usage: render_pdf.sh BOOK.xlsx [OUTDIR] [DPI]}
outdir=${2:-/tmp/pdf}
dpi=${3:-60}
name=$(basename "${book%.*}")

mkdir -p "$outdir"
# A private profile: a second soffice (or one already open on the desktop) cannot lock this run.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$outdir" "$book" >/dev/null
rm -f "$outdir/$name"-*.png
pdftoppm -png -r "$dpi" "$outdir/$name.pdf" "$outdir/$name"
pages=$(pdfinfo "$outdir/$name.pdf" | awk '/^Pages:/ {print $2}')
echo "$outdir/$name.pdf: $pages page(s)"
ls "$outdir/$name"-*.png
