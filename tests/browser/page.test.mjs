// The interactive HTML page in a real browser: Debian's chromium, headless, driven by
// puppeteer-core. tests/browser/run.sh builds the pages and the oracles into DG_WORK and
// installs puppeteer-core into DG_WORK/node; run it rather than this file.
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const work = process.env.DG_WORK;
const puppeteer = createRequire(join(work, 'node', 'package.json'))('puppeteer-core');
const readJson = (name) => JSON.parse(readFileSync(join(work, name), 'utf8'));

let browser;
let profile;
before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'diplograph-chromium-'));
  browser = await puppeteer.launch({
    executablePath: process.env.DG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
});
after(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

// Opens a page from file:// and records what should never happen: a request that leaves the
// file, a CSP violation, a script error, a dialog.
async function open(name) {
  const page = await browser.newPage();
  const trouble = [];
  await page.setViewport({ width: 1400, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(join(work, name)).href) trouble.push('request ' + r.url());
    r.continue();
  });
  page.on('pageerror', (e) => trouble.push('script error ' + e.message));
  page.on('dialog', async (d) => {
    trouble.push('dialog ' + d.message());
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') trouble.push('console ' + m.text());
  });
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await page.goto(pathToFileURL(join(work, name)).href, { waitUntil: 'load' });
  return { page, trouble };
}

const nodeIndex = (page, id) =>
  page.evaluate((id) => JSON.parse(document.getElementById('dg-data').textContent).nodes.findIndex((n) => n.id === id), id);
const faded = (page) =>
  page.evaluate(() => {
    const data = JSON.parse(document.getElementById('dg-data').textContent);
    return data.nodes.filter((n, i) => document.getElementById('dgn' + i).classList.contains('dg-out')).map((n) => n.id);
  });
const pageNodeIds = (page) =>
  page.evaluate(() => JSON.parse(document.getElementById('dg-data').textContent).nodes.map((n) => n.id));

// Names whose folding in the page's script differs from the library's (the names folded in the page's data).
const foldingDifferences = (page) =>
  page.evaluate(() =>
    JSON.parse(document.getElementById('dg-data').textContent).nodes.flatMap((n) =>
      [n.label, ...n.aliases].map((raw, k) => [raw, window.diplograph.fold(raw), n.names[k]]).filter(([, js, cpp]) => js !== cpp),
    ),
  );

describe('the crisis view page', () => {
  let page;
  let trouble;
  before(async () => ({ page, trouble } = await open('crisis.html')));

  test('runs its own script under its CSP, from file://, with no request and no error', async () => {
    assert.equal(await page.evaluate(() => typeof window.diplograph?.fold), 'function');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(trouble, []);
  });

  test('clicking a node shows its type, dates and every citation with its quote and stance', async () => {
    const i = await nodeIndex(page, 'az-ru-rupture');
    assert.ok(i >= 0, 'az-ru-rupture is in the crisis view');
    await page.click(`#dgn${i} text`);
    const panel = await page.evaluate(() => ({
      title: document.querySelector('#dg-panel h2').textContent,
      rows: [...document.querySelectorAll('#dg-panel dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]),
      heads: [...document.querySelectorAll('#dg-panel h3')].map((h) => h.textContent),
      quotes: [...document.querySelectorAll('#dg-panel .dg-cite')].map((c) => ({
        quote: c.querySelector('blockquote').textContent,
        disputes: c.classList.contains('dg-disputing'),
        source: c.querySelector('.dg-source-title').textContent,
      })),
      selected: document.querySelector('svg .dg-selected')?.id,
    }));
    assert.equal(panel.title, 'Rupture in Azerbaijan–Russia relations (disputed)');
    assert.equal(panel.selected, `dgn${i}`);
    assert.deepEqual(panel.rows.find(([k]) => k === 'type'), ['type', 'Development']);
    assert.deepEqual(panel.rows.find(([k]) => k === 'start'), ['start', '2024-12..2025-10 (some time between 2024-12 and 2025-10)']);
    assert.deepEqual(panel.heads, ['Sources (1)', 'Disputed by (3)']);
    assert.deepEqual(panel.quotes[0], {
      quote: 'This, observers note, illustrates the depth of the rupture',
      disputes: false,
      source: '[Untitled] Farhad Mammadov: the "new normal" in Azerbaijani-Russian relations',
    });
    assert.deepEqual(
      panel.quotes.slice(1).map((q) => [q.quote, q.disputes]),
      [
        ['This was not a dramatic rupture, nor an emotional reaction.', true],
        ['The canceled visit to St. Petersburg did not close the door on dialogue between Azerbaijan and Russia.', true],
        ['Some observers describe the current phase not as a rupture, but as a cooling', true],
      ],
    );
  });

  test('a source in the panel highlights the facts it supports and, apart, those it disputes', async () => {
    const source = 'src-azerbaijan-us-st-petersburg-visit';
    const expected = await page.evaluate((source) => {
      const data = JSON.parse(document.getElementById('dg-data').textContent);
      const ids = (stance) =>
        [...data.nodes.map((n, i) => ['dgn' + i, n]), ...data.edges.map((e, i) => ['dge' + i, e])]
          .filter(([, f]) => f.cites.some((c) => c.source === source && c.stance === stance))
          .map(([id]) => id)
          .sort();
      return { asserts: ids('asserts'), disputes: ids('disputes') };
    }, source);
    assert.ok(expected.disputes.length > 0 && expected.asserts.length > 0);
    const highlighted = (cls) => page.evaluate((cls) => [...document.querySelectorAll('svg .' + cls)].map((e) => e.id).sort(), cls);
    const cite = await page.$$('#dg-panel .dg-cite.dg-disputing');
    const [supports, disputes] = await cite[0].$$('button');
    await disputes.click();
    assert.deepEqual(await highlighted('dg-disputes'), expected.disputes);
    assert.deepEqual(await highlighted('dg-supports'), []);
    await supports.click();
    assert.deepEqual(await highlighted('dg-supports'), expected.asserts);
    assert.deepEqual(await highlighted('dg-disputes'), []);
  });

  test('clicking an edge shows its type, its ends and its citations', async () => {
    await page.keyboard.press('Escape');
    const i = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('dg-data').textContent);
      return data.edges.findIndex((e) => e.cites.length > 0);
    });
    // A real click on the middle of the edge's curve, where only the edge is.
    const at = await page.evaluate((i) => {
      const path = document.querySelector(`#dge${i} path.dg-hit`);
      const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM());
      return { x: p.x, y: p.y };
    }, i);
    await page.mouse.click(at.x, at.y);
    const panel = await page.evaluate(() => ({
      title: document.querySelector('#dg-panel h2')?.textContent,
      rows: [...document.querySelectorAll('#dg-panel dt')].map((dt) => dt.textContent),
      quotes: document.querySelectorAll('#dg-panel blockquote').length,
      selected: document.querySelector('svg .dg-selected')?.id,
    }));
    assert.equal(panel.selected, `dge${i}`);
    const edge = await page.evaluate((i) => JSON.parse(document.getElementById('dg-data').textContent).edges[i], i);
    assert.equal(panel.title, edge.type);
    assert.ok(panel.rows.includes('from') && panel.rows.includes('to'));
    assert.equal(panel.quotes, edge.cites.length);
  });

  test('a time window fades what --from/--to would drop', async () => {
    const kept = new Set(readJson('window.json').nodes.map((n) => n.id));
    await page.$eval('#dg-from', (e) => { e.value = '2025-09'; e.dispatchEvent(new Event('change')); });
    await page.$eval('#dg-to', (e) => { e.value = '2025-10'; e.dispatchEvent(new Event('change')); });
    const expected = (await pageNodeIds(page)).filter((id) => !kept.has(id)).sort();
    assert.ok(expected.length > 0 && expected.length < (await pageNodeIds(page)).length);
    assert.deepEqual((await faded(page)).sort(), expected);
  });

  test('moving the "to" slider in "as of" mode fades what --as-of would drop', async () => {
    await page.$eval('#dg-from', (e) => { e.value = ''; e.dispatchEvent(new Event('change')); });
    await page.click('#dg-as-of');
    await page.$eval('#dg-to-range', (e) => {
      e.value = String(Math.round(Date.UTC(2025, 0, 15) / 86400000));
      e.dispatchEvent(new Event('input'));
    });
    assert.equal(await page.$eval('#dg-to', (e) => e.value), '2025-01-15');
    const kept = new Set(readJson('as-of.json').nodes.map((n) => n.id));
    const expected = (await pageNodeIds(page)).filter((id) => !kept.has(id)).sort();
    assert.ok(expected.length > 0);
    assert.deepEqual((await faded(page)).sort(), expected);
    await page.click('#dg-time-on');
    assert.deepEqual(await faded(page), []);
  });

  test('hovering a node dims all but its neighbourhood', async () => {
    const i = await nodeIndex(page, 'az-ru-crisis');
    await page.hover(`#dgn${i} text`);
    const state = await page.evaluate((i) => {
      const data = JSON.parse(document.getElementById('dg-data').textContent);
      const near = new Set(['dgn' + i]);
      data.edges.forEach((e, k) => {
        if (e.from === i || e.to === i) near.add('dge' + k).add('dgn' + e.from).add('dgn' + e.to);
      });
      const dimmed = [...document.querySelectorAll('svg .dg-dim')].map((e) => e.id);
      return { hovering: document.querySelector('svg').classList.contains('dg-hovering'), dimmedNear: dimmed.filter((id) => near.has(id)), dimmed: dimmed.length, all: data.nodes.length + data.edges.length - near.size };
    }, i);
    assert.ok(state.hovering);
    assert.deepEqual(state.dimmedNear, []);
    assert.equal(state.dimmed, state.all);
    await page.mouse.move(2, 2);
  });

  test('type toggles hide a node type and the edges at its nodes', async () => {
    await page.click('#dg-types summary');
    await page.click('#dg-node-types input[value="Source"], #dg-node-types input[value="State"]');
    const hidden = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('dg-data').textContent);
      const type = document.querySelector('#dg-node-types input:not(:checked)').value;
      const ids = data.nodes.map((n, i) => [n.type === type, document.getElementById('dgn' + i).classList.contains('dg-off')]);
      return ids.every(([want, got]) => want === got);
    });
    assert.ok(hidden);
  });

  test('wheel zooms and dragging pans the diagram', async () => {
    const box = () => page.$eval('#dg-canvas > svg', (s) => s.getAttribute('viewBox'));
    const before = await box();
    await page.mouse.move(600, 400);
    await page.mouse.wheel({ deltaY: -300 });
    const zoomed = await box();
    assert.notEqual(zoomed, before);
    assert.ok(Number(zoomed.split(' ')[2]) < Number(before.split(' ')[2]));
    await page.mouse.down();
    await page.mouse.move(700, 450, { steps: 4 });
    await page.mouse.up();
    const panned = await box();
    assert.notEqual(panned, zoomed);
    assert.equal(panned.split(' ')[2], zoomed.split(' ')[2]);
  });
});

describe('the page of the whole shipped graph', () => {
  let page;
  let trouble;
  before(async () => ({ page, trouble } = await open('all.html')));

  test('search for "detente" highlights "Political détente ..." as find does; / focuses, Escape clears', async () => {
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dg-search');
    await page.keyboard.type('detente');
    const matched = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('dg-data').textContent);
      return [...document.querySelectorAll('svg g.dg-match')].map((g) => data.nodes[Number(g.id.slice(3))].label);
    });
    // What Graph::search() finds: the folded names (folded in C++) that contain "detente".
    const expected = await page.evaluate(() =>
      JSON.parse(document.getElementById('dg-data').textContent).nodes.filter((n) => n.names.some((s) => s.includes('detente'))).map((n) => n.label),
    );
    assert.ok(matched.length > 0);
    assert.ok(matched.every((l) => l.startsWith('Political détente')), matched.join(' | '));
    assert.deepEqual(matched.sort(), expected.sort());
    assert.match(await page.$eval('#dg-search-count', (e) => e.textContent), /^\d+ match/);
    await page.keyboard.press('Escape');
    assert.equal(await page.$$eval('svg g.dg-match', (g) => g.length), 0);
    assert.equal(await page.$eval('#dg-search', (e) => e.value), '');
  });

  test('the search folding agrees with the library folding on every name of the shipped graph', async () => {
    assert.deepEqual(await foldingDifferences(page), []);
  });

  test('opens with no request and no error', async () => {
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(trouble, []);
  });
});

describe('a page of hostile labels', () => {
  let page;
  let trouble;
  before(async () => ({ page, trouble } = await open('hostile.html')));

  test('runs no script of the data and makes no request', async () => {
    const data = JSON.parse(readFileSync(join(work, 'hostile', 'graph.json'), 'utf8'));
    // Hover, click and search everything, so that any handler smuggled in would fire.
    for (let i = 0; i < data.nodes.length - 1; ++i) {
      await page.hover(`#dgn${i} text`);
      await page.click(`#dgn${i} text`);
    }
    await page.type('#dg-search', '<img');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(trouble, []);
    const structure = await page.evaluate(() => ({
      scripts: document.scripts.length,
      foreign: document.querySelectorAll('img, iframe, #dg-canvas svg svg, script:not([type]) ~ script:not([type]), style ~ style').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      title: document.title,
    }));
    assert.deepEqual(structure, { scripts: 2, foreign: 0, handlers: [], title: '</title><script>window.__pwned=12</script>' });
  });

  test('tooltips show labels, not Graphviz\'s internal names', async () => {
    const titles = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('dg-data').textContent);
      return data.nodes.map((n, i) => [document.querySelector(`#dgn${i} > title`).textContent, n.label]);
    });
    for (const [shown, label] of titles) assert.equal(shown, label);
    assert.equal(await page.$$eval('g.node > title, g.edge > title', (t) => t.filter((e) => /^n\d/.test(e.textContent)).length), 0);
  });

  test('the search folding agrees with the library folding on hard cases', async () => {
    assert.deepEqual(await foldingDifferences(page), []);
  });

  test('shows every label, alias, property and quote verbatim, in the diagram and the panel', async () => {
    const data = JSON.parse(readFileSync(join(work, 'hostile', 'graph.json'), 'utf8'));
    const shown = await page.evaluate(() => JSON.parse(document.getElementById('dg-data').textContent).nodes.map((n) => n.id));
    for (const node of data.nodes.filter((n) => n.type !== 'Source')) {
      const i = shown.indexOf(node.id);
      assert.ok(i >= 0, node.id);
      const svgText = await page.$eval(`#dgn${i}`, (g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
      await page.click(`#dgn${i} text`);
      const panel = await page.evaluate(() => ({
        title: document.querySelector('#dg-panel h2').textContent,
        rows: Object.fromEntries([...document.querySelectorAll('#dg-panel dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
        quotes: [...document.querySelectorAll('#dg-panel blockquote')].map((q) => q.textContent),
        sources: [...document.querySelectorAll('#dg-panel .dg-source-title')].map((q) => q.textContent),
        meta: [...document.querySelectorAll('#dg-panel .dg-source-meta')].map((q) => q.textContent),
      }));
      assert.equal(panel.title, node.label);
      if (!node.label.includes('\u2028')) assert.equal(svgText[0], node.label);
      if (node.aliases) assert.equal(panel.rows.aliases, node.aliases.join(', '));
      for (const [k, v] of Object.entries(node.props ?? {})) assert.equal(panel.rows[k], v);
      assert.deepEqual(panel.quotes, node.sources.map((s) => s.quote));
      assert.ok(panel.sources.every((s) => s === '<b onclick="window.__pwned=7">Title</b>'));
      assert.ok(panel.meta.every((m) => m === '</script>Author · javascript:alert(1) · 2025-10 (month precision)'));
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });
});
