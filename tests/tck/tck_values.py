"""Values as the TCK writes them in result tables, and as tck_driver prints them, brought to one
comparable form.

TCK syntax: null, true, false, 1, -1.5, 1e3, NaN, Inf, 'text' (backslash escapes), [list],
{key: value}, nodes (:A:B {p: 1}), relationships [:T {p: 1}] and paths <(:A)-[:T]->(:B)>.

Comparable form: tagged tuples, ('int', 1) and ('float', 1.0) being different values;
a node is ('node', sorted labels, properties), a relationship ('rel', type, properties),
a path ('path', (node, ('>' or '<', rel), node, ...)).
"""

import math


class ParseError(Exception):
    pass


NULL = ("null",)


def canon_map(items) -> tuple:
    return ("map", tuple(sorted(items)))


class Reader:
    def __init__(self, text: str):
        self.s, self.i = text, 0

    def fail(self, what: str):
        raise ParseError(f"{what} at {self.i} in {self.s!r}")

    def ws(self):
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1

    def peek(self, n=1) -> str:
        self.ws()
        return self.s[self.i : self.i + n]

    def eat(self, token: str):
        if self.peek(len(token)) != token:
            self.fail(f"expected {token!r}")
        self.i += len(token)

    def name(self) -> str:
        self.ws()
        if self.peek() == "`":
            end = self.s.index("`", self.i + 1)
            word, self.i = self.s[self.i + 1 : end], end + 1
            return word
        start = self.i
        while self.i < len(self.s) and (self.s[self.i].isalnum() or self.s[self.i] == "_"):
            self.i += 1
        if start == self.i:
            self.fail("expected a name")
        return self.s[start : self.i]

    def value(self):
        c = self.peek()
        if c == "'" or c == '"':
            return ("str", self.string())
        if c == "[":
            self.eat("[")
            if self.peek() == ":":
                return self.rel_body()
            items = self.items("]", self.value)
            return ("list", tuple(items))
        if c == "{":
            return self.map()
        if c == "(":
            return self.node()
        if c == "<":
            return self.path()
        return self.scalar()

    def items(self, close: str, item):
        out = []
        if self.peek() == close:
            self.eat(close)
            return out
        while True:
            out.append(item())
            if self.peek() == ",":
                self.eat(",")
                continue
            self.eat(close)
            return out

    def map(self):
        self.eat("{")

        def entry():
            key = self.name()
            self.eat(":")
            return (key, self.value())

        return canon_map(self.items("}", entry))

    def string(self) -> str:
        quote = self.s[self.i]
        self.i += 1
        out = []
        escapes = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "0": "\0"}
        while self.i < len(self.s) and self.s[self.i] != quote:
            c = self.s[self.i]
            if c == "\\":
                self.i += 1
                c = self.s[self.i]
                if c == "u":
                    out.append(chr(int(self.s[self.i + 1 : self.i + 5], 16)))
                    self.i += 4
                else:
                    out.append(escapes.get(c, c))
            else:
                out.append(c)
            self.i += 1
        self.eat(quote)
        return "".join(out)

    def scalar(self):
        self.ws()
        start = self.i
        while self.i < len(self.s) and self.s[self.i] not in ",]}) \t\n|>":
            self.i += 1
        word = self.s[start : self.i]
        if word == "null":
            return NULL
        if word in ("true", "false"):
            return ("bool", word == "true")
        if word in ("NaN", "-NaN"):
            return ("float", math.nan)
        if word in ("Inf", "Infinity", "-Inf", "-Infinity"):
            return ("float", -math.inf if word.startswith("-") else math.inf)
        try:
            return ("int", int(word))
        except ValueError:
            pass
        try:
            return ("float", float(word))
        except ValueError:
            self.fail(f"unknown value {word!r}")

    def labels(self) -> list[str]:
        out = []
        while self.peek() == ":":
            self.eat(":")
            out.append(self.name())
        return out

    def props(self):
        return self.map() if self.peek() == "{" else canon_map([])

    def node(self):
        self.eat("(")
        labels = self.labels()
        props = self.props()
        self.eat(")")
        return ("node", tuple(sorted(labels)), props)

    def rel_body(self):
        labels = self.labels()
        props = self.props()
        self.eat("]")
        return ("rel", labels[0] if labels else "", props)

    def path(self):
        self.eat("<")
        parts = [self.node()]
        while self.peek() != ">":
            back = self.peek(2) == "<-"
            self.eat("<-" if back else "-")
            self.eat("[")
            rel = self.rel_body()
            self.eat("-" if back else "->")
            parts += [("<" if back else ">", rel), self.node()]
        self.eat(">")
        return ("path", tuple(parts))


def parse(text: str):
    """The comparable form of a TCK table cell. Raises ParseError."""
    r = Reader(text)
    v = r.value()
    if r.peek():
        r.fail("trailing text")
    return v


def from_driver(v):
    """The comparable form of a value in tck_driver's JSON."""
    if v is None:
        return NULL
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, int):
        return ("int", v)
    if isinstance(v, float):
        return ("float", v)
    if isinstance(v, str):
        return ("str", v)
    if isinstance(v, list):
        return ("list", tuple(from_driver(x) for x in v))
    keys = set(v)
    if keys == {"id", "type", "label", "properties"}:
        return node_from_driver(v)
    if keys == {"id", "type", "from", "to", "properties"}:
        return rel_from_driver(v)
    if keys == {"nodes", "relationships"}:
        parts = [node_from_driver(v["nodes"][0])]
        for i, r in enumerate(v["relationships"]):
            parts += [(">" if r["from"] == v["nodes"][i]["id"] else "<", rel_from_driver(r))]
            parts.append(node_from_driver(v["nodes"][i + 1]))
        return ("path", tuple(parts))
    return canon_map((k, from_driver(x)) for k, x in v.items())


def node_from_driver(v):
    return ("node", (v["type"],), canon_map((k, from_driver(x)) for k, x in v["properties"].items()))


def rel_from_driver(v):
    return ("rel", v["type"], canon_map((k, from_driver(x)) for k, x in v["properties"].items()))


def to_json(v):
    """A parsed TCK value as the JSON a parameter is sent in (nodes and paths have none)."""
    tag = v[0]
    if tag == "null":
        return None
    if tag in ("bool", "int", "float", "str"):
        return v[1]
    if tag == "list":
        return [to_json(x) for x in v[1]]
    if tag == "map":
        return {k: to_json(x) for k, x in v[1]}
    raise ParseError(f"a {tag} cannot be a parameter")


def equal(a, b, unordered_lists=False) -> bool:
    """Value equality as the TCK compares results: NaN equals NaN; with `unordered_lists`,
    lists compare as multisets."""
    if a[0] != b[0]:
        return False
    tag = a[0]
    if tag == "float":
        return a[1] == b[1] or (math.isnan(a[1]) and math.isnan(b[1]))
    if tag == "list":
        if len(a[1]) != len(b[1]):
            return False
        if unordered_lists:
            return matches(list(a[1]), list(b[1]), lambda x, y: equal(x, y, True))
        return all(equal(x, y, unordered_lists) for x, y in zip(a[1], b[1]))
    if tag == "map":
        return len(a[1]) == len(b[1]) and all(
            ka == kb and equal(x, y, unordered_lists) for (ka, x), (kb, y) in zip(a[1], b[1])
        )
    if tag == "node":
        return a[1] == b[1] and equal(a[2], b[2])
    if tag == "rel":
        return a[1] == b[1] and equal(a[2], b[2])
    if tag == "path":
        return len(a[1]) == len(b[1]) and all(
            (x[0] == y[0] and equal(x[1], y[1])) if x[0] in ("<", ">") else equal(x, y)
            for x, y in zip(a[1], b[1])
        )
    return a == b


def matches(expected: list, actual: list, same) -> bool:
    """Whether the two lists hold the same items in any order (a bag comparison)."""
    if len(expected) != len(actual):
        return False
    left = list(actual)
    for e in expected:
        for k, x in enumerate(left):
            if same(e, x):
                del left[k]
                break
        else:
            return False
    return True


def show(v) -> str:
    """A value in TCK syntax, for failure messages."""
    tag = v[0]
    if tag == "null":
        return "null"
    if tag == "bool":
        return "true" if v[1] else "false"
    if tag in ("int", "float"):
        return repr(v[1])
    if tag == "str":
        return "'" + v[1].replace("\\", "\\\\").replace("'", "\\'") + "'"
    if tag == "list":
        return "[" + ", ".join(show(x) for x in v[1]) + "]"
    if tag == "map":
        return "{" + ", ".join(f"{k}: {show(x)}" for k, x in v[1]) + "}"
    if tag == "node":
        props = f" {show(v[2])}" if v[2][1] else ""
        return "(" + "".join(":" + label for label in v[1]) + props + ")"
    if tag == "rel":
        props = f" {show(v[2])}" if v[2][1] else ""
        return f"[:{v[1]}{props}]"
    out = show(v[1][0])
    for step in range(1, len(v[1]), 2):
        d, rel = v[1][step]
        node = show(v[1][step + 1])
        out += f"<-{show(rel)}-{node}" if d == "<" else f"-{show(rel)}->{node}"
    return f"<{out}>"
