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

// Entity recognition backlog of the live index: poll while the stage has work, stop once it is idle.
(function () {
  'use strict';
  var panel = document.getElementById('entity-stage');
  if (!panel || panel.dataset.idle === 'true') {
    return;
  }
  var lang = document.documentElement.lang || undefined;
  function set(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = value; }
  }
  function update(s) {
    var bar = document.getElementById('entities-progress');
    bar.value = s.percent;
    bar.textContent = s.percent + '%';
    set('entities-pending', s.pending.toLocaleString(lang));
    set('entities-done', s.done.toLocaleString(lang));
    set('entities-failed', s.failed.toLocaleString(lang));
    set('entities-total', s.total.toLocaleString(lang));
    set('entities-percent', s.percent);
    set('entities-rate', s.idle ? '\u2013' : s.documentsPerSecond);
    if (s.lastError) {
      set('entities-error', s.lastError + (s.lastErrorAt ? ' (' + s.lastErrorAt + ')' : ''));
    }
  }
  function poll() {
    fetch(panel.dataset.pollUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s) { update(s); }
        if (!s || !s.idle) { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();
