"""Runs a TCK scenario's set-up queries (`having executed:`) in Python and maps the graph they
build to a diplograph graph directory.

The set-up language understood: CREATE (several patterns, chains, variables reused across
clauses), UNWIND, MATCH of fixed-length patterns with labels and property maps, WITH * or
WITH of plain variables, and expressions made of literals, variables, properties, + - * / %,
range(), toString(), toInteger(), toFloat() and size(). Anything else raises Unmappable naming
what it met, and the scenario is skipped and counted under that reason.

The mapping: a TCK label is a node type, a relationship type an edge type allowed between any
two node types; properties are declared on their type with the kind their values have (int,
float, string, bool, or a list of one of these). A node with no label or several labels, or a
property whose values have different kinds, cannot be mapped. Node ids are n0, n1, ... in
creation order, each node's label (diplograph's display name) is its id, edges are e-0, e-1, ...;
the schema does not require provenance. TCK properties named id, label or type stay properties.
"""

import re

from tck_values import ParseError

# Cypher words a set-up or a query may use that change the graph or call procedures.
WRITE_CLAUSES = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "CALL", "LOAD")


class Unmappable(Exception):
    """A set-up that has no diplograph graph; the message is the reason it is counted under."""


TOKEN = re.compile(
    r"""\s*(?:
      (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<num>\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|0x[0-9a-fA-F]+|\d+)
    | (?P<name>[A-Za-z_][A-Za-z_0-9]*|`[^`]*`)
    | (?P<op><-|->|\.\.|<>|<=|>=|[-()\[\]{}:,.+*/%=<>;|$^])
    )""",
    re.X,
)


def tokens(text: str) -> list[tuple[str, str]]:
    text = re.sub(r"//[^\n]*", "", text)
    out, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i == len(text):
            return out
        m = TOKEN.match(text, i)
        if not m:
            raise Unmappable("set-up: unreadable text")
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "name" and value.startswith("`"):
            value, kind = value[1:-1], "quoted"
        out.append((kind, value))
        i = m.end()


def string_value(literal: str) -> str:
    escapes = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        if body[i] == "\\":
            i += 1
            out.append(escapes.get(body[i], body[i]))
        else:
            out.append(body[i])
        i += 1
    return "".join(out)


class NodeRef:
    def __init__(self, index: int):
        self.index = index


class RelRef:
    def __init__(self, index: int):
        self.index = index


class SetupGraph:
    """The graph the set-up builds: nodes as (labels, props), relationships as
    (type, start, end, props)."""

    def __init__(self):
        self.nodes: list[tuple[list[str], dict]] = []
        self.rels: list[tuple[str, int, int, dict]] = []


class Interpreter:
    def __init__(self, graph: SetupGraph, text: str):
        self.g = graph
        self.t = tokens(text)
        self.i = 0

    # --- tokens
    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ("end", "")

    def word(self, k=0) -> str:
        kind, value = self.peek(k)
        return value.upper() if kind == "name" else ""

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expect(self, value: str):
        if self.peek()[1] != value:
            raise Unmappable(f"set-up: unexpected '{self.peek()[1]}'")
        self.i += 1

    def accept(self, value: str) -> bool:
        if self.peek()[1] == value and self.peek()[0] in ("op", "name"):
            self.i += 1
            return True
        return False

    def identifier(self) -> str:
        kind, value = self.take()
        if kind not in ("name", "quoted"):
            raise Unmappable(f"set-up: unexpected '{value}'")
        return value

    # --- clauses
    def run(self):
        rows = [{}]
        while self.peek()[0] != "end":
            if self.accept(";"):
                rows = [{}]
                continue
            clause = self.word()
            self.i += 1
            if clause == "CREATE":
                patterns = self.patterns()
                for row in rows:
                    for p in patterns:
                        self.create(p, row)
            elif clause == "UNWIND":
                expr = self.expression()
                if self.word() != "AS":
                    raise Unmappable("set-up: UNWIND without AS")
                self.i += 1
                name = self.identifier()
                rows = [dict(row, **{name: item}) for row in rows for item in as_list(expr(row))]
            elif clause == "MATCH":
                patterns = self.patterns()
                if self.word() == "WHERE":
                    raise Unmappable("set-up: MATCH ... WHERE")
                rows = [m for row in rows for m in self.match(patterns, row)]
            elif clause == "WITH":
                rows = self.with_clause(rows)
            else:
                raise Unmappable(f"set-up: {clause or self.peek(-1)[1]} clause")
        return rows

    def with_clause(self, rows):
        if self.accept("*"):
            items = None
        else:
            items = []
            while True:
                begin = self.i
                expr = self.expression()
                if self.word() == "AS":
                    self.i += 1
                    name = self.identifier()
                elif self.i == begin + 1 and self.t[begin][0] in ("name", "quoted"):
                    name = self.t[begin][1]
                else:
                    raise Unmappable("set-up: WITH expression without AS")
                items.append((name, expr))
                if not self.accept(","):
                    break
        if self.word() in ("WHERE", "ORDER", "SKIP", "LIMIT", "DISTINCT"):
            raise Unmappable(f"set-up: WITH ... {self.word()}")
        if items is None:
            return rows
        return [{name: expr(row) for name, expr in items} for row in rows]

    # --- patterns: [(kind, var, labels-or-type, props-exprs, direction)]
    def patterns(self):
        out = [self.pattern()]
        while self.accept(","):
            out.append(self.pattern())
        return out

    def pattern(self):
        if self.peek(1)[1] == "=":
            raise Unmappable("set-up: named path")
        parts = [self.node_pattern()]
        while self.peek()[1] in ("-", "<-"):
            back = self.take()[1] == "<-"
            self.expect("[")
            var = self.identifier() if self.peek()[0] in ("name", "quoted") else None
            types = []
            if self.accept(":"):
                types.append(self.identifier())
                while self.accept("|"):
                    types.append(self.identifier())
            if self.peek()[1] == "*":
                raise Unmappable("set-up: variable-length MATCH")
            props = self.property_map()
            self.expect("]")
            forward = self.take()[1] == "->"
            direction = "<" if back else (">" if forward else "-")
            parts.append(("rel", var, types, props, direction))
            parts.append(self.node_pattern())
        return parts

    def node_pattern(self):
        self.expect("(")
        var = self.identifier() if self.peek()[0] in ("name", "quoted") else None
        labels = []
        while self.accept(":"):
            labels.append(self.identifier())
        props = self.property_map()
        self.expect(")")
        return ("node", var, labels, props, None)

    def property_map(self):
        if self.peek()[1] == "$":
            raise Unmappable("set-up: parameter")
        if not self.accept("{"):
            return []
        entries = []
        while not self.accept("}"):
            key = self.identifier()
            self.expect(":")
            entries.append((key, self.expression()))
            self.accept(",")
        return entries

    # --- CREATE and MATCH
    def create(self, parts, row):
        ends = []
        for k, (kind, var, names, props, direction) in enumerate(parts):
            if kind == "node":
                if var in row:
                    ends.append(row[var].index)
                    continue
                values = {key: expr(row) for key, expr in props}
                self.g.nodes.append((list(names), {k2: v for k2, v in values.items() if v is not None}))
                ref = NodeRef(len(self.g.nodes) - 1)
                ends.append(ref.index)
                if var:
                    row[var] = ref
        for k in range(1, len(parts), 2):
            _, var, names, props, direction = parts[k]
            if len(names) != 1 or direction == "-":
                raise Unmappable("set-up: relationship without one type and a direction")
            start, end = ends[k // 2], ends[k // 2 + 1]
            if direction == "<":
                start, end = end, start
            values = {key: expr(row) for key, expr in props}
            self.g.rels.append((names[0], start, end, {k2: v for k2, v in values.items() if v is not None}))
            if var:
                row[var] = RelRef(len(self.g.rels) - 1)

    def match(self, patterns, row):
        results = []

        def node_ok(i, labels, props, r):
            node_labels, node_props = self.g.nodes[i]
            return all(l in node_labels for l in labels) and all(
                node_props.get(key) == expr(r) for key, expr in props
            )

        def walk(p, k, r, used, at, rest):
            # `at`: the node the previous relationship reached (None at a pattern's start).
            if k == len(p):
                extend(rest, r, used)
                return
            kind, var, names, props, direction = p[k]
            if kind == "node":
                candidates = [r[var].index] if var in r else range(len(self.g.nodes))
                if at is not None:
                    candidates = [at] if at in candidates else []
                for i in candidates:
                    if node_ok(i, names, props, r):
                        walk(p, k + 1, dict(r, **({var: NodeRef(i)} if var else {})), used, i, rest)
                return
            for j, (rtype, start, end, rprops) in enumerate(self.g.rels):
                if j in used or (names and rtype not in names):
                    continue
                if not all(rprops.get(key) == expr(r) for key, expr in props):
                    continue
                ends = []
                if direction in (">", "-") and start == at:
                    ends.append(end)
                if direction in ("<", "-") and end == at:
                    ends.append(start)
                for other in ends:
                    walk(p, k + 1, dict(r, **({var: RelRef(j)} if var else {})), used | {j}, other, rest)

        def extend(rest, r, used):
            if not rest:
                results.append(r)
                return
            walk(rest[0], 0, r, used, None, rest[1:])

        extend(patterns, dict(row), frozenset())
        return results

    # --- expressions: each returns a function of the row
    def expression(self):
        left = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            right = self.term()
            left = binary(op, left, right)
        return left

    def term(self):
        left = self.unary()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            right = self.unary()
            left = binary(op, left, right)
        return left

    def unary(self):
        if self.accept("-"):
            inner = self.unary()
            return lambda row: -inner(row)
        return self.postfix()

    def postfix(self):
        value = self.atom()
        while self.peek()[1] in (".", "["):
            if self.accept("."):
                key = self.identifier()
                value = (lambda v, key: lambda row: self.property(v(row), key))(value, key)
            else:
                self.expect("[")
                index = self.expression()
                self.expect("]")
                value = (lambda v, ix: lambda row: v(row)[ix(row)])(value, index)
        return value

    def property(self, ref, key):
        if isinstance(ref, NodeRef):
            return self.g.nodes[ref.index][1].get(key)
        if isinstance(ref, RelRef):
            return self.g.rels[ref.index][3].get(key)
        raise Unmappable("set-up: property of a non-entity")

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            number = int(value, 16) if value.startswith("0x") else float(value) if re.search(r"[.eE]", value) else int(value)
            return lambda row: number
        if kind == "str":
            text = string_value(value)
            return lambda row: text
        if kind == "op" and value == "[":
            items = []
            while not self.accept("]"):
                items.append(self.expression())
                self.accept(",")
            return lambda row: [f(row) for f in items]
        if kind == "op" and value == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        if kind == "op" and value == "$":
            raise Unmappable("set-up: parameter")
        if kind == "op" and value == "{":
            raise Unmappable("set-up: map value")
        if kind not in ("name", "quoted"):
            raise Unmappable(f"set-up: unexpected '{value}'")
        upper = value.upper() if kind == "name" else ""
        if upper in ("TRUE", "FALSE"):
            return lambda row: upper == "TRUE"
        if upper == "NULL":
            return lambda row: None
        if self.peek()[1] == "(":
            return self.call(value)
        name = value

        def variable(row):
            if name not in row:
                raise Unmappable("set-up: unknown variable")
            return row[name]

        return variable

    def call(self, name):
        functions = {
            "range": lambda a, b, step=1: list(range(a, b + (1 if step > 0 else -1), step)),
            "tostring": lambda v: str(v).lower() if isinstance(v, bool) else str(v),
            "tointeger": lambda v: int(v),
            "tofloat": lambda v: float(v),
            "size": lambda v: len(v),
        }
        fn = functions.get(name.lower())
        if fn is None:
            raise Unmappable(f"set-up: function {name}()")
        self.expect("(")
        args = []
        while not self.accept(")"):
            args.append(self.expression())
            self.accept(",")
        return lambda row: fn(*[a(row) for a in args])


def binary(op, left, right):
    def apply(row):
        a, b = left(row), right(row)
        if a is None or b is None:
            return None
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "%":
            return int(a - b * int(a / b)) if isinstance(a, int) and isinstance(b, int) else a % b
        if isinstance(a, int) and isinstance(b, int):
            return int(a / b)
        return a / b

    return apply


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def run_setup(queries: list[str]) -> SetupGraph:
    """The graph the set-up queries build. Raises Unmappable."""
    g = SetupGraph()
    for q in queries:
        try:
            Interpreter(g, q).run()
        except (IndexError, KeyError, TypeError, ValueError, ZeroDivisionError, ParseError):
            raise Unmappable("set-up: expression not evaluated")
    return g


def kind_of(value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        kinds = {kind_of(x) for x in value}
        if len(kinds) > 1 or any(k.startswith("list") or k == "null" for k in kinds):
            raise Unmappable("set-up: list property of mixed or nested kinds")
        return "list:" + (kinds.pop() if kinds else "?")
    if value is None:
        return "null"
    raise Unmappable("set-up: property holding a node or relationship")


def declare(props: dict, owner_props: dict):
    for key, value in props.items():
        kind = kind_of(value)
        old = owner_props.get(key)
        if old is None or old == "list:?":
            owner_props[key] = kind if old is None or kind.startswith("list") else "conflict"
        elif kind != old and not (kind == "list:?" and old.startswith("list")):
            owner_props[key] = "conflict"
        if owner_props[key] == "conflict":
            raise Unmappable("set-up: property with values of different kinds")


def spec(kind: str) -> dict:
    if kind.startswith("list:"):
        element = kind[5:]
        return {"type": "string" if element == "?" else element, "list": True}
    return {"type": kind}


def to_diplograph(g: SetupGraph) -> tuple[dict, dict] | None:
    """(schema, graph) as diplograph JSON documents, or None for a graph with no nodes.
    Raises Unmappable."""
    if not g.nodes:
        return None
    node_props: dict[str, dict] = {}
    for labels, props in g.nodes:
        if not labels:
            raise Unmappable("set-up: node without a label")
        if len(set(labels)) > 1:
            raise Unmappable("set-up: node with several labels")
        declare(props, node_props.setdefault(labels[0], {}))
    edge_props: dict[str, dict] = {}
    for rtype, _, _, props in g.rels:
        declare(props, edge_props.setdefault(rtype, {}))
    types = sorted(node_props)
    schema = {
        "diplograph_schema": 1,
        "provenance": {"required": False},
        "node_types": {t: {"props": {k: spec(v) for k, v in sorted(node_props[t].items())}} for t in types},
        "edge_types": {
            t: {"from": types, "to": types, "props": {k: spec(v) for k, v in sorted(p.items())}}
            for t, p in sorted(edge_props.items())
        },
    }
    nodes = [
        {"id": f"n{i}", "type": labels[0], "label": f"n{i}", "props": props}
        for i, (labels, props) in enumerate(g.nodes)
    ]
    edges = [
        {"id": f"e-{j}", "type": t, "from": f"n{s}", "to": f"n{e}", "props": props}
        for j, (t, s, e, props) in enumerate(g.rels)
    ]
    return schema, {"diplograph": 1, "nodes": nodes, "edges": edges}
