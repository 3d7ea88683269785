// Live counters from server-sent events (/api/events), one "stats" event a second.
(function () {
  const fmt = new Intl.NumberFormat('en-US');
  const $ = id => document.getElementById(id);
  let last = null;

  function show(stats) {
    const c = stats.cdr;
    for (const k of ['in', 'clean', 'error', 'duplicate']) $('cdr-' + k).textContent = fmt.format(c[k]);
    const now = Date.now();
    if (last && now > last.t) {
      const rate = (c.in - last.in) / ((now - last.t) / 1000);
      $('cdr-in-rate').textContent = fmt.format(Math.max(0, Math.round(rate))) + ' / s';
    }
    last = { t: now, in: c.in };
    const pending = c.in - c.clean - c.error - c.duplicate;
    $('balance').textContent = pending === 0
      ? 'All records accounted for: in = clean + error + duplicate.'
      : fmt.format(pending) + ' record(s) in flight.';
    const store = stats.store || {};
    $('store-rows').textContent = store.rows_written === undefined ? 'n/a' : fmt.format(store.rows_written);
    $('store-health').textContent = store.healthy === false ? 'unhealthy: ' + (store.last_error || '') : 'healthy';
  }

  fetch('/api/stats').then(r => r.json()).then(show).catch(() => {});
  const source = new EventSource('/api/events');
  source.addEventListener('stats', e => { show(JSON.parse(e.data)); Switchboard.status('live', 'live'); });
  source.onerror = () => Switchboard.status('reconnecting…', 'down');
})();
