// On a phone the module tabs are one row that scrolls sideways: the current tab is brought into sight
// when the page opens, and a tab reached with the keyboard is scrolled wholly into sight.
(function () {
  var current = document.querySelector('.tabs a[aria-current="page"]');
  var row = current && current.closest('ul');
  if (!row) {
    return;
  }
  if (row.scrollWidth > row.clientWidth) {
    var tab = current.getBoundingClientRect();
    var box = row.getBoundingClientRect();
    row.scrollLeft += (tab.left - box.left) - (row.clientWidth - tab.width) / 2;
  }
  row.addEventListener('focusin', function (event) {
    if (row.scrollWidth > row.clientWidth && event.target.scrollIntoView) {
      event.target.scrollIntoView({block: 'nearest', inline: 'nearest'});
    }
  });
})();
