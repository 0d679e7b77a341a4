// Patron console: forms that talk to the JSON API.
// A <form data-api="/api/v1/..."> is sent as JSON (fields by name; inputs with data-type="number"
// as numbers) with the session's CSRF token from <meta name="csrf-token">. The answer's "detail"
// (or a success text from data-done) is shown in the form's [data-result] element, field errors
// next to their fields; on success the page reloads so every panel shows the new state.
(function () {
  'use strict';
  function token() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }
  function show(form, text, ok) {
    var out = form.querySelector('[data-result]');
    if (out) {
      out.textContent = text;
      out.className = ok ? 'ok' : 'error';
      out.setAttribute('role', ok ? 'status' : 'alert');
    }
  }
  function body(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === 'submit') { return; }
      var value = el.value;
      if (el.getAttribute('data-type') === 'number') {
        value = value === '' ? null : Number(value);
      }
      data[el.name] = value;
    });
    return JSON.stringify(data);
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var url = form.getAttribute('data-api');
    if (!url) { return; }
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    if (button) { button.disabled = true; }
    fetch(url, {
      method: form.getAttribute('data-method') || 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token() },
      body: body(form)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = {};
        try { json = text ? JSON.parse(text) : {}; } catch (e) { json = {}; }
        if (response.ok) {
          show(form, form.getAttribute('data-done') || 'Done.', true);
          window.setTimeout(function () { window.location.reload(); }, 400);
        } else {
          var message = json.detail || ('Error ' + response.status);
          if (json.errors) {
            message += ' ' + json.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
          }
          show(form, message, false);
        }
      });
    }).catch(function () {
      show(form, 'The server could not be reached; nothing was changed.', false);
    }).then(function () {
      if (button) { button.disabled = false; }
    });
  });
}());
