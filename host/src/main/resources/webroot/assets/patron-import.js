// Patron console: follows a running import. The status section carries the job's JSON address
// (data-import-status); every second its figures are updated from it, and once the job has
// ended the page is loaded again to show the summary and the rejected rows. Without scripts the
// page has a link to refresh it by hand.
(function () {
  'use strict';
  var box = document.querySelector('[data-import-status]');
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute('data-import-status');
  var numbers = new Intl.NumberFormat(document.documentElement.lang || 'en');
  var tenths = new Intl.NumberFormat(document.documentElement.lang || 'en', { maximumFractionDigits: 1 });
  function set(name, value, format) {
    var el = box.querySelector('[data-field="' + name + '"]');
    if (el && value !== null && value !== undefined) {
      el.textContent = (format || numbers).format(value);
    }
  }
  function show(job) {
    var p = job.progress || {};
    var w = job.written || {};
    set('rowsRead', p.rowsRead);
    set('rowsPerSecond', p.rowsPerSecond);
    set('percent', p.percent, tenths);
    set('rowsRejected', job.rowsRejected);
    set('rowsSkipped', job.rowsSkipped);
    ['customers', 'orders', 'refunds'].forEach(function (kind) {
      var counts = w[kind] || {};
      ['created', 'updated', 'unchanged'].forEach(function (what) {
        set(kind + what.charAt(0).toUpperCase() + what.slice(1), counts[what]);
      });
    });
    var label = document.getElementById('import-status-label');
    if (label && job.status === 'running') { label.textContent = label.getAttribute('data-running'); }
    var bar = box.querySelector('progress');
    if (bar && p.percent !== null && p.percent !== undefined) { bar.value = p.percent; }
  }
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (job) {
        show(job);
        if (job.status === 'queued' || job.status === 'running') {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 500);
}());
