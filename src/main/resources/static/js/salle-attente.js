// The waiting room: asks where the family stands when the portal says to (every 2 s near the front, less
// often far back) and updates the number (read out by screen readers through the page's aria-live
// region); once its turn has come, goes in (the page reloaded sends the family where it was going, its
// kept form saved). Without JavaScript the page reloads itself (meta refresh).
(function () {
  var room = document.getElementById('salle-attente');
  if (!room || !window.fetch) {
    return;
  }
  var place = room.querySelector('[data-place]');
  var estimation = room.querySelector('[data-estimation]');
  var estimate = estimation && estimation.querySelector('strong');
  var every = 3000;

  function later(seconds) {
    return seconds > 0 ? seconds * 1000 : every;
  }

  function words(seconds) {
    if (seconds < 120) {
      return Math.max(5, Math.ceil(seconds / 5) * 5) + ' s';
    }
    return Math.ceil(seconds / 60) + ' min';
  }

  function ask() {
    fetch(room.getAttribute('data-etat'), {credentials: 'same-origin', cache: 'no-store'})
      .then(function (answer) { return answer.json(); })
      .then(function (state) {
        if (state.entree) {
          window.location.replace(room.getAttribute('data-retour'));
          return;
        }
        if (place && String(state.place) !== place.textContent) {
          place.textContent = state.place;
        }
        if (estimate && state.secondes >= 0) {
          estimate.textContent = words(state.secondes);
          estimation.hidden = false;
        }
        window.setTimeout(ask, later(state.attente));
      })
      .catch(function () { window.setTimeout(ask, every * 2); });
  }
  window.setTimeout(ask, later(Number(room.getAttribute('data-attente'))));
})();
