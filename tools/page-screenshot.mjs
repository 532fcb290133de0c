// Takes the README's screenshot of an interactive page: opens it from file:// in Debian's
// headless chromium, clicks the node with the given id so that the panel shows its
// citations, and writes a PNG.
// Usage: node tools/page-screenshot.mjs NODE_MODULES_DIR PAGE.html NODE_ID OUT.png
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, html, nodeId, out] = process.argv.slice(2);
const puppeteer = createRequire(join(resolve(modules), 'package.json'))('puppeteer-core');
const profile = mkdtempSync(join(tmpdir(), 'diplograph-chromium-'));
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--hide-scrollbars', `--user-data-dir=${profile}`],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 900 });
  await page.goto(pathToFileURL(resolve(html)).href, { waitUntil: 'load' });
  const index = await page.evaluate(
    (id) => JSON.parse(document.getElementById('dg-data').textContent).nodes.findIndex((n) => n.id === id), nodeId);
  if (index < 0) throw new Error(`no node '${nodeId}' in ${html}`);
  await page.click(`#dgn${index} text`);
  await page.mouse.move(0, 0);  // no hover: the whole diagram, not one neighbourhood
  await page.screenshot({ path: out });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
