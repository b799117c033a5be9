// On a phone the module tabs are one row that scrolls sideways: bring the current tab into sight.
(function () {
  var current = document.querySelector('.tabs a[aria-current="page"]');
  var row = current && current.closest('ul');
  if (!row || row.scrollWidth <= row.clientWidth) {
    return;
  }
  var tab = current.getBoundingClientRect();
  var box = row.getBoundingClientRect();
  row.scrollLeft += (tab.left - box.left) - (row.clientWidth - tab.width) / 2;
})();
