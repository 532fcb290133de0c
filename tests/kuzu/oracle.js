// Kùzu as an oracle for diplograph's query language: loads each graph's CSV export
// (`diplograph export --format csv`) into an in-memory Kùzu, runs every query of the corpus
// through Kùzu and through diplograph (tests/tck's tck_driver), and compares the rows.
//
//   node oracle.js --driver TCK_DRIVER --corpus queries.cypher NAME=GRAPH_DIR=CSV_DIR ...
//
// Corpus format (queries.cypher): queries separated by blank lines, each with `//` comment
// lines before it; directives in those comments:
//   // @graphs shipped        run on these graphs only (default: all)
//   // @ordered               compare rows in order (else as a bag)
//   // @needs WITH            skipped until diplograph's engine has the feature (a flag, the
//                             query stays in the corpus and counts as skipped)
//   // @kuzu TEXT             Kùzu's spelling of the same question, where the languages differ
//   // @deviation WHY         the two disagree and Kùzu is the one that deviates from openCypher:
//                             a disagreement is reported but does not fail the run
//   // @bug WHY               the two disagree and diplograph is wrong by openCypher (a known bug,
//                             reported, not failing; when it agrees again the run says so)
// Exits 1 when a query gives different rows (without @deviation) or an error on either side.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { spawn } = require("child_process");
const kuzu = require("kuzu");

function parseArgs(argv) {
  const args = { graphs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--driver") args.driver = argv[++i];
    else if (argv[i] === "--corpus") args.corpus = argv[++i];
    else {
      const [name, graph, csv] = argv[i].split("=");
      args.graphs.push({ name, graph: path.resolve(graph), csv: path.resolve(csv) });
    }
  }
  return args;
}

function readCorpus(file) {
  const queries = [];
  for (const block of fs.readFileSync(file, "utf8").split(/\n\s*\n/)) {
    const q = { comments: [], lines: [], ordered: false, graphs: null, needs: null, kuzu: null, deviation: null, bug: null };
    for (const line of block.split("\n")) {
      const t = line.trim();
      if (t.startsWith("//")) {
        const m = t.match(/^\/\/\s*@(\w+)\s*(.*)$/);
        if (!m) q.comments.push(t.replace(/^\/\/\s*/, ""));
        else if (m[1] === "ordered") q.ordered = true;
        else if (m[1] === "graphs") q.graphs = m[2].split(/[ ,]+/);
        else if (m[1] === "needs") q.needs = m[2];
        else if (m[1] === "kuzu") q.kuzu = m[2];
        else if (m[1] === "deviation") q.deviation = m[2];
        else if (m[1] === "bug") q.bug = m[2];
        else throw new Error(`${file}: unknown directive @${m[1]}`);
      } else if (t) {
        q.lines.push(line);
      }
    }
    if (q.lines.length) {
      q.text = q.lines.join("\n");
      q.title = q.comments[0] || q.text.split("\n")[0];
      queries.push(q);
    }
  }
  return queries;
}

// One tck_driver process; one JSON line per job, answers in order.
class Driver {
  constructor(file) {
    this.proc = spawn(file, [], { stdio: ["pipe", "pipe", "inherit"] });
    this.waiting = [];
    readline.createInterface({ input: this.proc.stdout }).on("line", (line) => this.waiting.shift()(JSON.parse(line)));
  }
  ask(graph, query) {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.proc.stdin.write(JSON.stringify({ graph, query, params: {} }) + "\n");
    });
  }
  close() {
    this.proc.stdin.end();
  }
}

async function loadKuzu(csvDir) {
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const cwd = process.cwd();
  process.chdir(csvDir);  // the script's COPY lines name the CSV files relative to it
  try {
    for (const line of fs.readFileSync("kuzu-schema.cypher", "utf8").split("\n"))
      if (line && !line.startsWith("//")) await conn.query(line);
  } finally {
    process.chdir(cwd);
  }
  return { db, conn };
}

// Rows as comparable strings. Numbers print alike whether Kùzu gives Number or BigInt.
function canonical(value) {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (value === null || value === undefined) return "null";
  if (typeof value === "object") return "{" + Object.keys(value).sort().map((k) => `${k}:${canonical(value[k])}`).join(",") + "}";
  return JSON.stringify(value);
}

async function kuzuRows(conn, text) {
  const result = await conn.query(text);
  const columns = await result.getColumnNames();
  return (await result.getAll()).map((row) => columns.map((c) => canonical(row[c])));
}

function sameRows(a, b, ordered) {
  const key = (rows) => rows.map((r) => r.join(" | "));
  const x = key(a), y = key(b);
  if (!ordered) x.sort(), y.sort();
  return x.length === y.length && x.every((r, i) => r === y[i]);
}

function show(rows) {
  const shown = rows.slice(0, 6).map((r) => r.join(" | ")).join("; ");
  return `${rows.length} rows${rows.length ? ": " + shown : ""}${rows.length > 6 ? "; ..." : ""}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const queries = readCorpus(args.corpus);
  const driver = new Driver(args.driver);
  const counts = { agree: 0, disagree: 0, deviation: 0, bug: 0, error: 0, skipped: 0 };
  const needs = {};
  for (const g of args.graphs) {
    const started = Date.now();
    const { conn } = await loadKuzu(g.csv);
    console.log(`${g.name}: loaded into Kùzu in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const q of queries) {
      if (q.graphs && !q.graphs.includes(g.name)) continue;
      if (q.needs) {
        counts.skipped++;
        needs[q.needs] = (needs[q.needs] || 0) + 1;
        continue;
      }
      const label = `${g.name}: ${q.title}`;
      const ours = await driver.ask(g.graph, q.text);
      let theirs;
      try {
        theirs = await kuzuRows(conn, q.kuzu || q.text);
      } catch (e) {
        theirs = { error: e.message };
      }
      if (ours.error || theirs.error) {
        counts.error++;
        console.log(`ERROR ${label}\n  diplograph: ${ours.error ? ours.error.message.split("\n")[0] : "ok"}\n  Kùzu: ${theirs.error || "ok"}`);
        continue;
      }
      const mine = ours.rows.map((row) => row.map((v) => canonical(v && v.properties ? v.id : v)));
      if (sameRows(mine, theirs, q.ordered)) {
        counts.agree++;
        if (q.bug || q.deviation) console.log(`NOW AGREES ${label}: drop its @bug/@deviation`);
      } else if (q.deviation || q.bug) {
        counts[q.deviation ? "deviation" : "bug"]++;
        console.log(`KNOWN ${q.deviation ? "KÙZU DEVIATION" : "DIPLOGRAPH BUG"} ${label}: ${q.deviation || q.bug}`);
      } else {
        counts.disagree++;
        console.log(`DISAGREE ${label}\n  ${q.text.replace(/\n\s*/g, " ")}\n  diplograph: ${show(mine)}\n  Kùzu:       ${show(theirs)}`);
      }
    }
  }
  driver.close();
  const skipped = Object.entries(needs).map(([k, n]) => `${n} need ${k}`).join(", ");
  console.log(
    `Kùzu oracle: ${counts.agree} agree, ${counts.disagree} disagree, ${counts.deviation} known Kùzu deviations, ` +
      `${counts.bug} known diplograph bugs, ` +
      `${counts.error} errors, ${counts.skipped} skipped${skipped ? ` (${skipped})` : ""}`
  );
  process.exitCode = counts.disagree || counts.error ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
