// The call-center page's "Staffing, coming hours" section: /api/callcenter/staffing as a table and a chart,
// fetched on load, when a control changes and every minute. Times are shown in the zone the API reports.
(function () {
  'use strict';
  const DASH = '—';
  const REFRESH_MS = 60000;
  const num = v => typeof v === 'number' && Number.isFinite(v);
  const fmt = {
    count: v => num(v) ? String(v) : DASH,
    calls: v => num(v) ? v.toFixed(1) : DASH,
    pct: v => num(v) ? (v * 100).toFixed(1) + ' %' : DASH,
    dur(v) {
      if (!num(v)) return DASH;
      if (v < 60) return v.toFixed(1) + ' s';
      const s = Math.round(v);
      if (s < 3600) return Math.floor(s / 60) + ' m ' + String(s % 60).padStart(2, '0') + ' s';
      return Math.floor(s / 3600) + ' h ' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + ' m';
    },
    /** Patience: unknown without waits, infinite when calls waited and nobody hung up. */
    patience: m => num(m.mean_patience_sec) ? fmt.dur(m.mean_patience_sec) : m.abandon_rate_per_sec === 0 ? '∞' : DASH,
  };
  const $ = id => document.getElementById(id);
  let seq = 0, plot = null, zone = 'UTC';

  function query() {
    const p = new URLSearchParams();
    p.set('hours', $('staffing-hours').value || '8');
    p.set('queue', $('staffing-queue').value);
    p.set('target_sl', String((Number($('staffing-sl').value) || 80) / 100));
    if ($('staffing-sec').value !== '') p.set('target_sec', $('staffing-sec').value);
    if ($('staffing-agents').value !== '') p.set('agents', $('staffing-agents').value);
    return '/api/callcenter/staffing?' + p;
  }

  function say(text, cls = 'bad') {
    const m = $('staffing-message');
    m.textContent = text;
    m.className = 'message ' + cls;
    m.hidden = !text;
  }

  async function refresh() {
    const mine = ++seq;
    let body;
    try {
      const r = await fetch(query(), { cache: 'no-store' });
      body = await r.json();
      if (!r.ok) throw new Error(body && body.error ? body.error + ': ' + body.details : String(r.status));
    } catch (e) {
      if (mine === seq) say('staffing: ' + e.message);
      return;
    }
    if (mine !== seq) return;
    const rows = body.intervals || [];
    say(rows.length && rows.every(i => i.measured.weeks === 0)
      ? 'No history of these weekdays and times yet: the forecast needs the calls of at least one past week'
        + (body.history_start ? ' (the history starts ' + body.history_start.slice(0, 10) + ').' : ' (the history is empty).')
      : '', 'hint-message');
    show(body);
  }

  function show(f) {
    zone = f.zone;
    showQueues(f.queues, f.queue);
    if ($('staffing-sec').value === '') $('staffing-sec').placeholder = String(f.target_sec);
    const basis = `target ${(f.target_sl * 100).toFixed(0)} % within ${f.target_sec} s · ${f.queue || 'all queues'} · same weekday over up to ${f.weeks} weeks`
      + (f.history_start ? '' : ' · no call history yet');
    document.querySelector('[data-testid="staffing-basis"]').textContent = basis;
    const rows = f.intervals || [];
    const body = $('staffing-rows');
    if (!rows.length) body.innerHTML = '<tr class="empty"><td colspan="12">no intervals</td></tr>';
    else body.replaceChildren(...rows.map(row));
    showChart(rows);
  }

  function showQueues(queues, picked) {
    const select = $('staffing-queue');
    const key = (queues || []).join(',');
    if (select.dataset.key === key) return;
    select.dataset.key = key;
    select.replaceChildren(new Option('all queues', ''), ...(queues || []).map(q => new Option(q, q)));
    select.value = picked || '';
  }

  function row(i) {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'staffing-row';
    tr.dataset.start = i.start;
    if (i.note) tr.title = i.note;
    const m = i.measured, c = i.erlang_c, a = i.erlang_a;
    const short = num(i.agents) && num(a.agents_needed) && i.agents < a.agents_needed;
    const cells = [['label', i.label], ['calls', fmt.calls(m.calls_per_interval)], ['aht', fmt.dur(m.aht_sec)], ['patience', fmt.patience(m)],
      ['agents', fmt.count(i.agents) + (i.agents_source === 'given' ? '*' : '')], ['needed-c', fmt.count(c.agents_needed)],
      ['needed-a', fmt.count(a.agents_needed)], ['sl-c', fmt.pct(c.service_level)], ['sl-a', fmt.pct(a.service_level)],
      ['abandon-a', fmt.pct(a.prob_abandon)], ['asa-a', fmt.dur(a.asa_sec)], ['occupancy-a', fmt.pct(a.occupancy)]];
    for (const [name, text] of cells) {
      const td = document.createElement('td');
      td.dataset.testid = 'staffing-' + name;
      td.textContent = text;
      if (name === 'agents' && short) td.className = 'bad';
      tr.appendChild(td);
    }
    return tr;
  }

  const chartBox = $('staffing-chart');
  function showChart(rows) {
    const data = [rows.map(r => Date.parse(r.start) / 1000), rows.map(r => r.erlang_c.agents_needed ?? null),
      rows.map(r => r.erlang_a.agents_needed ?? null), rows.map(r => r.agents ?? null), rows.map(r => r.measured.calls_per_interval ?? null)];
    if (plot) plot.destroy();
    plot = new uPlot(options(), data, chartBox);
  }

  function options() {
    const hhmm = ts => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ts * 1000));
    const value = (u, v) => v == null ? DASH : String(Math.round(v * 10) / 10);
    const step = uPlot.paths.stepped({ align: 1 });
    return {
      width: chartBox.clientWidth || 600, height: 200,
      scales: { x: { time: true, range: (u, min, max) => [min, max + 1800] }, agents: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] },
        calls: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { space: 60, values: (u, splits) => splits.map(hhmm) },
        { scale: 'agents', label: 'agents', labelSize: 20, size: 40 },
        { scale: 'calls', side: 1, label: 'calls per 30 min', labelSize: 20, size: 40, grid: { show: false } },
      ],
      series: [
        { value: (u, ts) => ts == null ? DASH : hhmm(ts) },
        { label: 'Need (Erlang C)', scale: 'agents', stroke: '#1d4ed8', width: 2, paths: step, value, points: { show: false } },
        { label: 'Need (Erlang A)', scale: 'agents', stroke: '#15803d', width: 2, paths: step, value, points: { show: false } },
        { label: 'On shift', scale: 'agents', stroke: '#b91c1c', width: 2, dash: [5, 4], paths: step, value, points: { show: false } },
        { label: 'Calls', scale: 'calls', stroke: '#94a3b8', fill: 'rgba(148,163,184,.25)', paths: uPlot.paths.bars({ size: [0.8, 30], align: 1 }),
          value, points: { show: false } },
      ],
    };
  }
  window.addEventListener('resize', () => plot && plot.setSize({ width: chartBox.clientWidth, height: 200 }));

  for (const id of ['staffing-queue', 'staffing-sl', 'staffing-sec', 'staffing-agents', 'staffing-hours'])
    $(id).addEventListener('change', refresh);
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
