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
