// Progressive enhancement only: every task works without this script.
// 1. GOV.UK Frontend's components (its module, at the pinned version's address the layout gives).
// 2. The idle-timeout warning: a dialog before the server's idle timeout, "Stay signed in" keeps
//    the session alive; at the timeout, the page moves to /session-ended.
// 3. Pages that watch a running job poll its progress instead of refreshing.
const self = document.querySelector('script[data-govuk-frontend]');
const { initAll } = await import(self.dataset.govukFrontend);
initAll();

const csrf = document.querySelector('meta[name="dapp-csrf"]');

function post(url) {
  const headers = {};
  if (csrf) headers[csrf.dataset.header] = csrf.content;
  return fetch(url, { method: 'POST', headers, credentials: 'same-origin', redirect: 'manual' });
}

const dialog = document.querySelector('dialog.dapp-timeout');
const idle = dialog ? Number(dialog.dataset.idleSeconds) * 1000 : NaN;
const warn = dialog ? Number(dialog.dataset.warnSeconds) * 1000 : NaN;
if (dialog && typeof dialog.showModal === 'function' && Number.isFinite(idle) && Number.isFinite(warn) && idle > 0) {
  const countdown = dialog.querySelector('.dapp-timeout__countdown');
  let warnTimer;
  let endTimer;
  let tick;
  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(tick);
    const endsAt = Date.now() + idle;
    warnTimer = setTimeout(() => {
      const show = () => {
        const seconds = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
        countdown.textContent = seconds >= 60 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
      };
      show();
      tick = setInterval(show, 1000);
      dialog.showModal();
    }, Math.max(0, idle - warn));
    endTimer = setTimeout(() => window.location.assign('/session-ended'), idle);
  };
  dialog.querySelector('.dapp-timeout__stay').addEventListener('click', async () => {
    const answer = await post('/session/keep-alive');
    dialog.close();
    if (answer.type === 'opaqueredirect' || !answer.ok) {
      window.location.assign('/session-ended');
      return;
    }
    schedule();
  });
  schedule();
}

const progress = document.querySelector('.dapp-progress[data-progress-url]');
if (progress && progress.dataset.status === 'RUNNING') {
  const field = (name) => progress.querySelector(`.dapp-progress__${name}`);
  const poll = async () => {
    try {
      const answer = await fetch(progress.dataset.progressUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (answer.ok) {
        const job = await answer.json();
        field('percent').textContent = job.percent;
        field('processed').textContent = job.processed;
        field('total').textContent = job.total;
        if (job.status !== 'RUNNING') {
          window.location.reload();
          return;
        }
      }
    } catch (e) {
      // a missed poll is retried on the next tick
    }
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
}
