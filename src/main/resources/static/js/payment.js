// « Paiement en cours de vérification »: asks the portal (never the bank) for the payment's state
// every few seconds and reloads the page once the bank's notification has been received.
(function () {
  var box = document.getElementById('etat-paiement');
  if (!box || box.getAttribute('data-status') !== 'PENDING') {
    return;
  }
  var url = box.getAttribute('data-url');
  var tries = 0;
  function poll() {
    tries++;
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && state.status !== 'PENDING') {
          window.location.reload();
        } else if (tries < 120) {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { if (tries < 120) { window.setTimeout(poll, 5000); } });
  }
  window.setTimeout(poll, 1500);
})();
