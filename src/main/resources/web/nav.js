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

  window.Switchboard = {
    /** Shows the connection state in the header: cls is 'live' or 'down'. */
    status(text, cls) {
      const s = document.getElementById('status');
      s.textContent = text;
      s.className = 'status ' + (cls || '');
    },
  };
})();
