// The interactive diagram page (diplograph html_page()). Reads the graph's data from the JSON
// block #dg-data and links it to the inline SVG through the ids Graphviz was given: node i is
// <g id="dgn{i}">, edge i is <g id="dge{i}">. Every piece of data reaches the page as text
// (textContent, text nodes, input values), never as markup.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('dg-data').textContent);
  const byId = (id) => document.getElementById(id);
  const canvas = byId('dg-canvas');
  const svg = canvas.querySelector('svg');

  // ---- the graph: facts (nodes and edges) with their SVG elements
  const nodes = data.nodes.map((d, i) => ({ kind: 'node', index: i, d, el: byId('dgn' + i), edges: [] }));
  const edges = data.edges.map((d, i) => ({ kind: 'edge', index: i, d, el: byId('dge' + i) }));
  for (const e of edges) {
    nodes[e.d.from].edges.push(e);
    nodes[e.d.to].edges.push(e);
  }
  const facts = nodes.concat(edges).filter((f) => f.el);
  const factOfElement = new Map(facts.map((f) => [f.el, f]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  // Per source id: the facts it supports and those it disputes.
  const citedBy = new Map();
  for (const f of facts) {
    for (const c of f.d.cites) {
      if (!citedBy.has(c.source)) citedBy.set(c.source, { asserts: new Set(), disputes: new Set() });
      citedBy.get(c.source)[c.stance === 'disputes' ? 'disputes' : 'asserts'].add(f);
    }
  }

  // ---- small DOM helpers: text only
  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function button(text, onClick) {
    const b = element('button', '', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function setClass(fact, name, on) {
    fact.el.classList.toggle(name, on);
  }

  // ---- dates: "2025" (year), "2025-10" (month), "2025-10-05" (day), "A..B" (between)
  const precisionNames = { 4: 'year', 7: 'month', 10: 'day' };
  function describeDate(text) {
    const span = text.split('..');
    if (span.length === 2) return text + ' (some time between ' + span[0] + ' and ' + span[1] + ')';
    return text + ' (' + (precisionNames[text.length] || 'date') + ' precision)';
  }
  function dayOf(y, m, d) {
    return Math.round(Date.UTC(y, m - 1, d) / 86400000);
  }
  // The first and last day a date text covers, as days since 1970-01-01; null if not a date.
  function dateRange(text) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
    if (!m) return null;
    const y = Number(m[1]);
    if (m[3]) {
      const d = dayOf(y, Number(m[2]), Number(m[3]));
      return { lo: d, hi: d };
    }
    if (m[2]) return { lo: dayOf(y, Number(m[2]), 1), hi: dayOf(y, Number(m[2]) + 1, 1) - 1 };
    return { lo: dayOf(y, 1, 1), hi: dayOf(y + 1, 1, 1) - 1 };
  }
  function dayText(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  // ---- side panel
  let selected = null;
  function nodeName(i) {
    return data.nodes[i].label;
  }
  function addRow(list, term, value) {
    if (value === undefined || value === null || value === '') return;
    list.append(element('dt', '', term));
    const dd = element('dd');
    dd.append(value);
    list.append(dd);
  }
  function valueText(v) {
    return Array.isArray(v) ? v.map(valueText).join(', ') : String(v);
  }
  function citation(c) {
    const box = element('div', 'dg-cite' + (c.stance === 'disputes' ? ' dg-disputing' : ''));
    const s = sources.get(c.source) || { id: c.source };
    box.append(element('div', 'dg-source-title', s.title || s.label || s.id));
    const meta = [s.author, s.publisher, s.date && describeDate(s.date)].filter(Boolean).join(' · ');
    if (meta) box.append(element('div', 'dg-source-meta', meta));
    box.append(element('blockquote', 'dg-quote', c.quote));
    box.append(element('div', 'dg-stance', c.stance === 'disputes' ? 'disputes this' : 'asserts this'));
    const counts = citedBy.get(c.source) || { asserts: new Set(), disputes: new Set() };
    box.append(button('facts it supports (' + counts.asserts.size + ')', () => highlightSource(c.source, 'asserts')));
    box.append(button('facts it disputes (' + counts.disputes.size + ')', () => highlightSource(c.source, 'disputes')));
    return box;
  }
  function showFact(fact) {
    if (selected) setClass(selected, 'dg-selected', false);
    selected = fact;
    setClass(fact, 'dg-selected', true);
    const d = fact.d;
    const box = byId('dg-details');
    box.replaceChildren();
    box.append(element('h2', 'dg-label', fact.kind === 'node' ? d.label : d.type));
    const list = element('dl');
    addRow(list, 'type', d.type);
    addRow(list, 'id', d.id);
    if (fact.kind === 'edge') {
      addRow(list, 'from', button(nodeName(d.from), () => showFact(nodes[d.from])));
      addRow(list, 'to', button(nodeName(d.to), () => showFact(nodes[d.to])));
    } else if (d.aliases.length) {
      addRow(list, 'aliases', d.aliases.join(', '));
    }
    if (d.date) addRow(list, 'date', describeDate(d.date));
    if (d.start) addRow(list, 'start', describeDate(d.start));
    if (d.end) addRow(list, 'end', describeDate(d.end));
    addRow(list, 'modality', d.modality);
    for (const [name, value] of d.props) addRow(list, name, valueText(value));
    box.append(list);
    const asserting = d.cites.filter((c) => c.stance !== 'disputes');
    const disputing = d.cites.filter((c) => c.stance === 'disputes');
    box.append(element('h3', '', 'Sources (' + asserting.length + ')'));
    for (const c of asserting) box.append(citation(c));
    if (disputing.length) {
      box.append(element('h3', 'dg-disputes-head', 'Disputed by (' + disputing.length + ')'));
      for (const c of disputing) box.append(citation(c));
    }
  }
  function clearSelection() {
    if (selected) setClass(selected, 'dg-selected', false);
    selected = null;
    byId('dg-details').replaceChildren();
  }

  // ---- a source's facts
  function highlightSource(id, stance) {
    clearSourceHighlight();
    const set = (citedBy.get(id) || {})[stance] || new Set();
    for (const f of set) setClass(f, stance === 'disputes' ? 'dg-disputes' : 'dg-supports', true);
    const s = sources.get(id) || { id };
    const note = byId('dg-source-note');
    note.append(
      (stance === 'disputes' ? 'Disputed by ' : 'Supported by ') + (s.title || s.label || s.id) + ': ' + set.size + ' fact(s) ',
    );
    note.append(button('clear', clearSourceHighlight));
  }
  function clearSourceHighlight() {
    for (const f of facts) {
      setClass(f, 'dg-supports', false);
      setClass(f, 'dg-disputes', false);
    }
    byId('dg-source-note').replaceChildren();
  }

  // ---- hover: a node's neighbourhood stands out
  function hover(node) {
    const near = new Set([node]);
    for (const e of node.edges) {
      near.add(e);
      near.add(nodes[e.d.from]);
      near.add(nodes[e.d.to]);
    }
    for (const f of facts) setClass(f, 'dg-dim', !near.has(f));
    svg.classList.add('dg-hovering');
  }
  function unhover() {
    svg.classList.remove('dg-hovering');
    for (const f of facts) setClass(f, 'dg-dim', false);
  }
  function factAt(target) {
    const g = target.closest && target.closest('g.node, g.edge');
    return g ? factOfElement.get(g) : undefined;
  }
  svg.addEventListener('pointerover', (event) => {
    const f = factAt(event.target);
    if (f && f.kind === 'node') hover(f);
  });
  svg.addEventListener('pointerout', (event) => {
    const f = factAt(event.target);
    if (f && f.kind === 'node' && factAt(event.relatedTarget || document.body) !== f) unhover();
  });
  // Graphviz's <title> elements name the internal nodes (n0, n1 -> n2), which browsers show
  // as tooltips: facts get their label instead, the rest none.
  for (const title of svg.querySelectorAll('g.node > title, g.edge > title')) {
    const f = factOfElement.get(title.parentNode);
    if (!f) title.remove();
    else if (f.kind === 'node') title.textContent = f.d.label;
    else title.textContent = f.d.type + ': ' + nodeName(f.d.from) + ' \u2192 ' + nodeName(f.d.to);
  }

  // Edges are thin: a wide transparent copy of each edge's path takes the clicks.
  for (const e of edges) {
    const path = e.el && e.el.querySelector('path');
    if (!path) continue;
    const hit = path.cloneNode(false);
    hit.removeAttribute('id');
    hit.setAttribute('class', 'dg-hit');
    e.el.insertBefore(hit, path);
  }

  // ---- search, folded as Graph::fold() folds (NFKC case fold, marks and default-ignorables
  // removed). toLowerCase is not Unicode case folding; where the two differ it is corrected:
  // ß and final ς, the iota subscript (a mark, but case folding makes it ι), and Cherokee
  // (whose case fold is its upper case).
  function fold(text) {
    return text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[\u13F8-\u13FD\uAB70-\uABBF]/g, (c) => c.toUpperCase())
      .replace(/ß/g, 'ss')
      .replace(/ς/g, 'σ')
      .normalize('NFKD')
      .replace(/\u0345/g, 'ι')
      .replace(/[\p{M}\p{Default_Ignorable_Code_Point}]/gu, '')
      .normalize('NFC');
  }
  const search = byId('dg-search');
  let matches = [];
  function runSearch() {
    for (const n of matches) setClass(n, 'dg-match', false);
    const q = fold(search.value.trim());
    matches = q ? nodes.filter((n) => n.el && n.d.names.some((name) => name.includes(q))) : [];
    for (const n of matches) setClass(n, 'dg-match', true);
    byId('dg-search-count').textContent = q ? matches.length + (matches.length === 1 ? ' match' : ' matches') : '';
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && matches.length) showFact(matches[0]);
  });

  // ---- node and edge type toggles
  const hiddenTypes = { node: new Set(), edge: new Set() };
  function applyTypes() {
    for (const n of nodes) if (n.el) setClass(n, 'dg-off', hiddenTypes.node.has(n.d.type));
    for (const e of edges) {
      const off = hiddenTypes.edge.has(e.d.type) || hiddenTypes.node.has(data.nodes[e.d.from].type) ||
        hiddenTypes.node.has(data.nodes[e.d.to].type);
      if (e.el) setClass(e, 'dg-off', off);
    }
  }
  function typeToggles(container, kind, list) {
    const counts = new Map();
    for (const f of list) counts.set(f.d.type, (counts.get(f.d.type) || 0) + 1);
    for (const type of [...counts.keys()].sort()) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = type;
      box.dataset.kind = kind;
      box.addEventListener('change', () => {
        if (box.checked) hiddenTypes[kind].delete(type);
        else hiddenTypes[kind].add(type);
        applyTypes();
      });
      const label = element('label');
      label.append(box, ' ' + type + ' (' + counts.get(type) + ')');
      container.append(label);
    }
  }
  typeToggles(byId('dg-node-types'), 'node', nodes);
  typeToggles(byId('dg-edge-types'), 'edge', edges);

  // ---- time window: the rule of view(): a fact is in when its span possibly overlaps
  // [from, to]; "as of" keeps what was possibly valid on the day `to` names (events stay
  // once they happened). Undated facts are always in; an edge fades with either end.
  const timeOn = byId('dg-time-on');
  const asOf = byId('dg-as-of');
  const fromText = byId('dg-from');
  const toText = byId('dg-to');
  const fromRange = byId('dg-from-range');
  const toRange = byId('dg-to-range');
  const days = [];
  for (const f of data.nodes.concat(data.edges)) {
    if (!f.time) continue;
    if (f.time.lo !== undefined) days.push(f.time.lo);
    if (f.time.hi !== undefined) days.push(f.time.hi);
  }
  const firstDay = days.length ? Math.min(...days) : dayOf(2000, 1, 1);
  const lastDay = days.length ? Math.max(...days) : firstDay;
  for (const range of [fromRange, toRange]) {
    range.min = firstDay;
    range.max = lastDay;
  }
  fromRange.value = firstDay;
  toRange.value = lastDay;
  fromText.value = dayText(firstDay);
  toText.value = dayText(lastDay);

  // Whether a fact's time is in the window, as view()'s possibly_overlaps(); with `asOfDay`,
  // as its valid_on() over the validity span, where a point date never ends.
  function inWindow(time, from, to, asOfDay) {
    if (!time) return true;
    const lo = time.lo === undefined ? -Infinity : time.lo;
    const hi = time.hi === undefined || (asOfDay && time.point) ? Infinity : time.hi;
    if (asOfDay) return !(hi < asOfDay.lo) && !(lo > asOfDay.hi);
    return !(from && hi < from.lo) && !(to && lo > to.hi);
  }
  function applyTime() {
    const from = fromText.value.trim() ? dateRange(fromText.value) : undefined;
    const to = toText.value.trim() ? dateRange(toText.value) : undefined;
    const bad = from === null || to === null;
    byId('dg-time-note').textContent = bad ? 'dates read YYYY, YYYY-MM or YYYY-MM-DD' : '';
    const on = timeOn.checked && !bad && !(asOf.checked && !to);
    const outside = (time) => on && !(asOf.checked ? inWindow(time, null, null, to) : inWindow(time, from, to));
    const out = new Set(nodes.filter((n) => outside(n.d.time)));
    for (const e of edges)
      if (outside(e.d.time) || out.has(nodes[e.d.from]) || out.has(nodes[e.d.to])) out.add(e);
    for (const f of facts) setClass(f, 'dg-out', out.has(f));
  }
  function fromSlider(range, text) {
    text.value = dayText(Number(range.value));
    timeOn.checked = true;
    applyTime();
  }
  function fromTextInput(text, range) {
    const r = dateRange(text.value);
    if (r) range.value = text === fromText ? r.lo : r.hi;
    timeOn.checked = true;
    applyTime();
  }
  fromRange.addEventListener('input', () => fromSlider(fromRange, fromText));
  toRange.addEventListener('input', () => fromSlider(toRange, toText));
  fromText.addEventListener('change', () => fromTextInput(fromText, fromRange));
  toText.addEventListener('change', () => fromTextInput(toText, toRange));
  timeOn.addEventListener('change', applyTime);
  asOf.addEventListener('change', applyTime);

  // ---- pan and zoom over the SVG's viewBox: drag pans, wheel or pinch zooms at the cursor
  const base = svg.viewBox.baseVal;
  const home = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view = Object.assign({}, home);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  function setView(v) {
    view = v;
    svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].join(' '));
  }
  function svgPoint(clientX, clientY) {
    const m = svg.getScreenCTM();
    if (!m) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }
  function zoom(factor, at) {
    const w = Math.min(Math.max(view.w * factor, home.w / 50), home.w * 10);
    const k = w / view.w;
    setView({ x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k, w, h: view.h * k });
  }
  function zoomCentre(factor) {
    zoom(factor, { x: view.x + view.w / 2, y: view.y + view.h / 2 });
  }
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
      const speed = event.ctrlKey ? 0.01 : 0.0015; // a pinch comes as a wheel with ctrlKey
      zoom(Math.exp(event.deltaY * lines * speed), svgPoint(event.clientX, event.clientY));
    },
    { passive: false },
  );
  let drag = null;
  let dragged = false;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, view: Object.assign({}, view), id: event.pointerId };
    dragged = false;
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    if (!dragged) {
      dragged = true;
      canvas.setPointerCapture(event.pointerId);
      canvas.classList.add('dg-dragging');
    }
    const m = svg.getScreenCTM();
    const scale = m ? m.a : 1;
    setView({ x: drag.view.x - dx / scale, y: drag.view.y - dy / scale, w: view.w, h: view.h });
  });
  function endDrag() {
    drag = null;
    canvas.classList.remove('dg-dragging');
  }
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  svg.addEventListener('click', (event) => {
    if (dragged) {
      dragged = false;
      return;
    }
    const f = factAt(event.target);
    if (f) showFact(f);
  });
  byId('dg-zoom-in').addEventListener('click', () => zoomCentre(1 / 1.25));
  byId('dg-zoom-out').addEventListener('click', () => zoomCentre(1.25));
  byId('dg-zoom-fit').addEventListener('click', () => setView(Object.assign({}, home)));

  // ---- keyboard: / searches, Escape clears, + - 0 zoom
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement;
    if (event.key === 'Escape') {
      search.value = '';
      runSearch();
      clearSelection();
      clearSourceHighlight();
      unhover();
      if (typing) event.target.blur();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/') {
      event.preventDefault();
      search.focus();
      search.select();
    } else if (event.key === '+' || event.key === '=') {
      zoomCentre(1 / 1.25);
    } else if (event.key === '-') {
      zoomCentre(1.25);
    } else if (event.key === '0') {
      setView(Object.assign({}, home));
    }
  });

  // For tests and curious readers: the folding the search box applies.
  window.diplograph = Object.freeze({ fold });
})();
