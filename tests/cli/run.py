"""Runs one CLI golden test: tests/cli/NAME.test.

Format of a .test file (lines starting with '#' before the command are comments):

    $ diplograph validate --graph fixtures/graphs/bad-type
    ? 2
    --- stdout
    <exact expected standard output>
    --- stderr
    <exact expected standard error>

The command is split like a shell would (shlex); the word `diplograph` is replaced by the
binary under test, `{tmp}` by a fresh temporary directory and `{graph}` by the repository's
graph-data/. It runs in tests/; in the output, the temporary directory reads `{tmp}`. Stdin may be given in a `--- stdin` section before stdout.
A command that ends with `> FILE` has its standard output written to FILE (e.g. /dev/full); its
`--- stdout` section is then empty.
"""
import os
import shlex
import subprocess
import sys
import tempfile


def parse(path):
    command, code, sections, current = None, None, {}, None
    with open(path, encoding="utf-8") as f:
        content = f.read()
        if content.endswith("\n"):
            content = content[:-1]
        for line in content.split("\n"):
            if current is None and line.startswith("#"):
                continue
            if line.startswith("$ ") and command is None:
                command = line[2:]
            elif line.startswith("? ") and current is None:
                code = int(line[2:])
            elif line.startswith("--- "):
                current = line[4:].strip()
                sections[current] = []
            elif current is not None:
                sections[current].append(line)
    # Every line of a section ends with a newline; an empty section is empty output.
    return command, code, {k: "".join(line + "\n" for line in v) for k, v in sections.items()}


def main():
    binary, test = sys.argv[1], sys.argv[2]
    command, code, expected = parse(test)
    if command is None or code is None or "stdout" not in expected or "stderr" not in expected:
        sys.exit(f"{test}: needs '$ command', '? code', '--- stdout' and '--- stderr'")
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    with tempfile.TemporaryDirectory() as tmp:
        words = [w.replace("{tmp}", tmp).replace("{graph}", os.path.join(root, "graph-data"))
                 for w in shlex.split(command)]
        if words[0] == "diplograph":
            words[0] = binary
        stdout = subprocess.PIPE
        if len(words) > 2 and words[-2] == ">":
            stdout = open(words[-1], "wb")
            words = words[:-2]
        env = dict(os.environ, COLUMNS="100", LC_ALL="C.UTF-8")
        done = subprocess.run(words, cwd=os.path.dirname(here), env=env, stdout=stdout,
                              stderr=subprocess.PIPE, input=expected.get("stdin", "").encode())
        if stdout is not subprocess.PIPE:
            stdout.close()
    failures = []
    if done.returncode != code:
        failures.append(f"exit code {done.returncode}, expected {code}")
    for name, got in (("stdout", done.stdout or b""), ("stderr", done.stderr)):
        got = got.decode("utf-8", "replace").replace(tmp, "{tmp}")
        if got != expected[name]:
            failures.append(f"{name} differs.\n--- expected\n{expected[name]}\n--- got\n{got}")
    if failures:
        print(f"{test}: {command}")
        print("\n".join(failures))
        sys.exit(1)


main()
