"""A small Gherkin reader for the openCypher TCK feature files.

It knows what the TCK uses: Feature, Background (steps run before every scenario), Scenario,
Scenario Outline with Examples tables, steps (Given/When/Then/And/But) each with an optional
doc string or table, tags and comments.
An outline becomes one case per Examples row, with <name> placeholders substituted.
"""

import re
from dataclasses import dataclass, field

STEP_KEYWORDS = ("Given ", "When ", "Then ", "And ", "But ")


@dataclass
class Step:
    keyword: str  # Given, When or Then ("And"/"But" take the keyword before them)
    text: str
    doc: str | None = None
    table: list[list[str]] | None = None


@dataclass
class Case:
    feature: str  # path under features/, e.g. clauses/match/Match4.feature
    name: str
    example: int | None  # 1-based row of the outline's Examples, None for a plain scenario
    steps: list[Step] = field(default_factory=list)

    @property
    def id(self) -> str:
        suffix = f" #{self.example}" if self.example is not None else ""
        return f"{self.feature}: {self.name}{suffix}"


def split_row(line: str) -> list[str]:
    """Cells of a table row `| a | b |`, with Gherkin's escapes: `\\|`, `\\\\` and `\\n`."""
    cells, cell, i = [], "", line.index("|") + 1
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line) and line[i + 1] in "|\\n":
            cell += "\n" if line[i + 1] == "n" else line[i + 1]
            i += 2
            continue
        if c == "|":
            cells.append(cell.strip())
            cell = ""
        else:
            cell += c
        i += 1
    return cells


def read_doc(lines: list[str], i: int) -> tuple[str, int]:
    """The doc string opening at lines[i]; returns its text and the index after it."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    body = []
    i += 1
    while lines[i].strip() != '"""':
        body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i].lstrip())
        i += 1
    return "\n".join(body), i + 1


def read_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The table starting at lines[i]. A comment line inside it (`#| =  |`, an example the TCK
    leaves out) is skipped: the rows after it still belong to the same table and header."""
    rows = []
    while i < len(lines) and lines[i].strip().startswith(("|", "#")):
        if lines[i].strip().startswith("|"):
            rows.append(split_row(lines[i].strip()))
        i += 1
    return rows, i


def substitute(text: str, values: dict[str, str]) -> str:
    return re.sub(r"<(\w+)>", lambda m: values.get(m.group(1), m.group(0)), text)


def expand(feature: str, name: str, steps: list[Step], examples: list[list[list[str]]]) -> list[Case]:
    if not examples:
        return [Case(feature, name, None, steps)]
    cases = []
    for table in examples:
        header = table[0]
        for row in table[1:]:
            values = dict(zip(header, row))
            cases.append(
                Case(
                    feature,
                    name,
                    len(cases) + 1,
                    [
                        Step(
                            s.keyword,
                            substitute(s.text, values),
                            substitute(s.doc, values) if s.doc is not None else None,
                            [[substitute(c, values) for c in r] for r in s.table] if s.table else None,
                        )
                        for s in steps
                    ],
                )
            )
    return cases


def read_feature(text: str, feature: str) -> list[Case]:
    lines = text.split("\n")
    cases: list[Case] = []
    background: list[Step] = []
    name, steps, examples, in_examples = None, [], [], False

    def flush():
        if name is not None:
            cases.extend(expand(feature, name, background + steps, examples))

    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("Background:"):
            name, steps = None, background
            i += 1
        elif line.startswith("Scenario Outline:") or line.startswith("Scenario:"):
            flush()
            name = line.split(":", 1)[1].strip()
            steps, examples, in_examples = [], [], False
            i += 1
        elif line.startswith("Examples:"):
            in_examples = True
            i += 1
        elif line.startswith("|"):
            table, i = read_table(lines, i)
            if in_examples:
                examples.append(table)
            else:
                steps[-1].table = table
        elif line == '"""':
            steps[-1].doc, i = read_doc(lines, i)
        elif line.startswith(STEP_KEYWORDS) and not in_examples:
            word, rest = line.split(" ", 1)
            keyword = steps[-1].keyword if word in ("And", "But") and steps else word
            steps.append(Step(keyword, rest.strip()))
            i += 1
        else:  # Feature line, tags, comments, blank lines
            i += 1
    flush()
    return cases
