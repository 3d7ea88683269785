// The dashboard frame: every page has <header> with #nav and #status and loads this script first.
// A page joins the menu by adding one line to PAGES (and its HTML file); only pages that exist are listed.
(function () {
  'use strict';
  const PAGES = [
    { href: '/', label: 'Overview' },
    { href: '/callcenter.html', label: 'Call center' },
    { href: '/revenue.html', label: 'Revenue' },
    { href: '/billing.html', label: 'Billing' },
    { href: '/marketing.html', label: 'Marketing' },
    { href: '/plans.html', label: 'Plans' },
    { href: '/generator.html', label: 'Generator' },
    { href: '/ivr.html', label: 'IVR' },
    { href: '/model.html', label: 'Model' },
  ];

  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  const nav = document.getElementById('nav');
  for (const page of PAGES) {
    const a = document.createElement('a');
    a.href = page.href;
    a.textContent = page.label;
    if (page.href === here) a.setAttribute('aria-current', 'page');
    nav.appendChild(a);
  }

  // Access: with tokens on, a page needs a signed-in browser (the cookie /api/session sets). An API answer 401 (not signed
  // in, or the token was revoked) sends the browser to the sign-in page, which comes back here afterwards.
  function signIn() {
    location.assign('/signin.html?next=' + encodeURIComponent(location.pathname + location.search));
  }
  const plainFetch = window.fetch.bind(window);
  window.fetch = async function (input, init) {
    const r = await plainFetch(input, init);
    const url = typeof input === 'string' ? input : input.url;
    if (r.status === 401 && !String(url).includes('/api/session')) signIn();
    return r;
  };
  const who = document.createElement('span');
  who.className = 'who';
  who.dataset.testid = 'who';
  document.getElementById('status').before(who);
  plainFetch('/api/session', { cache: 'no-store' }).then(r => r.json()).then(session => {
    if (session.access === 'tokens' && !session.signed_in) { signIn(); return; }
    if (session.role) document.body.dataset.role = session.role; // style.css hides controls that need a higher role
    if (!session.signed_in) { who.textContent = 'open access'; who.title = 'no API token exists yet: anyone on this machine may use it'; return; }
    who.textContent = session.name + ' · ' + session.role;
    const out = document.createElement('button');
    out.type = 'button';
    out.textContent = 'Sign out';
    out.dataset.testid = 'sign-out';
    out.addEventListener('click', () => plainFetch('/api/session', { method: 'DELETE' }).then(signIn));
    who.append(' ', out);
  }).catch(() => {});

  window.Switchboard = {
    /** Shows the connection state in the header: cls is 'live' or 'down'. */
    status(text, cls) {
      const s = document.getElementById('status');
      s.textContent = text;
      s.className = 'status ' + (cls || '');
    },
  };
})();
