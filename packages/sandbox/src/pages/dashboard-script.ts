import { clipboardScript } from './clipboard-script'

// The dashboard's behaviour, inline plain JS. It refreshes by fetching its own URL and
// swapping the checkouts table, so the server renders one markup for both.
export const dashboardScript = /* js */ `
(function () {
  'use strict';
${clipboardScript}
  var main = document.getElementById('pf-dash');
  var controlRoot = main.getAttribute('data-control-root');
  var deliveryRoot = main.getAttribute('data-delivery-root');
  var toast = document.getElementById('pf-toast');
  var autoRefresh = document.getElementById('pf-auto-refresh');
  var busy = false;
  var refreshing = false;
  var toastHandle = null;

  function say(text) {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastHandle);
    toastHandle = setTimeout(function () { toast.hidden = true; }, 4000);
  }

  function refresh() {
    if (refreshing) return Promise.resolve();
    refreshing = true;
    return fetch(window.location.href, { headers: { accept: 'text/html' }, cache: 'no-store' })
      .then(function (res) { if (!res.ok) throw new Error('status ' + res.status); return res.text(); })
      .then(function (text) {
        refreshing = false;
        var next = new DOMParser().parseFromString(text, 'text/html').getElementById('pf-dash-checkouts');
        var current = document.getElementById('pf-dash-checkouts');
        if (!next || !current || next.innerHTML === current.innerHTML) return;
        // Keep keyboard focus where it was: the new markup has the same ids.
        var focused = document.activeElement && document.activeElement.id;
        // Keep each row's chosen callback rehearsal: the server renders the default.
        var modes = {};
        var selects = current.querySelectorAll('select[data-mode-for]');
        for (var i = 0; i < selects.length; i++) modes[selects[i].id] = selects[i].value;
        current.innerHTML = next.innerHTML;
        for (var key in modes) {
          var select = document.getElementById(key);
          if (select) select.value = modes[key];
        }
        var title = document.querySelector('#pf-checkouts-title .pf-muted');
        var nextTitle = new DOMParser().parseFromString(text, 'text/html').querySelector('#pf-checkouts-title .pf-muted');
        if (title && nextTitle) title.textContent = nextTitle.textContent;
        if (focused) {
          var again = document.getElementById(focused);
          // A button that just did its job is often disabled now (Pay on a paid checkout): move to its row's next action.
          if (again && again.disabled) {
            var row = again.closest('tr');
            again = row.querySelector('button:not([disabled])') || row.querySelector('a');
          }
          if (again) again.focus();
        }
      }, function () { refreshing = false; });
  }

  main.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) return;
    var copy = target.getAttribute('data-copy');
    if (copy !== null) {
      copyText(copy).then(function () {
        target.setAttribute('data-copied', 'true');
        var label = target.querySelector('[data-label]');
        if (label) label.textContent = 'Copied';
        say('Copied to the clipboard.');
        setTimeout(function () { target.removeAttribute('data-copied'); if (label) label.textContent = 'Copy'; }, 2000);
      }, function () { say('Copying is blocked here: select the text and press Control C, or Command C.'); });
      return;
    }
    var action = target.getAttribute('data-action');
    var id = target.getAttribute('data-id');
    var deliveryId = target.getAttribute('data-delivery-id');
    if (!action || !(id || deliveryId) || busy) return;
    var url;
    if (action === 'replay') {
      url = deliveryRoot + encodeURIComponent(deliveryId) + '/replay';
    } else {
      url = controlRoot + encodeURIComponent(id) + '/' + action;
      var mode = document.getElementById('pf-mode-' + id);
      if ((action === 'pay' || action === 'resend') && mode && mode.value !== 'send') url += '?callback=' + encodeURIComponent(mode.value);
    }
    busy = true;
    target.setAttribute('aria-busy', 'true');
    fetch(url, { method: 'POST', headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(function (res) {
        return res.json().catch(function () { return null; }).then(function (body) {
          if (!res.ok) throw new Error((body && (body.detail || body.error)) || 'The sandbox answered ' + res.status + '.');
          var done = {
            pay: 'Paid checkout ' + id + '.',
            expire: 'Expired checkout ' + id + '.',
            resend: 'Resent the callback for checkout ' + id + '.',
            deliver: 'Delivered the held callback for checkout ' + id + '.',
            replay: 'Replayed delivery ' + deliveryId + '.'
          };
          say(done[action] || 'Done.');
        });
      })
      .catch(function (err) { say(err.message); })
      .then(function () { busy = false; target.removeAttribute('aria-busy'); return refresh(); });
  });

  var framing = document.getElementById('pf-framing');
  if (framing) framing.addEventListener('change', function () {
    var value = framing.value;
    fetch(framing.getAttribute('data-settings-root') + '?framing=' + encodeURIComponent(value), { method: 'POST', headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(function (res) {
        return res.json().catch(function () { return null; }).then(function (body) {
          if (!res.ok) throw new Error((body && body.detail) || 'The sandbox answered ' + res.status + '.');
          say(value === 'allow' ? 'The hosted page may be framed by any shop.' : 'The hosted page now refuses to be framed by a shop.');
        });
      })
      .catch(function (err) { say(err.message); });
  });

  setInterval(function () {
    if (!busy && autoRefresh.checked && !document.hidden) refresh();
  }, 3000);
})();
`
