// Progressive enhancement only: every task works without this script.
// 1. GOV.UK Frontend's components (its module, at the pinned version's address the layout gives).
// 2. The idle-timeout warning: a dialog before the server's idle timeout, "Stay signed in" keeps
//    the session alive; at the timeout, the page moves to /session-ended.
// 3. Pages that watch a running job poll its progress instead of refreshing.
// 4. "Exit this page" on partner pages replaces the page in the history, so Back does not return.
// 5. The DASH checklist counts the yes answers as they are given (the service scores it on saving).
const self = document.querySelector('script[data-govuk-frontend]');
const { initAll, createAll, ExitThisPage } = await import(self.dataset.govukFrontend);
initAll();

// GOV.UK's component, except that leaving replaces the page rather than adding one after it
// (its own code assigns location.href, which keeps the page one Back away)
class ReplacingExitThisPage extends ExitThisPage {
  exitPage() {
    document.body.classList.add('govuk-exit-this-page-hide-content');
    if (this.$updateSpan) this.$updateSpan.textContent = '';
    this.$overlay = document.createElement('div');
    this.$overlay.className = 'govuk-exit-this-page-overlay';
    this.$overlay.setAttribute('role', 'alert');
    this.$overlay.textContent = this.i18n.t('activated');
    document.body.appendChild(this.$overlay);
    window.location.replace(this.$button.href);
  }
}
ReplacingExitThisPage.moduleName = 'dapp-exit-this-page';
createAll(ReplacingExitThisPage);

const dash = document.querySelector('form[data-dash-high-from]');
if (dash) {
  const highFrom = Number(dash.dataset.dashHighFrom);
  const mediumFrom = Number(dash.dataset.dashMediumFrom);
  const order = ['STANDARD', 'MEDIUM', 'HIGH'];
  const live = dash.querySelector('.dapp-dash-score');
  const questions = dash.querySelectorAll('[data-dash-question]').length;
  const levelWords = (level) => dash.dataset[`dashWords${level.charAt(0)}${level.slice(1).toLowerCase()}`] || level;
  const update = () => {
    const checked = [...dash.querySelectorAll('[data-dash-question] input[type="radio"]:checked')];
    const yes = checked.filter((input) => input.value === 'YES').length;
    const level = yes >= highFrom ? 'HIGH' : yes >= mediumFrom ? 'MEDIUM' : 'STANDARD';
    live.querySelector('.dapp-dash-score__yes').textContent = String(yes);
    live.querySelector('.dapp-dash-score__answered').textContent = String(checked.length);
    live.querySelector('.dapp-dash-score__level').textContent = levelWords(level);
    const judged = dash.querySelector('input[name="professionalJudgement.level"]:checked');
    const lower = judged && judged.value && order.indexOf(judged.value) < order.indexOf(level);
    const warning = live.querySelector('.dapp-dash-score__lower');
    warning.hidden = !lower;
    live.dataset.level = level;
    live.dataset.yes = String(yes);
    live.dataset.answered = String(checked.length);
    live.dataset.questions = String(questions);
  };
  live.hidden = false;
  dash.querySelector('.dapp-dash-score-without-script')?.setAttribute('hidden', '');
  dash.addEventListener('change', update);
  update();
}

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
