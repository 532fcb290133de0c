#!/usr/bin/env python3
"""Runs the openCypher TCK (tests/third_party/openCypher-tck/features) through diplograph.

Each read-only scenario (and each row of an outline's Examples) is one case: its set-up is
mapped to a diplograph graph directory (setup_graph.py), its query is sent to one tck_driver
process, and the answer is compared as the scenario says. Prints totals overall and per
feature folder; fails when a case listed in expected-pass.txt does not pass.

    run.py --driver build/tests/tck/tck_driver [--filter clauses/match] [--list-failures]
           [--update-expected]
"""

import argparse
import hashlib
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import tck_values  # noqa: E402
from gherkin import read_feature  # noqa: E402
from setup_graph import WRITE_CLAUSES, Unmappable, run_setup, to_diplograph  # noqa: E402

HERE = Path(__file__).parent
TCK = HERE.parent / "third_party" / "openCypher-tck"
EXPECTED_PASS = HERE / "expected-pass.txt"
JOB_TIMEOUT_SECONDS = 20

# TCK error class -> (diplograph ErrorCode names, phases) that count as refusing for that reason.
# A case expecting an error passes only when tck_driver reports one of these codes in the phase
# the scenario names ("compile time" -> compile, "runtime" -> run, "any time" -> either). The
# engine owns its side: it must throw these codes for these reasons, not by accident.
# SyntaxError covers the TCK's compile-time semantic checks too (UndefinedVariable, ...).
ERROR_CLASSES = {
    "SyntaxError": {"codes": {"syntax", "query"}},
    "SemanticError": {"codes": {"syntax", "query"}},
    "TypeError": {"codes": {"value", "query"}},
    "ArgumentError": {"codes": {"argument"}},
}
PHASES = {"compile time": {"compile"}, "runtime": {"run"}, "any time": {"compile", "run"}}


class Skip(Exception):
    """A case outside what diplograph runs; the message is the reason counted."""


def strip_strings(query: str) -> str:
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*", "''", query)


def write_words(query: str) -> list[str]:
    words = re.findall(r"(?<![.\w`$])[A-Za-z]+(?![\w`])", strip_strings(query))
    return sorted({w.upper() for w in words if w.upper() in WRITE_CLAUSES})


class Plan:
    """What a case asks: its set-up, query, parameters and expected outcome."""

    def __init__(self, case):
        self.case = case
        self.setup: list[str] = []
        self.query = None
        self.params = {}
        self.expect = None  # "any order", "in order", "empty" or "error"
        self.unordered_lists = False  # "(ignoring element order for lists)"
        self.table = None
        self.error = None  # (class, phase text, detail)
        for step in case.steps:
            self.read(step)
        if self.query is None or self.expect is None:
            raise Skip("no query or no expectation")
        writes = write_words(self.query)
        if writes:
            raise Skip("query calls a procedure (CALL)" if writes == ["CALL"] else "write query")

    def read(self, step):
        text = step.text
        if text in ("an empty graph", "any graph"):
            return
        if m := re.fullmatch(r"the (\S+) graph", text):
            self.setup.append((TCK / "graphs" / m.group(1) / f"{m.group(1)}.cypher").read_text())
        elif text == "having executed:":
            self.setup.append(step.doc)
        elif text == "parameters are:":
            try:
                self.params = {name: tck_values.to_json(tck_values.parse(v)) for name, v in step.table}
            except tck_values.ParseError:
                raise Skip("parameter value not readable")
        elif text.startswith("there exists a procedure"):
            raise Skip("query calls a procedure (CALL)")
        elif text == "executing query:":
            self.query = step.doc
        elif text == "executing control query:":
            raise Skip("control query after a write")
        elif text == "no side effects":
            pass
        elif text == "the side effects should be:":
            if any(row[1].strip() not in ("0", "") for row in step.table or []):
                raise Skip("side effects expected")
        elif text == "the result should be empty":
            self.expect = "empty"
        elif m := re.fullmatch(r"the result should be(?:, in (any order|order))?( \(ignoring element order for lists\))?:", text):
            self.expect = m.group(1) or "any order"
            self.unordered_lists = bool(m.group(2))
            self.table = step.table
        elif m := re.fullmatch(r"an? (\w+) should be raised at (compile time|runtime|any time)(?:: (\S+))?", text):
            self.expect = "error"
            self.error = m.groups()
        else:
            raise Skip(f"unknown step: {text[:40]}")


class GraphStore:
    """Set-ups mapped to graph directories under one work dir, one per distinct graph."""

    def __init__(self, root: Path):
        self.root = root
        self.dirs: dict[tuple, str | None] = {}

    def directory(self, setup: list[str]) -> str | None:
        key = tuple(setup)
        if key not in self.dirs:
            self.dirs[key] = self.make(setup)
        return self.dirs[key]

    def make(self, setup):
        mapped = to_diplograph(run_setup(setup)) if setup else None
        if mapped is None:
            return None
        schema, graph = (json.dumps(doc, indent=1, ensure_ascii=False) for doc in mapped)
        name = hashlib.sha1((schema + graph).encode()).hexdigest()[:16]
        d = self.root / name
        if not d.exists():
            tmp = self.root / (name + ".tmp")
            tmp.mkdir(parents=True, exist_ok=True)
            (tmp / "schema.json").write_text(schema)
            (tmp / "graph.json").write_text(graph)
            tmp.rename(d)
        return str(d)


class Driver:
    """One tck_driver process; restarted when a job crashes it or runs past the timeout."""

    def __init__(self, path):
        self.path = path
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen([self.path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.buffer = b""

    def ask(self, job: dict) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        try:
            self.proc.stdin.write((json.dumps(job, ensure_ascii=False) + "\n").encode())
        except BrokenPipeError:
            return self.crashed("driver exited")
        deadline = time.monotonic() + JOB_TIMEOUT_SECONDS
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                self.proc.kill()
                self.proc.wait()
                return self.crashed(f"no answer within {JOB_TIMEOUT_SECONDS} s")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                self.proc.wait()
                return self.crashed(f"driver died (status {self.proc.returncode})")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def crashed(self, message):
        self.proc = None
        return {"error": {"code": "crash", "phase": "run", "message": message}}

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait()


def judge(plan: Plan, answer: dict) -> str | None:
    """None when the answer is what the scenario expects, else why not."""
    if plan.expect == "error":
        cls, phase, detail = plan.error
        err = answer.get("error")
        if not err:
            return f"expected {cls} ({detail}), got {len(answer['rows'])} rows"
        mapped = ERROR_CLASSES.get(cls)
        if mapped and err["code"] in mapped["codes"] and err["phase"] in PHASES[phase]:
            return None
        return f"expected {cls} at {phase} ({detail}), got {err['code']} at {err['phase']}: {first_line(err['message'])}"
    if "error" in answer:
        err = answer["error"]
        return f"{err['code']} at {err['phase']}: {first_line(err['message'])}"
    rows = [[tck_values.from_driver(v) for v in row] for row in answer["rows"]]
    if plan.expect == "empty":
        return None if not rows else f"expected no rows, got {len(rows)}"
    header, *cells = plan.table
    if sorted(header) != sorted(answer["columns"]):
        return f"expected columns {header}, got {answer['columns']}"
    order = [answer["columns"].index(c) for c in header]
    actual = [[row[k] for k in order] for row in rows]
    try:
        expected = [[tck_values.parse(c) for c in row] for row in cells]
    except tck_values.ParseError as e:
        return f"expected value not readable: {e}"
    unordered_lists = plan.unordered_lists

    def same_row(a, b):
        return all(tck_values.equal(x, y, unordered_lists) for x, y in zip(a, b))

    if plan.expect == "in order":
        ok = len(expected) == len(actual) and all(same_row(e, a) for e, a in zip(expected, actual))
    else:
        ok = tck_values.matches(expected, actual, same_row)
    if ok:
        return None
    shown = "; ".join(" | ".join(tck_values.show(v) for v in row) for row in actual[:5])
    return f"expected {len(expected)} rows, got {len(actual)}: {shown}"


def first_line(message: str) -> str:
    return message.split("\n", 1)[0][:200]


def folder_of(feature: str) -> str:
    return "/".join(feature.split("/")[:2])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--driver", required=True, help="the tck_driver executable")
    ap.add_argument("--filter", default="", help="run only features whose path starts with this")
    ap.add_argument("--list-failures", action="store_true", help="print each failed case and why")
    ap.add_argument("--list-skips", action="store_true", help="print each skipped case and why")
    ap.add_argument("--update-expected", action="store_true", help=f"rewrite {EXPECTED_PASS.name}")
    ap.add_argument("--work-dir", help="where mapped graphs are written (default: a temporary dir)")
    args = ap.parse_args()
    if args.update_expected and args.filter:
        ap.error("--update-expected runs the whole TCK; drop --filter")

    started = time.monotonic()
    temporary = None if args.work_dir else tempfile.TemporaryDirectory(prefix="tck-graphs-")
    work = Path(args.work_dir or temporary.name)
    work.mkdir(parents=True, exist_ok=True)
    graphs, driver = GraphStore(work), Driver(args.driver)
    stats = defaultdict(Counter)  # folder -> counts; "" is the total
    skips, failures, passed = Counter(), [], set()
    crashes = []  # a driver that dies or hangs is a bug whatever the case expects (ASan runs rely on it)

    features = sorted((TCK / "features").rglob("*.feature"))
    for path in features:
        feature = str(path.relative_to(TCK / "features"))
        if not feature.startswith(args.filter):
            continue
        for case in read_feature(path.read_text(encoding="utf-8"), feature):
            folder = folder_of(feature)
            for key in ("", folder):
                stats[key]["read"] += 1
            try:
                plan = Plan(case)
                job = {"graph": graphs.directory(plan.setup), "query": plan.query, "params": plan.params}
                answer = driver.ask(job)
                if answer.get("error", {}).get("phase") == "load":
                    raise Skip("set-up: graph refused by the loader")
            except (Skip, Unmappable) as reason:
                skips[str(reason)] += 1
                for key in ("", folder):
                    stats[key]["skipped"] += 1
                if args.list_skips:
                    print(f"SKIP {case.id}: {reason}")
                continue
            if answer.get("error", {}).get("code") == "crash":
                crashes.append((case.id, answer["error"]["message"]))
            why = judge(plan, answer)
            outcome = "passed" if why is None else "failed"
            kind = "error" if plan.expect == "error" else "rows"
            for key in ("", folder):
                stats[key][outcome] += 1
                stats[key][f"{kind} {outcome}"] += 1
            if why is None:
                passed.add(case.id)
            else:
                failures.append((case.id, why))
    driver.close()

    report(stats, skips, time.monotonic() - started)
    if args.list_failures:
        for case_id, why in failures:
            print(f"FAIL {case_id}\n     {why}")
    if args.update_expected:
        EXPECTED_PASS.write_text("".join(f"{c}\n" for c in sorted(passed)))
        print(f"wrote {len(passed)} case ids to {EXPECTED_PASS}")
        return 0
    for c, why in crashes:
        print(f"CRASH {c}\n     {why}")
    expected = [line for line in EXPECTED_PASS.read_text(encoding="utf-8").splitlines() if line]
    ran = {c for c, _ in failures} | passed
    lost = [c for c in expected if c not in passed and (c in ran or not args.filter)]
    for c in lost:
        why = dict(failures).get(c, "not run (renamed, or now skipped?)")
        print(f"REGRESSION {c}\n     {why}")
    if lost:
        print(f"{len(lost)} case(s) in {EXPECTED_PASS.name} no longer pass")
    if crashes:
        print(f"{len(crashes)} case(s) crashed or hung the driver")
    return 1 if lost or crashes else 0


def report(stats, skips, seconds):
    total = stats[""]
    runnable = total["passed"] + total["failed"]
    print(f"openCypher TCK: {total['read']} cases read, {total['skipped']} skipped, {runnable} runnable, "
          f"{total['passed']} passed ({percent(total['passed'], runnable)}), {total['failed']} failed "
          f"[{seconds:.1f} s]")
    for kind, what in (("rows", "expecting rows (or none)"), ("error", "expecting an error")):
        p, f = total[f"{kind} passed"], total[f"{kind} failed"]
        print(f"  {what}: {p} of {p + f} passed ({percent(p, p + f)})")
    print("skipped by reason:")
    for reason, n in skips.most_common():
        print(f"  {n:5}  {reason}")
    print(f"{'folder':32} {'read':>6} {'skipped':>8} {'runnable':>9} {'passed':>7} {'failed':>7}  pass rate")
    for folder in sorted(k for k in stats if k):
        s = stats[folder]
        n = s["passed"] + s["failed"]
        print(f"{folder:32} {s['read']:6} {s['skipped']:8} {n:9} {s['passed']:7} {s['failed']:7}  {percent(s['passed'], n)}")


def percent(part, whole):
    return f"{100 * part / whole:.1f} %" if whole else "-"


if __name__ == "__main__":
    sys.exit(main())
