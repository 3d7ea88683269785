// The billing page: a month's stored bills from /api/billing/bills (sorted, paged and totalled by the
// API), closing a month with POST /api/billing/run, and a number's live balance. Money arrives as exact
// decimal text ("1.413334") and is shown as received: this page never does arithmetic on money.
(function () {
  'use strict';
  const DASH = '—';
  const PAGE = 50;
  const ints = new Intl.NumberFormat('en-US');
  const { call, td, count, el } = Switchboard; // page.js
  /** Whole seconds as minutes:seconds ("6:01"), exact. */
  const minSec = s => typeof s === 'number' ? Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0') : DASH;
  const free = (sec, sms) => {
    const parts = [];
    if (sec) parts.push(ints.format(sec) + ' s');
    if (sms) parts.push(ints.format(sms) + ' SMS');
    return parts.length ? parts.join(' · ') : '0';
  };
  const picker = document.getElementById('period');
  const table = el('bills');
  const message = el('message');

  const state = { period: '', sort: 'subscriber', order: 'asc', offset: 0 };
  let seq = 0;
  const say = (text, cls) => Switchboard.say(message, text, cls);

  function thisMonth() {
    const d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
  }

  function invoiceLink(subscriber, period) {
    const a = document.createElement('a');
    a.href = '/api/billing/invoice/' + encodeURIComponent(subscriber) + '?period=' + encodeURIComponent(period);
    a.target = '_blank';
    a.rel = 'noopener';
    a.title = 'printable invoice';
    a.textContent = subscriber;
    return a;
  }

  async function loadBills() {
    const mine = ++seq;
    const period = state.period;
    const q = new URLSearchParams({ period, sort: state.sort, order: state.order, limit: String(PAGE), offset: String(state.offset) });
    let data;
    try {
      data = await call('GET', '/api/billing/bills?' + q);
    } catch (e) {
      if (mine !== seq) return;
      say(e.message, 'bad');
      table.querySelector('tbody').innerHTML = '<tr class="empty"><td colspan="10">no bills shown</td></tr>';
      table.querySelector('tfoot').replaceChildren();
      el('count').textContent = '';
      el('page').textContent = DASH;
      return;
    }
    if (mine !== seq) return;
    showBills(data);
  }

  function showBills(data) {
    el('shown-period').textContent = data.period;
    el('count').textContent = data.count === 1 ? '1 bill' : count(data.count) + ' bills';
    const body = table.querySelector('tbody');
    if (!data.bills.length) {
      body.innerHTML = '';
      const tr = document.createElement('tr');
      tr.className = 'empty';
      const cell = td(tr, null, data.count ? 'no bills on this page' : 'no bills for ' + data.period + ': close the period to compute them');
      cell.colSpan = 10;
      body.appendChild(tr);
    } else {
      body.replaceChildren(...data.bills.map(b => {
        const tr = document.createElement('tr');
        tr.dataset.testid = 'row';
        tr.dataset.subscriber = b.subscriber;
        tr.dataset.currency = b.currency;
        td(tr, 'subscriber', invoiceLink(b.subscriber, data.period));
        td(tr, 'customer', b.customer_name || '', 'text' + (b.customer_name ? '' : ' none'));
        td(tr, 'calls', count(b.calls));
        td(tr, 'sms', count(b.sms));
        td(tr, 'billed', minSec(b.billed_seconds));
        td(tr, 'free', free(b.free_seconds, b.free_sms));
        td(tr, 'amount', b.amount);
        td(tr, 'tax', b.tax);
        td(tr, 'total', b.total, 'strong');
        td(tr, 'currency', b.currency || '?', 'text');
        if (b.unpriced) tr.title = b.unpriced + ' CDR(s) not priced yet (not billed)';
        return tr;
      }));
    }
    // Totals of every bill of the period (not only this page), one row per currency, summed exactly by the API.
    table.querySelector('tfoot').replaceChildren(...data.totals.map(t => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'totals';
      tr.dataset.currency = t.currency;
      td(tr, 'label', 'Total');
      td(tr, 'bills', (t.bills === 1 ? '1 bill' : count(t.bills) + ' bills'), 'text');
      td(tr, 'calls', count(t.calls));
      td(tr, 'sms', count(t.sms));
      td(tr, 'billed', minSec(t.billed_seconds));
      td(tr, 'free', free(t.free_seconds, t.free_sms));
      td(tr, 'amount', t.amount);
      td(tr, 'tax', t.tax);
      td(tr, 'total', t.total);
      td(tr, 'currency', t.currency || '?', 'text');
      return tr;
    }));
    Switchboard.showPage(table, { page: el('page'), prev: el('prev'), next: el('next') }, data.sort, data.order, data.offset, data.count, PAGE);
    table.dataset.loaded = [data.period, data.sort, data.order, data.offset].join(' ');
  }

  function show() {
    state.period = picker.value;
    state.offset = 0;
    say('');
    loadBills();
  }

  async function closePeriod() {
    const period = picker.value;
    const button = el('close');
    button.disabled = true;
    say('closing ' + (period || '(no month)') + '…');
    try {
      const s = await call('POST', '/api/billing/run?period=' + encodeURIComponent(period));
      const money = s.totals.map(t => t.amount + ' + tax ' + t.tax + ' = ' + t.total + ' ' + (t.currency || '?')).join(' · ') || 'nothing billed';
      say(`Closed ${s.period}: ${count(s.subscribers)} subscribers, ${count(s.bills)} bills, ${count(s.unpriced)} CDRs not priced; `
        + `${money}; ${s.reconciled ? 'reconciled with the rated CDRs' : 'NOT reconciled with the rated CDRs: run it again'}.`,
        s.reconciled ? 'good' : 'bad');
      state.period = s.period;
      state.offset = 0;
      await loadBills();
    } catch (e) {
      say('Cannot close ' + (period || 'the period') + ': ' + e.message, 'bad');
    } finally {
      button.disabled = false;
    }
  }

  async function balance() {
    const number = el('balance-number').value.trim();
    const box = el('balance');
    box.replaceChildren();
    if (!number) return;
    let b;
    try {
      b = await call('GET', '/api/billing/current/' + encodeURIComponent(number));
    } catch (e) {
      const p = document.createElement('p');
      p.className = 'message bad';
      p.dataset.testid = 'balance-error';
      p.textContent = e.message;
      box.appendChild(p);
      return;
    }
    const head = document.createElement('p');
    head.className = 'detail';
    const bits = [['balance-customer', b.customer_name], ['balance-number-shown', b.number], ['balance-plan', b.plan_id ? 'plan ' + b.plan_id : null],
      ['balance-period', b.period],
      ['balance-as-of', 'as of ' + String(b.as_of).replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')]];
    for (const [id, text] of bits) {
      if (!text) continue;
      if (head.childNodes.length) head.append(' · ');
      const s = document.createElement('strong');
      s.dataset.testid = id;
      s.textContent = text;
      head.appendChild(s);
    }
    box.appendChild(head);
    if (!b.lines.length) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.dataset.testid = 'balance-empty';
      p.textContent = 'no CDR of this number this month yet';
      box.appendChild(p);
      return;
    }
    const t = document.createElement('table');
    t.dataset.testid = 'balance-lines';
    t.innerHTML = '<thead><tr><th>Currency</th><th>Calls</th><th>SMS</th><th>Billed min</th><th>Free units used</th>'
      + '<th>Not priced</th><th>Amount</th><th>Tax</th><th>Total</th></tr></thead><tbody></tbody>';
    t.querySelector('tbody').replaceChildren(...b.lines.map(l => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'row';
      td(tr, 'currency', l.currency || '?');
      td(tr, 'calls', count(l.calls));
      td(tr, 'sms', count(l.sms));
      td(tr, 'billed', minSec(l.billed_seconds));
      td(tr, 'free', free(l.free_seconds, l.free_sms));
      td(tr, 'unpriced', count(l.unpriced));
      td(tr, 'amount', l.amount);
      td(tr, 'tax', l.tax);
      td(tr, 'total', l.total, 'strong');
      return tr;
    }));
    box.appendChild(t);
  }

  document.getElementById('period-form').addEventListener('submit', e => { e.preventDefault(); show(); });
  el('close').addEventListener('click', closePeriod);
  el('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadBills(); });
  el('next').addEventListener('click', () => { state.offset += PAGE; loadBills(); });
  Switchboard.sortable(table, state, 'order', loadBills);
  document.getElementById('balance-form').addEventListener('submit', e => { e.preventDefault(); balance(); });

  const asked = new URLSearchParams(location.search).get('period');
  picker.value = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : thisMonth();
  state.period = picker.value;
  loadBills();
})();
