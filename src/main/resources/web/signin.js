// Sign-in: sends the token to /api/session, which checks it and keeps it in an HttpOnly cookie for this browser session.
// A link of the form /signin.html#token=… (printed by the demo) signs in at once; the fragment is never sent to the server.
(function () {
  'use strict';
  const form = document.getElementById('signin');
  const input = document.getElementById('token');
  const message = document.getElementById('message');

  function next() {
    const n = new URLSearchParams(location.search).get('next');
    return n && n.startsWith('/') && !n.startsWith('//') ? n : '/';
  }

  async function signIn(token) {
    message.hidden = true;
    let r;
    try {
      r = await fetch('/api/session', { method: 'POST', cache: 'no-store', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }) });
    } catch (e) {
      message.textContent = 'the server cannot be reached';
      message.hidden = false;
      return;
    }
    if (r.ok) {
      location.replace(next());
      return;
    }
    let text = r.status + ' ' + r.statusText;
    try { const a = await r.json(); text = a.error + (a.details ? ': ' + a.details : ''); } catch (e) { /* not JSON */ }
    message.textContent = text;
    message.hidden = false;
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    signIn(input.value.trim());
  });

  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    history.replaceState(null, '', location.pathname + location.search);
    signIn(fromLink);
  }
})();
