// « Envoyer un message »: once a service is chosen, the « Thèmes » list shows only that service's
// themes. Without JavaScript the list shows every service's themes grouped, and the server checks.
(function () {
  var service = document.getElementById('service');
  var theme = document.getElementById('theme');
  if (!service || !theme) {
    return;
  }
  function filter() {
    var groups = theme.querySelectorAll('optgroup');
    for (var i = 0; i < groups.length; i++) {
      var mine = !service.value || groups[i].getAttribute('data-service') === service.value;
      groups[i].hidden = !mine;
      groups[i].disabled = !mine;
    }
    var selected = theme.options[theme.selectedIndex];
    if (selected && selected.parentNode.tagName === 'OPTGROUP' && selected.parentNode.disabled) {
      theme.value = '';
    }
  }
  service.addEventListener('change', filter);
  filter();
})();
