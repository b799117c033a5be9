// Day sheet: each check-in is sent on its own (htmx) and shown as saved only when the server's row
// replaces the old one. While a request is out the row says so; when the network fails (or the
// server answers 5xx) the same click is sent again, with growing pauses, until it is saved. The page
// works without this script: every button is an ordinary form submission.
(function () {
  if (!window.htmx) {
    return;
  }
  htmx.config.includeIndicatorStyles = false; // the style sheet has them (no inline style under our CSP)
  htmx.config.allowEval = false;
  htmx.config.timeout = 10000;

  var pending = new Map(); // button id -> attempts
  var banner = document.getElementById('en-attente');

  function row(elt) {
    return elt && elt.closest ? elt.closest('.child-row') : null;
  }

  function updateBanner() {
    var count = document.querySelectorAll('.child-row.is-retrying').length;
    if (!banner) {
      return;
    }
    banner.hidden = count === 0;
    banner.textContent = count === 0 ? '' : count + ' pointage(s) pas encore enregistré(s) : nouvel essai automatique.';
  }

  function retry(evt) {
    var button = evt.detail.elt;
    var line = row(button);
    if (!line || !button.matches('button.check')) {
      return;
    }
    var key = line.id + '/' + button.value;
    var attempts = (pending.get(key) || 0) + 1;
    pending.set(key, attempts);
    var wait = Math.min(30, Math.pow(2, attempts));
    line.classList.add('is-retrying');
    var note = line.querySelector('.retrying');
    if (note) {
      note.textContent = '« ' + button.textContent.trim() + ' » pas encore enregistré (réseau) : nouvel essai dans ' + wait + ' s.';
    }
    updateBanner();
    setTimeout(function () {
      if (document.body.contains(button)) {
        htmx.trigger(button, 'click');
      }
    }, wait * 1000);
  }

  document.body.addEventListener('htmx:sendError', retry);
  document.body.addEventListener('htmx:timeout', retry);
  document.body.addEventListener('htmx:responseError', function (evt) {
    if (evt.detail.xhr && evt.detail.xhr.status >= 500) {
      retry(evt);
    } else {
      var line = row(evt.detail.elt);
      var error = line && line.querySelector('.row-error');
      if (error) {
        error.textContent = 'Pointage refusé (' + evt.detail.xhr.status + ') : rechargez la page.';
      }
    }
  });
  document.body.addEventListener('htmx:afterSwap', function () {
    // a row replaced by the server's answer is saved; forget the attempts of rows no longer pending
    document.querySelectorAll('.child-row').forEach(function (line) {
      if (!line.classList.contains('is-retrying')) {
        pending.forEach(function (value, key) {
          if (key.indexOf(line.id + '/') === 0) {
            pending.delete(key);
          }
        });
      }
    });
    updateBanner();
  });
  window.addEventListener('beforeunload', function (event) {
    if (document.querySelector('.child-row.is-retrying, .child-row.htmx-request')) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
