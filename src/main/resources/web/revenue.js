// The revenue page: figures of one month from /api/revenue/*. Money arrives as exact text ("12.34")
// and is shown as received; only the charts turn it into numbers, to draw bars.
(function () {
  'use strict';
  const DASH = '—';
  const ints = new Intl.NumberFormat('en-US');
  const num = v => typeof v === 'number' && Number.isFinite(v);
  const count = v => num(v) ? ints.format(v) : DASH;
  const minutes = v => v == null ? DASH : Number(v).toFixed(1);
  const el = id => document.querySelector(`[data-testid="${id}"]`);
  const put = (id, text) => { el(id).textContent = text; };
  /** [{currency, amount}] → "1.58 EUR · 2.10 USD" */
  const amounts = list => list && list.length ? list.map(a => a.amount + ' ' + (a.currency || '?')).join(' · ') : DASH;
  const money = (amount, currency) => currency === 'MIXED' ? 'mixed currencies' : amount == null ? DASH : amount + ' ' + (currency || '?');

  async function getJson(path) {
    const r = await fetch(path, { cache: 'no-store' });
    if (!r.ok) throw new Error(path + ': ' + r.status);
    return r.json();
  }

  const picker = document.getElementById('period');
  let seq = 0;

  async function load() {
    const mine = ++seq;
    const q = picker.value ? 'period=' + encodeURIComponent(picker.value) : '';
    try {
      const [summary, byAmount, byUsage, operators, countries, daily, errors] = await Promise.all([
        getJson('/api/revenue/summary?' + q), getJson('/api/revenue/top?by=amount&limit=10&' + q),
        getJson('/api/revenue/top?by=usage&limit=10&' + q), getJson('/api/revenue/distribution?by=operator&' + q),
        getJson('/api/revenue/distribution?by=country&' + q), getJson('/api/revenue/daily?' + q),
        getJson('/api/revenue/errors?limit_per_reason=3&period=' + encodeURIComponent(picker.value || ''))]);
      if (mine !== seq) return;
      showSummary(summary);
      showTop('top-amount', byAmount.rows);
      showTop('top-usage', byUsage.rows);
      showDistribution('dist-operator', 'operator-chart', operators.rows);
      showDistribution('dist-country', 'country-chart', countries.rows);
      showDaily(daily.days);
      showErrors(errors);
      document.body.dataset.loaded = summary.period;
      Switchboard.status('loaded', 'live');
    } catch (e) {
      Switchboard.status('API unavailable', 'down');
    }
  }

  function showSummary(s) {
    if (!picker.value) picker.value = s.period;
    picker.max = s.today.slice(0, 7);
    put('zone', s.zone);
    put('today', s.today);
    put('revenue-today', amounts(s.revenue_today));
    put('revenue-period', amounts(s.revenue_period));
    put('today-rated', count(s.today_rated));
    put('today-not-rated', count(s.today_not_rated));
    put('calls', count(s.calls));
    put('sms', count(s.sms));
    put('avg-duration', s.average_call_duration_sec == null ? DASH : Number(s.average_call_duration_sec).toFixed(1) + ' s');
    put('answered-calls', count(s.answered_calls));
    put('rated', count(s.rated));
    put('not-rated', count(s.not_rated));
    put('cdrs', count(s.cdrs));
  }

  function cells(tr, list) {
    for (const [name, text] of list) {
      const td = document.createElement('td');
      td.dataset.testid = name;
      td.textContent = text; // text, never HTML: numbers and names come from CDRs
      tr.appendChild(td);
    }
    return tr;
  }

  function fill(tableId, rows, make, columns) {
    const body = el(tableId).querySelector('tbody');
    if (!rows.length) {
      body.innerHTML = `<tr class="empty"><td colspan="${columns}">no CDRs in this month</td></tr>`;
      return;
    }
    body.replaceChildren(...rows.map(make));
  }

  function showTop(id, rows) {
    fill(id, rows, r => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'row';
      tr.dataset.key = r.key;
      return cells(tr, [['key', r.key], ['calls', count(r.calls)], ['sms', count(r.sms)], ['minutes', minutes(r.minutes)],
        ['amount', money(r.amount, r.currency)]]);
    }, 5);
  }

  function showDistribution(id, chartId, rows) {
    fill(id, rows, r => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'row';
      tr.dataset.key = r.key;
      return cells(tr, [['key', r.label || r.key], ['cdrs', count(r.cdrs)], ['calls', count(r.calls)], ['sms', count(r.sms)],
        ['minutes', minutes(r.minutes)], ['not-rated', count(r.not_rated)], ['amount', money(r.amount, r.currency)]]);
    }, 7);
    barChart(chartId, rows.slice(0, 12));
  }

  // ---- charts ----
  const plots = {};
  /** The currency drawn: the first one met; amounts in another currency are left out of the chart, not converted. */
  const chartCurrency = rows => (rows.find(r => r.currency && r.currency !== 'MIXED') || {}).currency || null;
  const amountIn = (cur, amount, currency) => amount != null && currency === cur ? Number(amount) : null;

  function draw(id, opts, data) {
    const box = document.getElementById(id);
    if (plots[id]) plots[id].destroy();
    opts.width = box.clientWidth;
    plots[id] = new uPlot(opts, data, box);
  }

  function barChart(id, rows) {
    const cur = chartCurrency(rows);
    const labels = rows.map(r => r.label || r.key || '(none)');
    const data = [rows.map((_, i) => i), rows.map(r => r.cdrs), rows.map(r => amountIn(cur, r.amount, r.currency))];
    draw(id, {
      height: 180,
      scales: { x: { time: false, range: (u, min, max) => [-0.6, Math.max(max, 0) + 0.6] }, n: { range: (u, min, max) => [0, Math.max(1, max)] },
        m: { range: (u, min, max) => [0, Math.max(1, max || 0)] } },
      axes: [
        { values: (u, splits) => splits.map(i => Number.isInteger(i) && labels[i] != null ? labels[i] : ''), incrs: [1], size: 30 },
        { scale: 'n', label: 'CDRs', labelSize: 16, size: 44 },
        { scale: 'm', side: 1, label: cur || 'revenue', labelSize: 16, size: 50, grid: { show: false } },
      ],
      series: [
        { value: (u, i) => i == null ? DASH : labels[i] },
        { label: 'CDRs', scale: 'n', stroke: '#94a3b8', fill: 'rgba(148,163,184,.45)', paths: uPlot.paths.bars({ size: [0.35, 40], align: -1 }), points: { show: false } },
        { label: 'Revenue ' + (cur || ''), scale: 'm', stroke: '#2563eb', fill: 'rgba(37,99,235,.45)', paths: uPlot.paths.bars({ size: [0.35, 40], align: 1 }),
          points: { show: false }, value: (u, v) => v == null ? DASH : String(v) },
      ],
    }, data);
  }

  function showDaily(days) {
    const cur = chartCurrency(days);
    const dayNo = d => Number(d.date.slice(8, 10));
    const data = [days.map(dayNo), days.map(d => amountIn(cur, d.revenue, d.currency)), days.map(d => d.cdrs)];
    draw('daily-chart', {
      height: 240,
      scales: { x: { time: false, range: (u, min, max) => [0.4, (max || 1) + 0.6] }, m: { range: (u, min, max) => [0, Math.max(1, max || 0)] },
        n: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [
        { incrs: [1, 2, 5], values: (u, splits) => splits.map(v => Number.isInteger(v) ? String(v) : '') , label: 'day of month', labelSize: 16 },
        { scale: 'm', label: 'revenue ' + (cur || ''), labelSize: 16, size: 56 },
        { scale: 'n', side: 1, label: 'CDRs', labelSize: 16, size: 44, grid: { show: false } },
      ],
      series: [
        { label: 'day' },
        { label: 'Revenue ' + (cur || ''), scale: 'm', stroke: '#2563eb', fill: 'rgba(37,99,235,.45)', paths: uPlot.paths.bars({ size: [0.7, 40] }),
          points: { show: false }, value: (u, v) => v == null ? DASH : String(v) },
        { label: 'CDRs', scale: 'n', stroke: '#a16207', width: 1.5, points: { show: true, size: 4 } },
      ],
    }, data);
  }

  function showErrors(e) {
    put('error-rows', count(e.rows));
    const box = document.getElementById('errors');
    if (!e.reasons.length) {
      box.innerHTML = '<p class="hint">no error CDRs</p>';
      return;
    }
    box.replaceChildren(...e.reasons.map(r => {
      const div = document.createElement('div');
      div.className = 'reason';
      div.dataset.testid = 'reason';
      div.dataset.reason = r.reason;
      const h = document.createElement('h3');
      const n = document.createElement('span');
      n.dataset.testid = 'reason-count';
      n.textContent = count(r.count);
      h.append(r.reason + ' — ', n);
      div.appendChild(h);
      for (const s of r.samples) {
        const pre = document.createElement('pre');
        pre.dataset.testid = 'sample';
        pre.title = s.received_at + ' · ' + s.source + ' · ' + s.format + ' · ' + s.reasons;
        pre.textContent = s.raw + (s.raw_truncated ? ' …' : ''); // raw payloads are shown as text, never parsed as HTML
        div.appendChild(pre);
      }
      return div;
    }));
  }

  picker.addEventListener('change', load);
  window.addEventListener('resize', () => { for (const p of Object.values(plots)) p.setSize({ width: p.root.parentElement.clientWidth, height: p.height }); });
  load();
})();
