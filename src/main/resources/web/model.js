// The model page: the model in use and its test report (/api/model), how today's predictions fare against the
// truth (/api/model/live), and a retrain button (POST /api/model/train).
(function () {
  'use strict';
  const DASH = '—';
  const { count, el } = Switchboard; // page.js
  const pct = v => v == null ? DASH : (100 * v).toFixed(1) + ' %';
  const num = (v, d) => v == null ? DASH : Number(v).toFixed(d);
  const put = (id, text) => { el(id).textContent = text; };
  const message = el('message');
  const day = iso => iso ? iso.slice(0, 10) : '…';

  function rows(tbodyId, list, cells) {
    const body = document.getElementById(tbodyId);
    body.replaceChildren(...list.map(item => {
      const tr = document.createElement('tr');
      for (const v of cells(item)) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      return tr;
    }));
  }

  function showReport(r) {
    put('version', 'v' + r.version);
    put('algorithm', r.algorithm.toLowerCase().replace(/_/g, ' '));
    put('trained-at', new Date(r.trained_at).toLocaleString());
    put('data-range', day(r.data_from) + ' – ' + day(r.data_until));
    put('accuracy', pct(r.accuracy));
    put('macro-f1', num(r.macro_f1, 3));
    put('brier', num(r.brier, 3));
    put('baseline-subject', (r.baseline_subject || DASH).toLowerCase());
    put('baseline-accuracy', pct(r.baseline_accuracy));
    put('bayes-accuracy', r.bayes_optimal_accuracy == null ? 'not simulated data' : pct(r.bayes_optimal_accuracy));
    put('rows', [r.rows.train, r.rows.validation, r.rows.test].map(count).join(' / '));
    put('chosen-by', r.chosen_by.replace(/_/g, ' '));
    const t = r.test;
    rows('per-class-rows', t.labels, s => {
      const c = t.per_class[s];
      return [s, num(c.precision, 3), num(c.recall, 3), num(c.f1, 3), count(c.support)];
    });
    const head = document.getElementById('confusion-head');
    const tr = document.createElement('tr');
    for (const h of ['actual \\ predicted', ...t.labels]) {
      const th = document.createElement('th');
      th.textContent = h;
      tr.append(th);
    }
    head.replaceChildren(tr);
    rows('confusion-rows', t.labels.map((s, i) => [s, ...t.confusion[i]]), r => r.map((v, j) => j === 0 ? v : count(v)));
    rows('reliability-rows', t.reliability.filter(b => b.count > 0), b =>
      [num(b.from, 1) + '–' + num(b.to, 1), count(b.count), num(b.mean_predicted, 3), num(b.observed, 3)]);
    rows('candidate-rows', r.candidates, c => [c.algorithm.toLowerCase().replace(/_/g, ' ') + (c.algorithm === r.algorithm ? ' (chosen)' : ''),
      count(c.train_rows), pct(c.validation_accuracy), num(c.validation_macro_f1, 3), num(c.train_seconds, 1) + ' s']);
  }

  function showLive(d) {
    put('live-accuracy', pct(d.accuracy));
    put('live-correct', count(d.correct));
    put('live-scored', count(d.scored));
    put('live-not-scored', count(d.not_scored));
    rows('live-rows', Object.keys(d.by_subject), s => {
      const v = d.by_subject[s];
      return [s, count(v.predicted), count(v.predicted_right), count(v.actual)];
    });
  }

  async function load() {
    try {
      showLive(await Switchboard.call('GET', '/api/model/live'));
      showReport(await Switchboard.call('GET', '/api/model'));
      Switchboard.say(message, '');
    } catch (e) {
      if (e.status === 404) Switchboard.say(message, 'No model yet: press Retrain now (or run switchboard train).');
      else Switchboard.say(message, e.message, 'bad');
    }
    document.body.dataset.loaded = String(Date.now());
  }

  el('retrain').addEventListener('click', async () => {
    const button = el('retrain');
    button.disabled = true;
    put('train-result', 'training…');
    try {
      const q = el('simulated').checked ? '?simulated=true' : '';
      const out = await Switchboard.call('POST', '/api/model/train' + q);
      put('train-result', out.installed
        ? 'v' + out.report.version + ' installed (test accuracy ' + pct(out.report.accuracy) + ')'
        : 'v' + out.report.version + ' kept aside: ' + pct(out.report.accuracy) + ' < the model in use on the same test calls ('
          + pct(out.previous_accuracy_on_this_test) + ')');
      await load();
    } catch (e) {
      put('train-result', '');
      Switchboard.say(message, e.message, 'bad');
    } finally {
      button.disabled = false;
    }
  });

  load();
  setInterval(() => Switchboard.call('GET', '/api/model/live').then(showLive).catch(() => {}), 10000);
})();
