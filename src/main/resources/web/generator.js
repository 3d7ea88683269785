// The workload generator page: the live CDR generator of /api/generator/cdr. Its state, counts and
// measured rate are read every second; the form is filled from the settings in force when the page
// opens and after each change, never by the polling (so typing is not overwritten).
(function () {
  'use strict';
  const DASH = '—';
  const POLL_MS = 1000;
  const FIELDS = ['records_per_second', 'sms_share', 'call_time_mode', 'gap_distribution',
    'international_share', 'business_share', 'error_rate', 'duplicate_rate'];
  const CHOICES = ['call_time_mode', 'gap_distribution'];
  const ints = new Intl.NumberFormat('en-US');
  const num = v => typeof v === 'number' && Number.isFinite(v);
  const count = v => num(v) ? ints.format(v) : DASH;
  const rate = v => num(v) ? v.toLocaleString('en-US', { maximumFractionDigits: v < 10 ? 2 : 1 }) : DASH;
  /** A fraction as a percentage: 0.035 → "3.5 %". */
  const share = v => num(v) ? +(v * 100).toFixed(2) + ' %' : DASH;
  const text = v => typeof v === 'string' && v ? v : DASH;
  const el = id => document.querySelector(`[data-testid="${id}"]`);
  const put = (id, t) => { el(id).textContent = t; };
  const form = document.getElementById('settings');
  const message = el('message');
  let filled = false;
  let available = true;

  const call = Switchboard.call;

  function say(t, cls) {
    message.textContent = t || '';
    message.className = 'message ' + (cls || '');
    message.hidden = !t;
  }

  function show(s) {
    const running = s.state === 'running';
    const state = el('state');
    state.textContent = running ? 'running' : s.state === 'stopped' ? 'stopped' : DASH;
    state.className = 'state ' + (running ? 'on' : 'off');
    el('start').disabled = running;
    el('stop').disabled = !running;
    put('zone', text(s.zone));
    const g = s.generated || {};
    put('sent', count(s.sent));
    put('valid', count(g.valid));
    put('errors', count(g.errors));
    put('duplicates', count(g.duplicates));
    put('measured-rate', rate(s.measured_rate));
    put('rate-window', count(s.rate_window_sec));
    put('target-rate', rate(s.target_rate_now));
    put('since', s.settings_since ? new Date(s.settings_since).toLocaleTimeString('en-GB') : DASH);
    const e = s.settings || {};
    put('effective-records_per_second', rate(e.records_per_second));
    for (const f of ['sms_share', 'international_share', 'business_share', 'error_rate', 'duplicate_rate']) put('effective-' + f, share(e[f]));
    for (const f of CHOICES) put('effective-' + f, text(e[f]));
    el('sent').dataset.value = num(s.sent) ? String(s.sent) : '';
    el('measured-rate').dataset.value = num(s.measured_rate) ? String(s.measured_rate) : '';
  }

  function fill(s) {
    for (const f of CHOICES) {
      const select = form.elements[f];
      const options = (s.choices && s.choices[f]) || [];
      if (select.options.length !== options.length) {
        select.replaceChildren(...options.map(o => new Option(o, o)));
      }
    }
    const limits = s.limits && s.limits.records_per_second;
    if (limits) put('rate-limits', 'from ' + limits.min + ' to ' + count(limits.max));
    for (const f of FIELDS) {
      const v = s.settings ? s.settings[f] : undefined;
      form.elements[f].value = v == null ? '' : String(v);
      form.elements[f].removeAttribute('aria-invalid');
    }
    filled = true;
    form.dataset.filled = s.settings_since || 'yes';
  }

  /** The form as a settings body; a field that is not a number is refused here, naming it. */
  function body() {
    const b = {};
    for (const f of FIELDS) {
      const input = form.elements[f];
      input.removeAttribute('aria-invalid');
      if (CHOICES.includes(f)) { b[f] = input.value; continue; }
      const v = input.value.trim() === '' ? NaN : Number(input.value);
      if (!Number.isFinite(v)) {
        input.setAttribute('aria-invalid', 'true');
        throw new Switchboard.ApiError(f + ' must be a number', 400);
      }
      b[f] = v;
    }
    return b;
  }

  /** The API names the field first ("sms_share must be in [0, 1]: 1.5"): that input is marked. */
  function markInvalid(details) {
    for (const f of FIELDS) if (details.includes(f)) form.elements[f].setAttribute('aria-invalid', 'true');
  }

  async function poll() {
    try {
      const s = await call('GET', '/api/generator/cdr');
      if (!filled) fill(s);
      show(s);
      available = true;
      form.querySelector('[data-testid=apply]').disabled = false;
    } catch (e) {
      if (e.status === 404) {
        available = false;
        say(e.message, 'bad');
        form.querySelector('[data-testid=apply]').disabled = true;
        el('start').disabled = true;
        el('stop').disabled = true;
      }
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!available) return;
    let s;
    try {
      s = await call('PUT', '/api/generator/cdr', body());
    } catch (e) {
      markInvalid(e.message);
      say('Not applied — ' + e.message + '. The settings in force are unchanged.', 'bad');
      return;
    }
    fill(s);
    show(s);
    say('Applied: the next records follow the new settings.', 'good');
  });

  el('revert').addEventListener('click', async () => {
    try {
      const s = await call('GET', '/api/generator/cdr');
      fill(s);
      show(s);
      say('');
    } catch (e) {
      say(e.message, 'bad');
    }
  });

  for (const action of ['start', 'stop']) {
    el(action).addEventListener('click', async () => {
      el(action).disabled = true;
      try {
        show(await call('POST', '/api/generator/cdr/' + action));
        say(action === 'start' ? 'Started.' : 'Stopped.', 'good');
      } catch (e) {
        say(e.message, 'bad');
      }
    });
  }

  poll();
})();
