// The live call-center page. Tiles follow the SSE event "callcenter" (the body of /api/callcenter/live,
// every 200 ms); the day's buckets, summary and KPIs are fetched for the chosen day every few seconds.
(function () {
  'use strict';
  const DASH = '—';
  const REFRESH_MS = 3000;
  const BUCKET_DEFINITION = 'connect'; // the service level shown per bucket in the table
  const num = v => typeof v === 'number' && Number.isFinite(v);
  const ints = new Intl.NumberFormat('en-US');
  const fmt = {
    count: v => num(v) ? ints.format(v) : DASH,
    pct: v => num(v) ? (v * 100).toFixed(1) + ' %' : DASH,
    /** Seconds as "12.3 s" under a minute, "3 m 05 s" under an hour, "1 h 02 m" beyond. */
    dur(v, digits = 1) {
      if (!num(v)) return DASH;
      if (v < 60) return v.toFixed(digits) + ' s';
      const s = Math.round(v);
      if (s < 3600) return Math.floor(s / 60) + ' m ' + String(s % 60).padStart(2, '0') + ' s';
      return Math.floor(s / 3600) + ' h ' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + ' m';
    },
  };
  const el = id => document.querySelector(`[data-testid="${id}"]`);
  const put = (id, text) => { const e = el(id); if (e.textContent !== text) e.textContent = text; };

  // Times are shown in the zone the API reports, not the browser's.
  let zone = null, timeFmt, dateTimeFmt;
  function useZone(z) {
    if (z === zone) return;
    try {
      timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: z, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
      dateTimeFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: z, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
      zone = z;
    } catch (e) { // a zone this browser does not know: say so rather than show browser-local times
      timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
      dateTimeFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'medium' });
      zone = 'UTC';
    }
    put('zone', zone);
  }
  useZone('UTC');
  const time = iso => iso ? timeFmt.format(new Date(iso)) : DASH;
  /** Midnight of the day shows as "00:00"; a reset later in the day as its time, with the date when it is another day. */
  function since(iso, date) {
    if (!iso) return DASH;
    const local = dateTimeFmt.format(new Date(iso)); // "2026-11-28 00:00:00"
    if (local === date + ' 00:00:00') return 'midnight';
    return local.startsWith(date) ? local.slice(11) + ' (reset)' : local;
  }

  const state = { today: null, picked: null, liveAt: 0, seq: 0 };
  const day = () => state.picked || state.today;
  const viewingToday = () => !state.picked || state.picked === state.today;

  // ---- live tiles ----
  function showLive(live) {
    useZone(live.zone);
    if (state.today !== live.date) {
      state.today = live.date;
      const input = document.getElementById('day');
      input.max = live.date;
      if (!state.picked) { input.value = live.date; refresh(); }
    }
    put('now', time(live.now));
    const w = live.waiting || {};
    put('waiting-total', fmt.count(w.total));
    showQueues(w.by_queue || {});
    showPredicted(w.by_predicted_subject || {}, w.calls || []);
    put('oldest-wait', fmt.dur(w.oldest_wait_sec, 0));
    const t = live.trailing || {};
    put('avg-wait-10m', fmt.dur(t.avg_wait_sec));
    put('answered-10m', fmt.count(t.answered));
    put('abandoned-10m', fmt.count(t.abandoned));
    put('avg-abandoned-wait-10m', fmt.dur(t.avg_abandoned_wait_sec));
    put('window-from', time(t.from));
    const d = live.today || {};
    for (const k of ['offered', 'answered', 'abandoned', 'expired', 'ended']) put(k + '-today', fmt.count(d[k]));
    if (viewingToday()) {
      put('since', since(live.since, live.date));
      showKpis(live.kpis, live.date);
    }
  }

  // The calls waiting now with the subject predicted for each on arrival (none until a model is trained).
  function showPredicted(bySubject, calls) {
    const box = el('waiting-by-subject');
    const names = Object.keys(bySubject).sort();
    const chips = names.map(s => s + '=' + bySubject[s]).join(',') + '|' + calls.length;
    if (box.dataset.key !== chips) {
      box.dataset.key = chips;
      showSubjectChips(box, names, bySubject, calls);
    }
    showWaitingCalls(calls);
  }

  function showSubjectChips(box, names, bySubject, calls) {
    box.replaceChildren(...names.map(s => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.dataset.testid = 'waiting-subject';
      chip.dataset.subject = s;
      chip.append(s.toLowerCase() + ' ');
      const n = document.createElement('strong');
      n.textContent = fmt.count(bySubject[s]);
      chip.append(n);
      return chip;
    }));
    if (!names.length) box.textContent = calls.length ? 'no prediction yet: train a model on the Model page' : '';
  }

  function showWaitingCalls(calls) {
    const body = document.getElementById('waiting-rows');
    // Redrawn only when something shown changes (the waits tick by the second, updates come faster).
    const key = calls.map(c => [c.call_id, c.wait_sec, c.predicted_subject, c.confidence].join(':')).join(',');
    if (body.dataset.key === key) return;
    body.dataset.key = key;
    if (!calls.length) {
      body.innerHTML = '<tr class="empty"><td colspan="6">nobody in a queue</td></tr>';
      return;
    }
    body.replaceChildren(...calls.map(c => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'waiting-call';
      tr.dataset.call = c.call_id;
      for (const v of [c.call_id, c.queue, time(c.queued_at), fmt.dur(c.wait_sec, 0), c.predicted_subject ?? '—',
        c.confidence == null ? '—' : (100 * c.confidence).toFixed(0) + ' %']) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      return tr;
    }));
  }

  function showQueues(byQueue) {
    const box = el('waiting-by-queue');
    const names = Object.keys(byQueue).sort();
    const key = names.map(q => q + '=' + byQueue[q]).join(',');
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    box.replaceChildren(...names.map(q => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.dataset.testid = 'waiting-queue';
      chip.dataset.queue = q;
      chip.append(q + ' ');
      const n = document.createElement('strong');
      n.textContent = fmt.count(byQueue[q]);
      chip.append(n);
      return chip;
    }));
    if (!names.length) box.textContent = 'nobody in a queue';
  }

  // ---- KPI panel: one card per service-level definition, created as definitions first appear ----
  function showKpis(k, date) {
    if (!k) return;
    put('kpi-day', date === state.today ? 'today' : date);
    put('threshold', k.threshold_sec + ' s');
    put('short-abandon', k.short_abandon_sec + ' s');
    put('asa', fmt.dur(k.asa_sec));
    put('aht', fmt.dur(k.aht_sec));
    put('abandonment-rate', fmt.pct(k.abandonment_rate));
    put('abandonment-rate-excluding-short', fmt.pct(k.abandonment_rate_excluding_short));
    const panel = document.getElementById('kpis');
    const firstOther = panel.querySelector('.kpi.other');
    for (const f of k.service_levels || []) {
      let card = el('sl-card-' + f.definition);
      if (!card) {
        card = document.createElement('div');
        card.className = 'kpi';
        card.dataset.testid = 'sl-card-' + f.definition;
        card.innerHTML = '<span class="name"></span><span class="value"></span><span class="formula"></span>';
        card.querySelector('.value').dataset.testid = 'sl-' + f.definition;
        panel.insertBefore(card, firstOther);
      }
      card.querySelector('.name').textContent = f.label;
      card.querySelector('.formula').textContent = f.formula;
      put('sl-' + f.definition, fmt.pct(f.value));
      card.title = `Service level (${k.threshold_sec} s) — ${f.label}: ${f.formula}: ${fmt.pct(f.value)}`;
    }
  }

  // ---- the chosen day: buckets (chart and table), summary, KPIs ----
  async function getJson(path) {
    const r = await fetch(path, { cache: 'no-store' });
    if (!r.ok) throw new Error(path + ': ' + r.status);
    return r.json();
  }

  async function refresh() {
    const date = day();
    if (!date) return;
    const seq = ++state.seq;
    const q = 'date=' + encodeURIComponent(date);
    try {
      const [buckets, summary, kpis] = await Promise.all([
        getJson('/api/callcenter/buckets?' + q + '&definition=' + BUCKET_DEFINITION),
        getJson('/api/callcenter/summary?' + q),
        viewingToday() && Date.now() - state.liveAt < 2000 ? null : getJson('/api/callcenter/kpis?' + q)]);
      if (seq !== state.seq) return; // a newer request (another day, a reset) has been sent meanwhile
      showBuckets(buckets);
      showSummary(summary);
      if (kpis) showKpis(kpis.kpis, kpis.date);
      if (kpis || !viewingToday()) put('since', since(buckets.since, buckets.date));
    } catch (e) {
      Switchboard.status('API unavailable', 'down');
    }
  }

  function showSummary(s) {
    for (const k of ['joining', 'complaint', 'disconnection', 'other', 'unclassified', 'total', 'offered', 'answered', 'abandoned'])
      put('summary-' + k, fmt.count(s[k]));
  }

  function showBuckets(b) {
    const rows = b.buckets || [];
    const threshold = rows.length ? rows[0].kpis.threshold_sec : null;
    const slName = rows.length && rows[0].kpis.service_levels.length ? rows[0].kpis.service_levels[0].label : '';
    const head = document.getElementById('bucket-sl-head');
    head.textContent = threshold == null ? 'SL' : `SL ${threshold} s${slName ? ' (' + slName + ')' : ''}`;
    head.title = 'service level, ' + slName;
    const body = document.getElementById('bucket-rows');
    if (!rows.length) {
      body.innerHTML = '<tr class="empty"><td colspan="8">no buckets for this day</td></tr>';
    } else {
      body.replaceChildren(...rows.slice().reverse().map(row));
    }
    showChart(rows);
  }

  function row(r) {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'bucket-row';
    tr.dataset.label = r.label;
    const sl = r.kpis.service_levels.length ? r.kpis.service_levels[0].value : null;
    const cells = [['label', r.label], ['offered', fmt.count(r.offered)], ['answered', fmt.count(r.answered)],
      ['abandoned', fmt.count(r.abandoned)], ['waiting-at-end', fmt.count(r.waiting_at_end)],
      ['avg-wait', fmt.dur(r.avg_wait_sec)], ['max-wait', r.answered + r.abandoned === 0 && !r.max_wait_sec ? DASH : fmt.dur(r.max_wait_sec, 0)], ['sl', fmt.pct(sl)]];
    for (const [name, text] of cells) {
      const td = document.createElement('td');
      td.dataset.testid = 'bucket-' + name;
      td.textContent = text;
      tr.appendChild(td);
    }
    return tr;
  }

  // ---- chart ----
  let plot = null;
  const chartBox = document.getElementById('chart');
  function showChart(rows) {
    const data = [rows.map(r => Date.parse(r.start) / 1000), rows.map(r => r.offered), rows.map(r => r.answered),
      rows.map(r => r.abandoned), rows.map(r => r.waiting_at_end ?? null)];
    if (!plot) plot = new uPlot(chartOptions(), data, chartBox);
    else plot.setData(data);
  }

  function chartOptions() {
    const legendValue = (u, v) => v == null ? DASH : ints.format(v);
    const atLeastOne = (u, min, max) => [0, Math.max(1, max)];
    const whole = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]; // counts: no 0.5 ticks
    return {
      width: chartBox.clientWidth, height: 260,
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), zone),
      cursor: { points: { size: 6 } },
      // x reaches one bucket past the last start, so the newest bar is drawn whole
      scales: { x: { time: true, range: (u, min, max) => [min, max + 300] }, calls: { range: atLeastOne }, waiting: { range: atLeastOne } },
      axes: [
        { space: 60, values: (u, splits) => splits.map(ts => time(new Date(ts * 1000).toISOString()).slice(0, 5)) },
        { scale: 'calls', label: 'calls per 5 min', labelSize: 20, size: 40, incrs: whole },
        { scale: 'waiting', side: 1, label: 'waiting at end', labelSize: 20, size: 40, incrs: whole, grid: { show: false } },
      ],
      series: [
        { value: (u, ts) => ts == null ? DASH : time(new Date(ts * 1000).toISOString()).slice(0, 5) },
        { label: 'Offered', scale: 'calls', stroke: '#94a3b8', fill: 'rgba(148,163,184,.35)', value: legendValue,
          paths: uPlot.paths.bars({ size: [0.8, 14] }), points: { show: false } },
        { label: 'Answered', scale: 'calls', stroke: '#15803d', width: 2, value: legendValue, points: { show: false } },
        { label: 'Abandoned', scale: 'calls', stroke: '#b91c1c', width: 2, value: legendValue, points: { show: false } },
        { label: 'Waiting at end', scale: 'waiting', stroke: '#a16207', width: 1.5, dash: [5, 4], value: legendValue,
          points: { show: false } },
      ],
    };
  }
  window.addEventListener('resize', () => plot && plot.setSize({ width: chartBox.clientWidth, height: 260 }));

  // ---- controls ----
  document.getElementById('day').addEventListener('change', e => {
    state.picked = e.target.value && e.target.value !== state.today ? e.target.value : null;
    if (!e.target.value) e.target.value = state.today;
    refresh();
  });

  document.getElementById('reset').addEventListener('click', async () => {
    if (!confirm('Reset today\'s call-center figures? Counting starts again from now; past days are kept.')) return;
    try {
      const r = await fetch('/api/callcenter/reset', { method: 'POST' });
      if (!r.ok) throw new Error('reset: ' + r.status);
    } catch (e) {
      Switchboard.status('reset failed', 'down');
      return;
    }
    // The stream applies the reset shortly after it is accepted; look again until it shows.
    for (const wait of [300, 1000, 2500]) setTimeout(refresh, wait);
  });

  // ---- feeds ----
  getJson('/api/callcenter/live').then(showLive).catch(() => Switchboard.status('API unavailable', 'down'));
  const source = new EventSource('/api/events');
  source.addEventListener('callcenter', e => {
    state.liveAt = Date.now();
    showLive(JSON.parse(e.data));
    Switchboard.status('live', 'live');
  });
  source.onerror = () => Switchboard.status('reconnecting…', 'down');
  setInterval(refresh, REFRESH_MS);
})();
