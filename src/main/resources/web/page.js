// What the pages that call the API share (billing, plans, marketing, generator, ivr, model): calling the API, a message line, table
// cells, sortable headers, the pager, finding an element by its data-testid and writing a count. Loaded after nav.js; adds to
// window.Switchboard.
(function () {
  'use strict';

  /** An API error: the text shown to the user ("error: details" from the API's {error, details}) and the HTTP status (0: no answer). */
  class ApiError extends Error {
    constructor(message, status) { super(message); this.status = status; }
  }

  /** Calls the API (a body is sent as JSON): the parsed answer, or an ApiError. Sets the header's status. */
  async function call(method, path, body) {
    let r;
    try {
      r = await fetch(path, { method, cache: 'no-store', headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      Switchboard.status('API unavailable', 'down');
      throw new ApiError('the server cannot be reached', 0);
    }
    const text = await r.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
    if (!r.ok) {
      if (r.status >= 500) Switchboard.status('API error', 'down');
      const details = parsed && parsed.details != null ? (Array.isArray(parsed.details) ? parsed.details.join('; ') : String(parsed.details)) : '';
      throw new ApiError(parsed && parsed.error ? parsed.error + (details ? ': ' + details : '') : r.status + ' ' + r.statusText, r.status);
    }
    Switchboard.status('loaded', 'live');
    return parsed;
  }

  /** Shows text in a message element (class 'good' or 'bad'); empty text hides it. */
  function say(message, text, cls) {
    message.textContent = text;
    message.className = 'message ' + (cls || '');
    message.hidden = !text;
  }

  const ints = new Intl.NumberFormat('en-US');

  /** A whole number with thousands separators (en-US), or a dash when there is none. */
  const count = v => typeof v === 'number' && Number.isFinite(v) ? ints.format(v) : '—';

  /** The element with this data-testid. */
  const el = id => document.querySelector(`[data-testid="${id}"]`);

  /** Appends a cell: a node, or text (never HTML: numbers and names come from the data). */
  function td(tr, name, content, cls) {
    const cell = document.createElement('td');
    if (name) cell.dataset.testid = name;
    if (cls) cell.className = cls;
    if (content instanceof Node) cell.appendChild(content);
    else cell.textContent = content;
    tr.appendChild(cell);
    return cell;
  }

  /**
   * Makes a table's th[data-sort] headers sort it (click, Enter or Space): state.sort becomes the column and
   * state[dirKey] 'asc', or the other way when it was already sorted so; back to the first page, then reload().
   */
  function sortable(table, state, dirKey, reload) {
    for (const th of table.querySelectorAll('th[data-sort]')) {
      th.tabIndex = 0;
      const sortBy = () => {
        const key = th.dataset.sort;
        state[dirKey] = state.sort === key && state[dirKey] === 'asc' ? 'desc' : 'asc';
        state.sort = key;
        state.offset = 0;
        reload();
      };
      th.addEventListener('click', sortBy);
      th.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(); } });
    }
  }

  /** Shows an answer's order on the headers (aria-sort) and its page in the pager ({page, prev, next} elements). */
  function showPage(table, pager, sort, dir, offset, total, size) {
    for (const th of table.querySelectorAll('th[data-sort]'))
      th.setAttribute('aria-sort', th.dataset.sort === sort ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.floor(offset / size) + 1;
    pager.page.textContent = 'page ' + page + ' of ' + pages;
    pager.prev.disabled = page <= 1;
    pager.next.disabled = page >= pages;
  }

  Object.assign(window.Switchboard, { ApiError, call, say, td, sortable, showPage, count, el });
})();
