// The plans page: conditions on the left run a target list (POST /api/marketing/targets, or a saved plan's
// GET /api/marketing/plans/{name}/targets while its conditions are unchanged), sorted and paged by the API;
// plans are saved by name (POST /api/marketing/plans) and listed to load and run again. Text from the data is
// always set with textContent.
(function () {
  'use strict';
  const DASH = '—';
  const PAGE = 25;
  const TAGS = [['BUSINESS', 'Business'], ['AGENCY', 'Agency'], ['EDUCATION', 'Education'], ['HEALTH', 'Health'], ['AD', 'AD'],
    ['EMERGENCY', 'Emergency'], ['PRIVATE', 'Private']];
  // marketing.BusinessType: name, label (PlansPageIT checks this list against the enum)
  const TYPES = [['BUSINESS', 'Business'], ['BANKING', 'Banking'], ['FINANCIAL_AGENCY', 'Financial agency'], ['JOB', 'Job'],
    ['LEGAL_AGENCY', 'Legal agency'], ['HOUSEKEEPING_PROPERTY', 'Housekeeping and property management'], ['SCHOOL', 'School'],
    ['EXTRACURRICULAR_TRAINING', 'Extracurricular training'], ['HOSPITAL', 'Hospital'], ['CLINIC', 'Clinic'], ['FOOD', 'Food'],
    ['DRESS_CODE', 'Dress code'], ['HOUSING', 'Housing'], ['TRAVELING', 'Traveling'], ['EMERGENCY', 'Emergency service']];
  const DAYS = [['MONDAY', 'Mon'], ['TUESDAY', 'Tue'], ['WEDNESDAY', 'Wed'], ['THURSDAY', 'Thu'], ['FRIDAY', 'Fri'], ['SATURDAY', 'Sat'],
    ['SUNDAY', 'Sun']];
  const label = (list, name) => { const hit = list.find(x => x[0] === name); return hit ? hit[1] : (name || ''); };
  const dayName = d => d ? d.charAt(0) + d.slice(1).toLowerCase() : DASH;
  const { call, td, count, el } = Switchboard; // page.js
  const percent = v => typeof v === 'number' && Number.isFinite(v) ? (v * 100).toFixed(2) + ' %' : DASH;
  const hh = h => typeof h === 'number' && Number.isFinite(h) ? String(h).padStart(2, '0') + ':00' : DASH;

  const form = document.getElementById('criteria');
  const table = el('targets');
  const message = el('message');

  /** loaded: the saved plan shown ({name, criteria as JSON text}), or null; run: what the table shows. */
  const state = { loaded: null, run: null, sort: 'caller', dir: 'asc', offset: 0 };
  let seq = 0;
  const say = (text, cls) => Switchboard.say(message, text, cls);

  // ---- the conditions

  function checks(box, list, group) {
    box.replaceChildren(...list.map(([name, text]) => {
      const l = document.createElement('label');
      const c = document.createElement('input');
      c.type = 'checkbox';
      c.name = group;
      c.value = name;
      c.dataset.testid = group + '-' + name;
      l.append(c, ' ' + text);
      return l;
    }));
  }

  function hours(select, from, to) {
    const none = document.createElement('option');
    none.value = '';
    none.textContent = 'any';
    select.replaceChildren(none);
    for (let h = from; h <= to; h++) {
      const o = document.createElement('option');
      o.value = String(h);
      o.textContent = hh(h);
      select.appendChild(o);
    }
  }

  const ticked = group => [...form.querySelectorAll(`input[name="${group}"]:checked`)].map(c => c.value);
  const whole = id => { const v = document.getElementById(id).value.trim(); return v === '' ? null : Number(v); };

  /** The form as the API's criteria object (every field, as PlanCriteria writes it back). */
  function criteria() {
    const country = document.getElementById('country').value.trim().toUpperCase();
    return {
      tags: TAGS.map(t => t[0]).filter(t => ticked('tag').includes(t)),
      business_types: TYPES.map(t => t[0]).filter(t => ticked('type').includes(t)),
      weekdays: DAYS.map(d => d[0]).filter(d => ticked('weekday').includes(d)),
      from_hour: whole('from-hour'),
      to_hour: whole('to-hour'),
      country: country || null,
      min_calls: whole('min-calls') === null ? 0 : whole('min-calls'),
      days: whole('days') === null ? 30 : whole('days'),
    };
  }

  function fill(c) {
    for (const box of form.querySelectorAll('input[type=checkbox]')) box.checked = false;
    const tick = (group, names) => (names || []).forEach(n => { const b = form.querySelector(`input[name="${group}"][value="${n}"]`); if (b) b.checked = true; });
    tick('tag', c.tags);
    tick('type', c.business_types);
    tick('weekday', c.weekdays);
    document.getElementById('from-hour').value = c.from_hour === null || c.from_hour === undefined ? '' : String(c.from_hour);
    document.getElementById('to-hour').value = c.to_hour === null || c.to_hour === undefined ? '' : String(c.to_hour);
    document.getElementById('country').value = c.country || '';
    document.getElementById('min-calls').value = String(c.min_calls || 0);
    document.getElementById('days').value = String(c.days || 30);
  }

  /** The saved plan the form still shows unchanged, or null. */
  function unchangedPlan() {
    return state.loaded && JSON.stringify(criteria()) === state.loaded.criteria ? state.loaded.name : null;
  }

  function dates() {
    const q = {};
    const from = document.getElementById('from').value, to = document.getElementById('to').value;
    if (from) q.from = from;
    if (to) q.to = to;
    return q;
  }

  // ---- the result table

  function start() {
    const plan = unchangedPlan();
    state.run = { plan, criteria: criteria(), dates: dates() };
    state.offset = 0;
    load();
  }

  async function load() {
    const mine = ++seq;
    const run = state.run;
    const q = new URLSearchParams({ ...run.dates, sort: state.sort, dir: state.dir, limit: String(PAGE), offset: String(state.offset) });
    let data;
    try {
      data = run.plan ? await call('GET', '/api/marketing/plans/' + encodeURIComponent(run.plan) + '/targets?' + q)
        : await call('POST', '/api/marketing/targets?' + q, run.criteria);
    } catch (e) {
      if (mine !== seq) return;
      say('Cannot run the list: ' + e.message, 'bad');
      return;
    }
    if (mine !== seq) return;
    show(data);
  }

  function show(data) {
    el('count').textContent = data.total === 1 ? '1 person' : count(data.total) + ' people';
    el('shown').textContent = (data.plan ? 'Plan ' + data.plan : 'Unsaved conditions') + ', calls from ' + data.from + ' to ' + data.to
      + ' (local dates).';
    const body = table.querySelector('tbody');
    if (!data.rows.length) {
      const tr = document.createElement('tr');
      tr.className = 'empty';
      td(tr, 'none', data.total ? 'no people on this page' : 'nobody matches these conditions in this range').colSpan = 9;
      body.replaceChildren(tr);
    } else {
      body.replaceChildren(...data.rows.map(r => {
        const tr = document.createElement('tr');
        tr.dataset.testid = 'row';
        tr.dataset.caller = r.caller;
        td(tr, 'caller', r.caller);
        td(tr, 'tag', label(TAGS, r.tag), 'text');
        td(tr, 'business_type', r.business_type ? label(TYPES, r.business_type) : '', 'text' + (r.business_type ? '' : ' none'));
        td(tr, 'tag_share', percent(r.tag_share));
        td(tr, 'calls', count(r.calls));
        td(tr, 'weekday', dayName(r.weekday), 'text');
        td(tr, 'hour', hh(r.hour));
        td(tr, 'confidence', percent(r.confidence));
        const zone = td(tr, 'zone', r.zone + (r.zone_guessed ? ' (guessed)' : ''), 'text' + (r.zone_guessed ? ' none' : ''));
        if (r.zone_guessed) zone.title = 'libphonenumber names no single zone for this number: the platform zone is used';
        return tr;
      }));
    }
    Switchboard.showPage(table, { page: el('page'), prev: el('prev'), next: el('next') }, data.sort, data.dir, data.offset, data.total, PAGE);
    table.dataset.loaded = [data.plan || '', data.sort, data.dir, data.offset, data.total].join(' ');
    exportLink();
  }

  /** A saved plan whose conditions are on screen exports as CSV (every row, in the table's order); unsaved conditions must be saved first. */
  function exportLink() {
    const a = el('export');
    const plan = state.run && state.run.plan && state.run.plan === unchangedPlan() ? state.run.plan : null;
    if (!plan) {
      a.hidden = true;
      a.removeAttribute('href');
      el('export-hint').textContent = state.run ? 'save the plan to export it as CSV' : '';
      return;
    }
    const q = new URLSearchParams({ ...state.run.dates, sort: state.sort, dir: state.dir, format: 'csv' });
    a.href = '/api/marketing/plans/' + encodeURIComponent(plan) + '/targets?' + q;
    a.hidden = false;
    el('export-hint').textContent = '';
  }

  // ---- saved plans

  async function listPlans() {
    const box = el('saved-plans');
    let data;
    try {
      data = await call('GET', '/api/marketing/plans');
    } catch (e) {
      const li = document.createElement('li');
      li.className = 'hint';
      li.textContent = 'cannot list plans: ' + e.message;
      box.replaceChildren(li);
      return;
    }
    if (!data.plans.length) {
      const li = document.createElement('li');
      li.className = 'hint';
      li.textContent = 'none yet: set conditions, name them and save';
      box.replaceChildren(li);
    } else {
      box.replaceChildren(...data.plans.map(p => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'link';
        b.dataset.testid = 'plan';
        b.dataset.name = p.name;
        b.textContent = p.name;
        b.title = 'load and run';
        b.addEventListener('click', () => loadPlan(p));
        const when = document.createElement('span');
        when.className = 'hint';
        when.textContent = ' saved ' + String(p.updated_at).slice(0, 16).replace('T', ' ') + ' UTC';
        li.append(b, when);
        if (state.loaded && state.loaded.name === p.name) li.className = 'current';
        return li;
      }));
    }
    box.dataset.loaded = String(data.plans.length);
  }

  function loadPlan(p) {
    fill(p.criteria);
    document.getElementById('plan-name').value = p.name;
    document.getElementById('from').value = '';
    document.getElementById('to').value = '';
    state.loaded = { name: p.name, criteria: JSON.stringify(criteria()) };
    history.replaceState(null, '', '?plan=' + encodeURIComponent(p.name));
    for (const li of el('saved-plans').querySelectorAll('li')) {
      const b = li.querySelector('button');
      li.className = b && b.dataset.name === p.name ? 'current' : '';
    }
    start();
  }

  async function save() {
    const name = document.getElementById('plan-name').value;
    let p;
    try {
      p = await call('POST', '/api/marketing/plans', { name, criteria: criteria() });
    } catch (e) {
      say('Cannot save the plan: ' + e.message, 'bad');
      return;
    }
    state.loaded = { name: p.name, criteria: JSON.stringify(p.criteria) };
    fill(p.criteria);
    history.replaceState(null, '', '?plan=' + encodeURIComponent(p.name));
    await listPlans();
    if (state.run) start(); else exportLink();
    say('Saved plan ' + p.name + '.', 'good');
  }

  // ---- wiring

  checks(el('tags'), TAGS, 'tag');
  checks(el('types'), TYPES, 'type');
  checks(el('weekdays'), DAYS, 'weekday');
  hours(document.getElementById('from-hour'), 0, 23);
  hours(document.getElementById('to-hour'), 1, 24);
  form.addEventListener('submit', e => { e.preventDefault(); say(''); start(); });
  form.addEventListener('input', exportLink);
  form.addEventListener('change', exportLink);
  el('save').addEventListener('click', save);
  el('clear').addEventListener('click', () => {
    fill({ days: 30 });
    document.getElementById('from').value = '';
    document.getElementById('to').value = '';
    exportLink();
  });
  el('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
  el('next').addEventListener('click', () => { state.offset += PAGE; load(); });
  Switchboard.sortable(table, state, 'dir', () => { if (state.run) load(); });

  (async () => {
    await listPlans();
    const asked = new URLSearchParams(location.search).get('plan');
    if (!asked) return;
    const b = [...el('saved-plans').querySelectorAll('button[data-testid=plan]')].find(x => x.dataset.name === asked);
    if (b) b.click();
    else say('No saved plan named ' + asked + '.', 'bad');
  })();
})();
