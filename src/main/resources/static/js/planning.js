// Planning: warn before leaving a month whose ticks are not saved yet. The page works without it.
(function () {
  var form = document.getElementById('planning-form');
  if (!form) {
    return;
  }
  var initial = snapshot();
  var submitting = false;

  function snapshot() {
    return Array.prototype.map.call(form.querySelectorAll('input[type=checkbox]'), function (box) {
      return box.checked ? '1' : '0';
    }).join('');
  }

  form.addEventListener('submit', function () {
    submitting = true;
  });
  window.addEventListener('beforeunload', function (event) {
    if (!submitting && snapshot() !== initial) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
