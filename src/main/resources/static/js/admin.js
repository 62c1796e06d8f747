// Live progress of the running job: poll its status, update the bar and counters, reload when done.
(function () {
  'use strict';
  var form = document.getElementById('reindex-form');
  if (form) {
    form.addEventListener('submit', function () {
      // One click, one job: the server refuses a second one anyway.
      form.querySelector('button').disabled = true;
    });
  }
  var panel = document.getElementById('job');
  if (!panel || panel.dataset.running !== 'true') {
    return;
  }
  function set(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = value; }
  }
  function update(job) {
    var done = job.indexed + job.failed;
    var bar = document.getElementById('job-progress');
    if (job.expected > 0) {
      var percent = Math.min(99, Math.floor(done * 100 / job.expected));
      bar.value = percent;
      bar.textContent = percent + '%';
    }
    set('job-files', job.filesSeen);
    set('job-indexed', job.indexed);
    set('job-skipped', job.skipped);
    set('job-failed', job.failed);
    set('job-rate', job.docsPerSecond);
    set('job-elapsed', Math.floor(job.elapsedMillis / 1000));
    if (job.expected > 0 && done > 0 && done < job.expected) {
      set('job-eta', Math.round((job.expected - done) * job.elapsedMillis / done / 1000));
    }
  }
  function poll() {
    fetch(panel.dataset.pollUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (job && job.outcome === 'RUNNING') {
          update(job);
          setTimeout(poll, 500);
        } else if (job) {
          var bar = document.getElementById('job-progress');
          bar.value = 100;
          window.location.reload();
        } else {
          setTimeout(poll, 2000);
        }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();
