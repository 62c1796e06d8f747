// "Copy link": the address bar already holds the whole search; this only copies it.
(function () {
  'use strict';
  var button = document.getElementById('copy-link');
  if (!button || !navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(window.location.href).then(function () {
      button.textContent = button.dataset.copied;
    });
  });
})();

// Phones: the facet panel starts collapsed and opens with its toggle; wide screens always show it open.
(function () {
  'use strict';
  var panel = document.getElementById('facet-panel');
  if (!panel || !window.matchMedia) { return; }
  var narrow = window.matchMedia('(max-width: 48rem)');
  var fit = function () { panel.open = !narrow.matches; };
  fit();
  narrow.addEventListener('change', fit);
})();
