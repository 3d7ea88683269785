// The IVR page: the figures of a range of days from /api/ivr/*. Topic names and the like come from the data:
// always shown as text, never HTML.
(function () {
  'use strict';
  const DASH = '—';
  const { count, el } = Switchboard; // page.js
  const pct = v => v == null ? DASH : (100 * v).toFixed(1) + ' %';
  const signedPct = v => v == null ? DASH : (v > 0 ? '+' : v < 0 ? '−' : '±') + Math.abs(100 * v).toFixed(1) + ' pts';
  const put = (id, text) => { el(id).textContent = text; };
  const from = document.getElementById('from'), to = document.getElementById('to');
  const message = el('message');
  let seq = 0;

  async function load() {
    const mine = ++seq;
    const q = new URLSearchParams();
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value);
    const get = path => Switchboard.call('GET', '/api/ivr/' + path + '?' + q);
    try {
      const [kpis, months, topics, heat, sentiment, b2b] = await Promise.all(
        ['kpis', 'by-month', 'by-topic', 'heatmap', 'sentiment', 'bot-to-bill'].map(get));
      if (mine !== seq) return;
      Switchboard.say(message, '');
      showKpis(kpis);
      showMonths(months.months);
      showTopics(topics);
      showHeatmap(heat);
      showSentiment(sentiment);
      showBotToBill(b2b);
      document.body.dataset.loaded = (kpis.from || '') + '..' + (kpis.to || '');
    } catch (e) {
      if (mine !== seq) return;
      Switchboard.say(message, e.message, 'bad');
    }
  }

  function showKpis(k) {
    put('sessions', count(k.sessions));
    put('customers', count(k.customers));
    put('resolution-rate', pct(k.resolution_rate));
    put('resolved', count(k.resolved));
    put('escalation-rate', pct(k.escalation_rate));
    put('abandonment-rate', pct(k.abandonment_rate));
    put('escalated', count(k.escalated));
    put('abandoned', count(k.abandoned));
    put('avg-duration', k.avg_duration_sec == null ? DASH : Number(k.avg_duration_sec).toFixed(1) + ' s');
  }

  // ---- charts ----
  const plots = {};
  function draw(id, opts, data) {
    const box = document.getElementById(id);
    if (plots[id]) plots[id].destroy();
    opts.width = box.clientWidth;
    plots[id] = new uPlot(opts, data, box);
  }

  function showMonths(months) {
    const labels = months.map(m => m.month);
    draw('month-chart', {
      height: 240,
      scales: { x: { time: false, range: (u, min, max) => [-0.6, Math.max(max, 0) + 0.6] },
        n: { range: (u, min, max) => [0, Math.max(1, max)] }, r: { range: [0, 100] } },
      axes: [
        { values: (u, splits) => splits.map(i => Number.isInteger(i) && labels[i] != null ? labels[i] : ''), incrs: [1], size: 30 },
        { scale: 'n', label: 'sessions', labelSize: 16, size: 50 },
        { scale: 'r', side: 1, label: 'resolved %', labelSize: 16, size: 44, grid: { show: false } },
      ],
      series: [
        { label: 'Month', value: (u, i) => i == null ? DASH : labels[i] },
        { label: 'Sessions', scale: 'n', stroke: '#94a3b8', fill: 'rgba(148,163,184,.45)', paths: uPlot.paths.bars({ size: [0.6, 60] }), points: { show: false } },
        { label: 'Resolution rate %', scale: 'r', stroke: '#16a34a', width: 2, points: { show: true, size: 5 },
          value: (u, v) => v == null ? DASH : v.toFixed(1) + ' %' },
      ],
    }, [months.map((_, i) => i), months.map(m => m.sessions), months.map(m => m.resolution_rate == null ? null : 100 * m.resolution_rate)]);
  }

  function showTopics(t) {
    const rows = t.topics;
    const labels = rows.map(r => r.topic_name || '(none)');
    const overall = t.overall_resolution_rate == null ? null : 100 * t.overall_resolution_rate;
    draw('topic-chart', {
      height: 240,
      scales: { x: { time: false, range: (u, min, max) => [-0.6, Math.max(max, 0) + 0.6] }, r: { range: [0, 100] } },
      axes: [
        { values: (u, splits) => splits.map(i => Number.isInteger(i) && labels[i] != null ? labels[i] : ''), incrs: [1], size: 30 },
        { scale: 'r', label: 'resolved %', labelSize: 16, size: 44 },
      ],
      series: [
        { label: 'Topic', value: (u, i) => i == null ? DASH : labels[i] },
        { label: 'Resolution rate %', scale: 'r', stroke: '#2563eb', fill: 'rgba(37,99,235,.45)', paths: uPlot.paths.bars({ size: [0.6, 60] }),
          points: { show: false }, value: (u, v) => v == null ? DASH : v.toFixed(1) + ' %' },
        { label: 'Overall %', scale: 'r', stroke: '#dc2626', width: 2, dash: [6, 4], points: { show: false },
          value: (u, v) => v == null ? DASH : v.toFixed(1) + ' %' },
      ],
    }, [rows.map((_, i) => i), rows.map(r => r.resolution_rate == null ? null : 100 * r.resolution_rate), rows.map(() => overall)]);
    const body = el('by-topic').querySelector('tbody');
    if (!rows.length) {
      body.innerHTML = '<tr class="empty"><td colspan="6">no sessions in this range</td></tr>';
      return;
    }
    body.replaceChildren(...rows.map(r => {
      const tr = document.createElement('tr');
      tr.dataset.topic = r.topic_name || '';
      Switchboard.td(tr, 'type', r.topic_type || DASH);
      Switchboard.td(tr, 'topic', r.topic_name || '(none)');
      Switchboard.td(tr, 'sessions', count(r.sessions));
      Switchboard.td(tr, 'resolved', count(r.resolved));
      Switchboard.td(tr, 'rate', pct(r.resolution_rate));
      Switchboard.td(tr, 'vs-overall', signedPct(r.vs_overall), r.vs_overall > 0 ? 'good' : r.vs_overall < 0 ? 'bad' : '');
      return tr;
    }));
  }

  function showHeatmap(h) {
    const box = el('heatmap');
    if (!h.topics.length) {
      box.innerHTML = '<p class="hint">no sessions in this range</p>';
      return;
    }
    const max = Math.max(1, ...h.counts.flat());
    const table = document.createElement('table');
    table.className = 'ivr-heat';
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    for (const s of h.statuses) {
      const th = document.createElement('th');
      th.textContent = s;
      head.appendChild(th);
    }
    const body = table.createTBody();
    h.topics.forEach((topic, i) => {
      const tr = body.insertRow();
      tr.dataset.topic = topic || '';
      const th = document.createElement('th');
      th.textContent = topic || '(none)';
      tr.appendChild(th);
      h.counts[i].forEach((n, j) => {
        const cell = Switchboard.td(tr, 'heat-' + h.statuses[j].toLowerCase(), count(n));
        const a = n / max;
        cell.style.background = `rgba(37, 99, 235, ${(0.08 + 0.85 * a).toFixed(3)})`;
        cell.style.color = a > 0.5 ? '#fff' : '';
      });
    });
    box.replaceChildren(table);
  }

  const SENTIMENT_COLOURS = { Positive: '#16a34a', Neutral: '#94a3b8', Negative: '#dc2626', none: '#e2e8f0' };
  function showSentiment(s) {
    const box = el('sentiment');
    if (!s.topics.length) {
      box.innerHTML = '<p class="hint">no sessions in this range</p>';
      return;
    }
    const names = [...s.sentiments, 'none'];
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const h of ['Topic', 'Sessions', ...s.sentiments, 'Share']) {
      const th = document.createElement('th');
      th.textContent = h;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const t of s.topics) {
      const tr = body.insertRow();
      tr.dataset.topic = t.topic_name || '';
      const total = names.reduce((a, n) => a + t.counts[n], 0);
      Switchboard.td(tr, 'topic', t.topic_name || '(none)');
      Switchboard.td(tr, 'sessions', count(total));
      for (const n of s.sentiments) Switchboard.td(tr, 'sentiment-' + n.toLowerCase(), count(t.counts[n]));
      const bar = document.createElement('div');
      bar.className = 'stack';
      for (const n of names) {
        if (!t.counts[n]) continue;
        const part = document.createElement('span');
        part.style.width = (100 * t.counts[n] / total).toFixed(2) + '%';
        part.style.background = SENTIMENT_COLOURS[n];
        part.title = n + ': ' + t.counts[n];
        bar.appendChild(part);
      }
      Switchboard.td(tr, 'share', bar);
    }
    box.replaceChildren(table);
  }

  function showBotToBill(b) {
    put('b2b-customers', count(b.customers));
    put('b2b-contacts', count(b.contacts));
    put('b2b-share', pct(b.bot_resolved_share));
    put('b2b-bot', count(b.bot_resolved));
    put('b2b-resolved', count(b.resolved));
    put('b2b-per-contact', b.charges.length ? b.charges.map(c => (c.per_resolved_contact ?? DASH) + ' ' + (c.currency || '?')).join(' · ') : DASH);
    put('b2b-amount', b.charges.length ? b.charges.map(c => c.amount + ' ' + (c.currency || '?')).join(' · ') : DASH);
  }

  // ?from=&to= in the address opens the page on that range.
  const given = new URLSearchParams(location.search);
  if (given.get('from')) from.value = given.get('from');
  if (given.get('to')) to.value = given.get('to');
  from.addEventListener('change', load);
  to.addEventListener('change', load);
  load();
})();
