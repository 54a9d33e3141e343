"""The clause tree of a document, as the document numbers it.

Markers at the start of a paragraph open a clause: 一、 (一) 1. (1) ① 第N条 第N章/部分 任务N. Nesting
follows the order in which marker styles first appear (the usual 一、 > (一) > 1. > (1) > ①), and a
style seen again closes every deeper clause, so numbering that runs on through a list ((1)–(22) under
1.–7.) keeps its parents. A clause id is the path of labels, e.g. 三(一)6(19) or 一（四）1: brackets are
the document's own (full-width when most of its bracketed markers are), 、 and . are dropped.
Unnumbered paragraphs belong to the clause above them. Text before the first marker (title, notice)
is the preamble; portal footers after the body (附件下载, 扫一扫 …) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_CN = "一二三四五六七八九十百零〇两"
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^(第[{_CN}]+(?:章|部分|节))\s*")),
    ("article", re.compile(rf"^(第[{_CN}]+条)\s*")),
    ("cn", re.compile(rf"^([{_CN}]+)[、.．]\s*")),
    ("pcn", re.compile(rf"^([（(])\s*([{_CN}]+)\s*([）)])\s*")),
    ("task", re.compile(r"^(任务)\s*(\d+)\s*[：:.．、]?\s*")),
    ("num", re.compile(r"^(\d{1,3})(?:[.．、](?!\d)|\s+(?=[\u4e00-\u9fff]))\s*")),
    ("pnum", re.compile(r"^([（(])\s*(\d{1,3})\s*([）)])\s*")),
    ("circ", re.compile(r"^([①-⑳])\s*")),
)
_FOOTER = re.compile(
    r"^(?:附件下载|扫一扫|热门词条|联络我们|联系我们|相关链接|相关文章|相关阅读|打印本页|关闭窗口|【打印|抄送[:：]|印发[:：]|主办[:：]|版权所有)"
)

#: A line of the closing block that signs and dates a document: issuers only (中共雍川镇委员会办公室　雍川镇人民政府
#: 办公室), or a date (2024年3月12日印发).
_CLOSING = re.compile(
    r"^(?:(?:(?:中共)?[\u4e00-\u9fff（）()]{2,30}?(?:办公室|办公厅|委员会|人民政府|政府|党委|党组|局|厅|院|所))[\s\u3000]*)+$"
    r"|^[\s\u3000]*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*(?:印发|发布)?[\s\u3000]*$"
)


def _body_end(lines: list[str] | tuple[str, ...]) -> int:
    """Where the closing block (issuers' names and the date under the text) begins: it holds no duty."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or _CLOSING.match(lines[end - 1].strip())):
        end -= 1
    return end


@dataclass(eq=False)
class Clause:
    """One numbered clause: its label, its own paragraphs and its sub-clauses."""

    style: str
    label: str
    """The label as the clause id writes it: 三, (一), 1, (1), ①, 第五条."""
    paragraphs: list[str] = field(default_factory=list)
    """The clause's own text: the rest of its first paragraph, then unnumbered paragraphs."""
    children: list[Clause] = field(default_factory=list)
    parent: Clause | None = None

    @property
    def id(self) -> str:
        """The clause path, e.g. 三(一)6(19)."""
        parts = []
        node: Clause | None = self
        while node is not None and node.style != "root":
            parts.append(node.label)
            node = node.parent
        return "".join(reversed(parts))

    @property
    def heading(self) -> str:
        """The first paragraph (the clause's title or its only sentence)."""
        return self.paragraphs[0] if self.paragraphs else ""

    def ancestors(self) -> list[Clause]:
        """Parents from the nearest up, the root left out."""
        out = []
        node = self.parent
        while node is not None and node.style != "root":
            out.append(node)
            node = node.parent
        return out

    def walk(self) -> Iterator[Clause]:
        """This clause and every clause below it, in document order."""
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Tree:
    """The parsed document: preamble lines and the root of the clause tree."""

    preamble: list[str]
    root: Clause

    def clauses(self) -> list[Clause]:
        """Every clause in document order (the root left out)."""
        return [c for c in self.root.walk() if c.style != "root"]


def _marker(line: str) -> tuple[str, str, str, str] | None:
    """(style, number, brackets, rest) of a paragraph that opens a clause."""
    for style, rx in _MARKERS:
        m = rx.match(line)
        if not m:
            continue
        rest = line[m.end() :]
        if not rest.strip() and style not in ("article", "chapter"):
            return None
        if style in ("pcn", "pnum"):
            return style, m.group(2), m.group(1) + m.group(3), rest
        if style == "task":
            return style, m.group(1) + m.group(2), "", rest
        return style, m.group(1), "", rest
    return None


def parse(lines: list[str] | tuple[str, ...]) -> Tree:
    """Build the clause tree of a document's lines."""
    marked = [(line, _marker(line)) for line in lines[: _body_end(lines)]]
    full = sum(1 for _, m in marked if m and m[2] and m[2][0] == "（")
    half = sum(1 for _, m in marked if m and m[2] and m[2][0] == "(")
    brackets = ("（", "）") if full > half else ("(", ")")
    root = Clause("root", "")
    preamble: list[str] = []
    stack: list[Clause] = [root]
    started = False
    for line, m in marked:
        if started and _FOOTER.match(line):
            break
        if m is None:
            if started:
                stack[-1].paragraphs.append(line)
            else:
                preamble.append(line)
            continue
        style, number, _, rest = m
        styles = [c.style for c in stack]
        if not started and style not in ("cn", "article", "chapter", "task", "num"):
            preamble.append(line)  # a (一) before any 一、 is part of a notice, not the body
            continue
        if style in styles:
            del stack[styles.index(style) :]
        label = f"{brackets[0]}{number}{brackets[1]}" if style in ("pcn", "pnum") else number
        node = Clause(style, label, [rest.strip()] if rest.strip() else [], parent=stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
        started = True
    return Tree(preamble, root)
