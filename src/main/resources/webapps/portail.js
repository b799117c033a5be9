// Portail Famille, in Tasklist, Cockpit and Admin (loaded by each webapp's config.js, served by the portal).
// - The one staff sign-in is /agent/connexion: when the webapp would show its own login (after « Se
//   déconnecter », or when the session has ended), the browser goes back to the webapp's address, which
//   the portal sends to /agent/connexion and back here after signing in.
// - A link of a task form to a staff page of the portal (a supporting document, an attachment) opens in a
//   new tab, so the form and what is typed in it stay where they are.
// - The banner asking to migrate to another product is hidden: the town runs this version.
// - A word the webapp looked up before its French words had arrived (a few are read once, when a list
//   or a search box is first drawn) would stay as its key, « SEARCH_PLACEHOLDER »: such keys are put
//   into French here, from the same French words the webapp reads.
const appRoot = document.querySelector('base').getAttribute('app-root');
const appName = document.querySelector('base').getAttribute('app-name');
const staffPages = appRoot.replace(/\/camunda$/, '') + '/agent/';

function toStaffSignIn() {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace(appRoot + '/app/' + appName + '/default/');
  }
}

function openStaffLinksInNewTab(root) {
  root.querySelectorAll('a[href]').forEach((link) => {
    const url = new URL(link.getAttribute('href'), window.location.href);
    if (url.pathname.startsWith(staffPages) && link.target !== '_blank') {
      link.target = '_blank';
      link.rel = 'noopener';
    }
  });
}

const style = document.createElement('style');
style.textContent = '.ce-eol-banner { display: none !important; }';
document.head.appendChild(style);

window.addEventListener('hashchange', toStaffSignIn);
toStaffSignIn();
openStaffLinksInNewTab(document);
new MutationObserver(() => openStaffLinksInNewTab(document)).observe(document.body, { childList: true, subtree: true });

const rawKey = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

function frenchForKeys(root, labels) {
  root.querySelectorAll('[placeholder]').forEach((field) => {
    const key = field.getAttribute('placeholder');
    if (rawKey.test(key) && labels[key]) {
      field.setAttribute('placeholder', labels[key]);
    }
  });
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const text = texts.currentNode;
    const key = text.nodeValue.trim();
    if (rawKey.test(key) && labels[key]) {
      text.nodeValue = text.nodeValue.replace(key, labels[key]);
    }
  }
}

fetch(appRoot + '/app/' + appName + '/locales/fr.json', { credentials: 'same-origin' })
  .then((answer) => (answer.ok ? answer.json() : null))
  .then((locale) => {
    const labels = locale && locale.labels;
    if (!labels) {
      return;
    }
    let pending = false;
    frenchForKeys(document.body, labels);
    new MutationObserver(() => {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(() => {
          pending = false;
          frenchForKeys(document.body, labels);
        });
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['placeholder'] });
  })
  .catch(() => {});
