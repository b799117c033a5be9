// Every form of the portal: a field the server refused (aria-invalid="true", its message named by
// aria-describedby) loses its red border and its message as soon as the person changes it into a value
// the browser accepts (required, length, type). The server checks everything again on the next submit;
// without JavaScript the messages simply stay until then.
(function () {
  function errorsOf(field) {
    var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/);
    var errors = [];
    for (var i = 0; i < ids.length; i++) {
      var element = ids[i] && document.getElementById(ids[i]);
      if (element && element.classList.contains('field-error')) {
        errors.push(element);
      }
    }
    return errors;
  }

  function corrected(event) {
    var field = event.target;
    if (!field || field.getAttribute('aria-invalid') !== 'true' || !field.checkValidity()) {
      return;
    }
    if (field.type !== 'checkbox' && field.type !== 'radio' && !field.value) {
      return;
    }
    var errors = errorsOf(field);
    field.removeAttribute('aria-invalid');
    var described = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (id) {
      return id && !errors.some(function (e) { return e.id === id; });
    });
    if (described.length) {
      field.setAttribute('aria-describedby', described.join(' '));
    } else {
      field.removeAttribute('aria-describedby');
    }
    errors.forEach(function (e) { e.hidden = true; });
  }

  document.addEventListener('input', corrected);
  document.addEventListener('change', corrected);
})();
