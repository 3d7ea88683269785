// The marketing page: the five templates of /api/marketing/templates/{0..4} (docs/MARKETING.md) over one
// range of local dates, each as a table of the API's rows and a chart of the same rows. Every text from the
// data (callers, names) goes in as textContent; nothing here is parsed as HTML.
(function () {
  'use strict';
  const DASH = '—';
  const PAGE = 50; // people per page on templates 2 and 4
  const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const ints = new Intl.NumberFormat('en-US');
  const tenths = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const finite = v => typeof v === 'number' && Number.isFinite(v);
  const count = v => finite(v) ? ints.format(v) : DASH;
  /** Whole seconds as minutes with one decimal, half up ("7.5", "1,234.0"): tenths of a minute are 6 s. */
  const minutes = s => finite(s) ? tenths.format(Math.round(s / 6) / 10) : DASH;
  /** A share of 4 decimals (0.3333) as a percentage with one decimal, half up ("33.3%"). */
  const percent = v => finite(v) ? tenths.format(Math.round(Math.round(v * 10000) / 10) / 10) + '%' : DASH;
  const hh = h => finite(h) ? String(h).padStart(2, '0') + ':00' : DASH;
  const slot = h => finite(h) ? hh(h) + '–' + hh(h + 1) : DASH;
  const weekday = d => typeof d === 'string' && d ? d.charAt(0) + d.slice(1).toLowerCase() : DASH;
  const el = id => document.querySelector(`[data-testid="${id}"]`);

  // Tags in the directory's order of meaning, with a colour each; tags the page does not know get a grey.
  const TAG_COLOURS = { BUSINESS: '37,99,235', AGENCY: '124,58,237', EDUCATION: '13,148,136', HEALTH: '220,38,38', AD: '234,88,12',
    EMERGENCY: '161,98,7', PRIVATE: '100,116,139' };
  const colour = tag => TAG_COLOURS[tag] || '148,163,184';
  /** Business type → {label, tag}, from GET /api/marketing/directory. */
  const types = new Map();
  const typeLabel = t => t == null ? DASH : (types.get(t) || {}).label || t;

  // ---- the API ----
  const getJson = path => Switchboard.call('GET', path);

  // ---- the shared range ----
  const form = document.getElementById('range-form');
  const fromInput = document.getElementById('from');
  const toInput = document.getElementById('to');
  const sourceInput = document.getElementById('source');
  const isoDate = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  const range = { from: '', to: '', source: 'history' };

  function params(extra) {
    const q = new URLSearchParams({ from: range.from, to: range.to, source: range.source });
    for (const [k, v] of Object.entries(extra || {})) if (v !== '' && v != null) q.set(k, String(v));
    return q;
  }

  /** The values of a section's filter form: name → trimmed value (checkboxes: true/false). */
  function filters(id) {
    const out = {};
    for (const input of document.getElementById(id).elements) {
      if (!input.name) continue;
      out[input.name] = input.type === 'checkbox' ? input.checked : input.value.trim();
    }
    return out;
  }

  // ---- errors: one line for all sections, each section's message kept until it loads again ----
  const errors = new Map();
  function showErrors() {
    const line = el('message');
    const texts = [...new Set(errors.values())];
    line.textContent = texts.join(' · ');
    line.hidden = !texts.length;
  }

  // ---- tables ----
  function td(tr, name, text, cls) {
    const cell = document.createElement('td');
    if (name) cell.dataset.testid = name;
    if (cls) cell.className = cls;
    cell.textContent = text; // text, never HTML: callers and names come from CDRs and the directory
    tr.appendChild(cell);
    return cell;
  }

  function emptyRow(table, text) {
    const body = el(table).querySelector('tbody');
    const tr = document.createElement('tr');
    tr.className = 'empty';
    const cell = td(tr, null, text);
    cell.colSpan = el(table).querySelectorAll('thead th').length;
    body.replaceChildren(tr);
  }

  function fillRows(table, rows, make, none) {
    const box = el(table).closest('.scroll');
    if (box) box.scrollTop = 0; // a new page starts at its first row
    if (!rows.length) return emptyRow(table, none);
    el(table).querySelector('tbody').replaceChildren(...rows.map(r => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'row';
      make(tr, r);
      return tr;
    }));
  }

  // ---- charts: uPlot bars over categories 0..n-1 ----
  const plots = {};
  const short = (s, n) => s.length > n ? s.slice(0, n - 1) + '…' : s;

  function clearChart(id, text) {
    const box = document.getElementById(id);
    if (plots[id]) plots[id].destroy();
    delete plots[id];
    box.plot = null;
    box.dataset.bars = '[]';
    const p = document.createElement('p');
    p.className = 'hint chart-empty';
    p.textContent = text;
    box.replaceChildren(p);
  }

  /**
   * Bars at categories 0..labels.length-1; series [{label, tag, values}] with a value or null per category.
   * The drawn bars ({label, value} of each non-null value) are kept in data-bars for reading back.
   */
  function bars(id, labels, series, o) {
    const box = document.getElementById(id);
    const drawn = [];
    for (const s of series) s.values.forEach((v, i) => { if (v != null) drawn.push({ label: labels[i], series: s.label, value: v }); });
    if (!drawn.length) return clearChart(id, o.none);
    if (plots[id]) plots[id].destroy();
    box.replaceChildren();
    const max = Math.max(...drawn.map(b => b.value));
    const rotate = o.rotate || 0;
    const maxLabel = o.maxLabel || 16;
    // room under a rotated axis for its longest (shortened) label, about 3.8 px a character at -35°
    const labelRoom = 24 + Math.round(3.8 * Math.max(...labels.map(l => Math.min(maxLabel, String(l).length))));
    plots[id] = new uPlot({
      width: box.clientWidth, height: o.height || 240,
      legend: { show: series.length > 1 || !!o.legend },
      scales: { x: { time: false, range: () => [-0.6, labels.length - 0.4] }, y: { range: () => [0, max > 0 ? max * 1.08 : 1] } },
      axes: [
        { space: o.space || 30, incrs: [1, 2, 3, 5, 7, 10, 14, 30, 60, 90, 180, 365], rotate, size: rotate ? labelRoom : 30,
          values: (u, splits) => splits.map(i => Number.isInteger(i) && labels[i] != null ? short(labels[i], maxLabel) : '') },
        { label: o.yLabel, labelSize: 16, size: 56, values: (u, splits) => splits.map(v => o.axis(v)) },
      ],
      series: [
        { label: o.xLabel, value: (u, i) => i == null || labels[i] == null ? DASH : labels[i] },
        ...series.map(s => ({
          label: s.label, stroke: 'rgb(' + colour(s.tag) + ')', fill: 'rgba(' + colour(s.tag) + ',.55)', width: 1,
          paths: uPlot.paths.bars({ size: [0.7, 48] }), points: { show: false }, value: (u, v) => v == null ? DASH : o.format(v),
        })),
      ],
    }, [labels.map((_, i) => i), ...series.map(s => s.values)], box);
    box.plot = plots[id];
    box.dataset.bars = JSON.stringify(drawn);
  }

  window.addEventListener('resize', () => {
    for (const p of Object.values(plots)) p.setSize({ width: p.root.parentElement.clientWidth, height: p.height });
  });

  // ---- sections: each loads on its own; a newer load makes an older answer stale ----
  const sections = {};

  function section(n, load) {
    const s = { n, seq: 0, offset: 0, load: null };
    s.load = async () => {
      const mine = ++s.seq;
      const box = el('t' + n);
      box.dataset.state = 'loading';
      try {
        await load(s, () => mine !== s.seq);
        if (mine !== s.seq) return;
        errors.delete(n);
        box.dataset.state = 'ok';
      } catch (e) {
        if (mine !== s.seq) return;
        errors.set(n, e.message);
        s.failed(e);
        box.dataset.state = 'error';
      }
      showErrors();
      box.dataset.loads = String(Number(box.dataset.loads || 0) + 1); // for tests: a load has finished
    };
    sections[n] = s;
    return s;
  }

  /**
   * Templates 2 and 4: people by caller, PAGE at a time (one more row is asked, to know whether a next page
   * exists); query() gives the section's filters, make(tr, row) fills a table row, summary(rows) draws the
   * rows shown.
   */
  function peopleSection(n, query, make, summary) {
    const page = t => el('t' + n + '-' + t);
    const s = section(n, async (s, stale) => {
      const f = query();
      const rows = await getJson('/api/marketing/templates/' + n + '?' + params({ ...f, min_calls: f.min_calls === '0' ? '' : f.min_calls,
        limit: PAGE + 1, offset: s.offset }));
      if (stale()) return;
      const shown = rows.slice(0, PAGE);
      const more = rows.length > PAGE;
      fillRows('t' + n + '-table', shown, make, s.offset ? 'no more people' : 'no people match');
      page('page').textContent = shown.length
        ? 'people ' + count(s.offset + 1) + '–' + count(s.offset + shown.length) + (more ? '' : ' (last page)')
        : (s.offset ? 'no more people' : 'no people');
      page('prev').disabled = s.offset === 0;
      page('next').disabled = !more;
      summary(shown);
    });
    s.failed = () => {
      emptyRow('t' + n + '-table', 'nothing shown');
      page('page').textContent = DASH;
      page('prev').disabled = page('next').disabled = true;
      summary([]);
    };
    page('prev').addEventListener('click', () => { s.offset = Math.max(0, s.offset - PAGE); s.load(); });
    page('next').addEventListener('click', () => { s.offset += PAGE; s.load(); });
  }

  // Template 0: minutes per hour of day or per day.
  const t0 = section(0, async (s, stale) => {
    const group = filters('t0-filters').group;
    const rows = await getJson('/api/marketing/templates/0?' + params({ group }));
    if (stale()) return;
    const byDay = group === 'day';
    el('t0-key').textContent = byDay ? 'Date' : 'Hour';
    fillRows('t0-table', rows, (tr, r) => {
      tr.dataset.key = byDay ? r.date : String(r.hour);
      td(tr, 'key', byDay ? (r.date || DASH) : hh(r.hour));
      td(tr, 'calls', count(r.calls));
      td(tr, 'minutes', minutes(r.duration_sec));
    }, 'no calls in this range');
    let labels, values;
    if (byDay) {
      labels = datesOf(range.from, range.to);
      const at = new Map(rows.map(r => [r.date, r.duration_sec / 60]));
      values = labels.map(d => at.has(d) ? at.get(d) : null);
    } else {
      labels = [...Array(24).keys()].map(h => String(h).padStart(2, '0'));
      const at = new Map(rows.map(r => [r.hour, r.duration_sec / 60]));
      values = labels.map((_, h) => at.has(h) ? at.get(h) : null);
    }
    bars('t0-chart', byDay ? labels.map(d => d.slice(5)) : labels, [{ label: 'Minutes', tag: 'BUSINESS', values }], {
      xLabel: byDay ? 'date' : 'hour', yLabel: 'minutes', none: 'no calls in this range', space: byDay ? 40 : 18,
      axis: v => Number.isInteger(v) ? ints.format(v) : tenths.format(v), format: v => tenths.format(v) + ' min', legend: true,
    });
  });
  t0.failed = () => { emptyRow('t0-table', 'nothing shown'); clearChart('t0-chart', ''); };

  /** The ISO dates from..to inclusive (at most ~3 years, to keep a mistyped year from hanging the page). */
  function datesOf(from, to) {
    const out = [];
    const d = new Date(from + 'T00:00:00Z');
    const end = new Date(to + 'T00:00:00Z');
    while (d <= end && out.length < 1200) {
      out.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return out;
  }

  // Template 1: calls and minutes per business type and tag.
  const t1 = section(1, async (s, stale) => {
    const f = filters('t1-filters');
    const rows = await getJson('/api/marketing/templates/1?' + params({ tag: f.tag }));
    if (stale()) return;
    fillRows('t1-table', rows, (tr, r) => {
      tr.dataset.tag = r.tag;
      tr.dataset.type = r.business_type || '';
      td(tr, 'tag', r.tag || DASH, 'text');
      td(tr, 'type', r.business_type == null ? 'private numbers' : typeLabel(r.business_type), 'text' + (r.business_type == null ? ' none' : ''));
      td(tr, 'calls', count(r.calls));
      td(tr, 'minutes', minutes(r.duration_sec));
    }, f.tag ? 'no calls to ' + f.tag + ' numbers in this range' : 'no calls in this range');
    const charted = rows.filter(r => f.private || r.tag !== 'PRIVATE');
    const tags = [...new Set(charted.map(r => r.tag))];
    const labels = charted.map(r => r.business_type == null ? 'Private' : typeLabel(r.business_type));
    bars('t1-chart', labels, tags.map(tag => ({ label: tag, tag, values: charted.map(r => r.tag === tag ? r.calls : null) })), {
      xLabel: 'type', yLabel: 'calls', none: rows.length ? 'only private numbers were called' : 'no calls in this range',
      rotate: -35, space: 14, maxLabel: 18, axis: v => Number.isInteger(v) ? ints.format(v) : '',
      format: v => ints.format(v) + ' calls',
    });
    const privateLeftOut = rows.some(r => r.tag === 'PRIVATE') && !f.private;
    el('t1-caption').textContent = 'Bars: calls per business type, coloured by tag.' + (privateLeftOut ? ' Private numbers are in the table, not in the chart.' : '');
  });
  t1.failed = () => { emptyRow('t1-table', 'nothing shown'); clearChart('t1-chart', ''); el('t1-caption').textContent = ''; };

  // Template 2: per caller, the tag and type called most; paged.
  peopleSection(2, () => filters('t2-filters'), (tr, r) => {
    tr.dataset.caller = r.caller;
    td(tr, 'caller', r.caller || DASH);
    td(tr, 'tag', r.tag || DASH, 'text');
    td(tr, 'tag-calls', count(r.tag_calls));
    td(tr, 'tag-share', percent(r.tag_share));
    td(tr, 'type', typeLabel(r.business_type), 'text' + (r.business_type == null ? ' none' : ''));
    td(tr, 'type-calls', count(r.type_calls));
    td(tr, 'type-share', r.business_type == null ? DASH : percent(r.type_share));
    td(tr, 'calls', count(r.calls));
  }, peoplePerTag);

  /** Horizontal bars of the people per tag among the rows shown (this page, not the whole range). */
  function peoplePerTag(rows) {
    const per = new Map();
    for (const r of rows) per.set(r.tag, (per.get(r.tag) || 0) + 1);
    const list = [...per.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    const max = Math.max(1, ...list.map(e => e[1]));
    el('t2-summary').replaceChildren(...list.map(([tag, n]) => {
      const row = document.createElement('div');
      row.className = 'hbar';
      row.dataset.testid = 'bar';
      row.dataset.tag = tag;
      row.dataset.count = String(n);
      const name = document.createElement('span');
      name.textContent = tag || DASH;
      const bar = document.createElement('span');
      bar.className = 'fill';
      bar.style.width = (100 * n / max).toFixed(1) + '%';
      bar.style.background = 'rgba(' + colour(tag) + ',.6)';
      const value = document.createElement('span');
      value.className = 'num';
      value.textContent = count(n);
      row.append(name, bar, value);
      return row;
    }));
    el('t2-summary-caption').textContent = rows.length ? 'Of the ' + count(rows.length) + ' people on this page only.' : 'no people shown';
  }

  // Template 3: international calls per country.
  const t3 = section(3, async (s, stale) => {
    const f = filters('t3-filters');
    const rows = await getJson('/api/marketing/templates/3?' + params({ region: f.region.toUpperCase() }));
    if (stale()) return;
    fillRows('t3-table', rows, (tr, r) => {
      tr.dataset.region = r.region;
      td(tr, 'country', r.country || r.region || DASH);
      td(tr, 'region', r.region || DASH);
      td(tr, 'code', finite(r.country_code) ? '+' + r.country_code : DASH);
      td(tr, 'calls', count(r.calls));
      td(tr, 'minutes', minutes(r.duration_sec));
    }, f.region ? 'no calls to ' + f.region.toUpperCase() + ' in this range' : 'no international calls in this range');
    const top = rows.slice(0, Number(f.top) || 10);
    bars('t3-chart', top.map(r => r.country || r.region), [{ label: 'Calls', tag: 'AGENCY', values: top.map(r => r.calls) }], {
      xLabel: 'country', yLabel: 'calls', none: 'no international calls', rotate: -35, space: 14, maxLabel: 16,
      axis: v => Number.isInteger(v) ? ints.format(v) : '', format: v => ints.format(v) + ' calls', legend: true,
    });
    el('t3-caption').textContent = rows.length > top.length ? 'Bars: the ' + top.length + ' countries called most of ' + count(rows.length) + '.'
      : rows.length ? 'Bars: calls per country.' : '';
  });
  t3.failed = () => { emptyRow('t3-table', 'nothing shown'); clearChart('t3-chart', ''); el('t3-caption').textContent = ''; };

  // Template 4: per caller, the best weekday and hour; paged.
  peopleSection(4, () => filters('t4-filters'), (tr, r) => {
    tr.dataset.caller = r.caller;
    tr.dataset.guessed = String(!!r.zone_guessed);
    td(tr, 'caller', r.caller || DASH);
    const zone = td(tr, 'zone', r.zone || DASH, 'text');
    if (r.zone_guessed) {
      const mark = document.createElement('span');
      mark.className = 'warn tag-guessed';
      mark.dataset.testid = 'guessed';
      mark.title = 'libphonenumber names no single zone for this number: the platform zone is used';
      mark.textContent = ' guessed';
      zone.appendChild(mark);
    }
    td(tr, 'weekday', weekday(r.weekday), 'text');
    td(tr, 'hour', slot(r.hour), 'text');
    td(tr, 'slot-calls', count(r.slot_calls));
    td(tr, 'calls', count(r.calls));
    td(tr, 'confidence', percent(r.confidence));
  }, heatmap);

  /** 7 × 24: how many of the rows shown have each weekday and hour as their best slot. */
  function heatmap(rows) {
    const grid = WEEKDAYS.map(() => new Array(24).fill(0));
    for (const r of rows) {
      const d = WEEKDAYS.indexOf(r.weekday);
      if (d >= 0 && finite(r.hour) && r.hour >= 0 && r.hour < 24) grid[d][r.hour]++;
    }
    const max = Math.max(1, ...grid.flat());
    const table = document.createElement('table');
    table.className = 'heatmap';
    const head = document.createElement('tr');
    head.appendChild(document.createElement('th'));
    for (let h = 0; h < 24; h++) {
      const th = document.createElement('th');
      th.textContent = h % 3 === 0 ? String(h).padStart(2, '0') : '';
      head.appendChild(th);
    }
    const thead = document.createElement('thead');
    thead.appendChild(head);
    const tbody = document.createElement('tbody');
    WEEKDAYS.forEach((day, d) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.textContent = weekday(day).slice(0, 3);
      tr.appendChild(th);
      for (let h = 0; h < 24; h++) {
        const n = grid[d][h];
        const cell = td(tr, 'slot', n ? String(n) : '');
        cell.dataset.day = day;
        cell.dataset.hour = String(h);
        cell.dataset.count = String(n);
        cell.title = weekday(day) + ' ' + slot(h) + ': ' + n + (n === 1 ? ' person' : ' people');
        if (n) cell.style.background = 'rgba(37,99,235,' + (0.15 + 0.85 * n / max).toFixed(2) + ')';
        if (n / max > 0.55) cell.style.color = '#fff';
      }
      tbody.appendChild(tr);
    });
    table.append(thead, tbody);
    el('t4-heatmap').replaceChildren(table);
    el('t4-heatmap-caption').textContent = rows.length ? 'Of the ' + count(rows.length) + ' people on this page only, in their local time.'
      : 'no people shown';
  }

  // ---- filters of the tags and types in the directory ----
  async function loadDirectory() {
    let entries = [];
    try {
      entries = (await getJson('/api/marketing/directory?limit=10000')).entries || [];
    } catch (e) {
      return; // no directory here: the filters offer "all" only; the templates say what went wrong
    }
    for (const e of entries) if (e.business_type && !types.has(e.business_type)) types.set(e.business_type, { label: e.label || e.business_type, tag: e.tag });
    const tags = [...new Set([...types.values()].map(t => t.tag))].sort();
    tags.push('PRIVATE');
    for (const select of document.querySelectorAll('select.tags')) {
      for (const tag of tags) select.appendChild(new Option(tag, tag));
    }
    for (const select of document.querySelectorAll('select.types')) {
      for (const tag of tags) {
        const group = document.createElement('optgroup');
        group.label = tag;
        for (const [type, t] of [...types.entries()].filter(e => e[1].tag === tag).sort((a, b) => a[1].label.localeCompare(b[1].label)))
          group.appendChild(new Option(t.label, type));
        if (group.children.length) select.appendChild(group);
      }
    }
  }

  // ---- wiring ----
  function loadAll() {
    range.from = fromInput.value;
    range.to = toInput.value;
    range.source = sourceInput.value;
    history.replaceState(null, '', '?' + new URLSearchParams(range));
    for (const s of Object.values(sections)) {
      s.offset = 0;
      s.load();
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); loadAll(); });
  sourceInput.addEventListener('change', loadAll);
  for (const n of [0, 1, 2, 3, 4]) {
    const f = document.getElementById('t' + n + '-filters');
    const again = e => {
      if (e) e.preventDefault();
      sections[n].offset = 0;
      sections[n].load();
    };
    f.addEventListener('submit', again);
    f.addEventListener('change', () => again());
  }

  const asked = new URLSearchParams(location.search);
  const date = v => v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
  const today = new Date();
  toInput.value = date(asked.get('to')) || isoDate(today);
  fromInput.value = date(asked.get('from')) || isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6));
  if (asked.get('source') === 'live') sourceInput.value = 'live';
  loadDirectory().finally(loadAll);
})();
