// Progressive enhancement only: every form works without this script.
(() => {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/dashboard/sw.js', { scope: '/dashboard' }).catch(() => { });
  }

  // Chat panel: ask without reloading the page. The antiforgery token travels in the form body, as for a plain post.
  const form = document.querySelector('form[data-chat]');
  if (!form) return;
  const log = document.getElementById('chat-log');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(form);
    const question = (data.get('Question') || '').toString().trim();
    if (!question) return;
    const mine = document.createElement('div');
    mine.className = 'msg me';
    mine.textContent = question;
    log.appendChild(mine);
    form.querySelector('input[name=Question]').value = '';
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const response = await fetch(form.action + (form.action.includes('?') ? '&' : '?') + 'handler=Ask', { method: 'POST', body: data, headers: { 'Accept': 'text/html' } });
      const reply = document.createElement('div');
      reply.className = 'msg bot';
      if (response.ok) {
        reply.innerHTML = await response.text(); // server-rendered and HTML-encoded by Razor
      } else {
        reply.textContent = response.status === 400 ? 'Your session expired: reload the page.' : 'The copilot could not answer (' + response.status + ').';
      }
      log.appendChild(reply);
      reply.scrollIntoView({ behavior: 'smooth', block: 'end' });
    } finally {
      button.disabled = false;
    }
  });
})();
