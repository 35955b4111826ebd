import { clipboardScript } from './clipboard-script'

// The hosted page's behaviour, shipped inline as plain ES2017 (no build step, no
// module loader). It reads its data from <script id="pf-data">, never from the markup.
export const checkoutScript = /* js */ `
(function () {
  'use strict';
${clipboardScript}
  var data = JSON.parse(document.getElementById('pf-data').textContent);
  var root = document.getElementById('pf-checkout');
  var live = document.getElementById('pf-live');
  var errorBox = document.getElementById('pf-error');
  var countdown = document.getElementById('pf-countdown');
  var timer = document.getElementById('pf-timer');
  var fill = document.getElementById('pf-timer-fill');
  var framed = false;
  try { framed = window.parent !== window; } catch (e) { framed = true; }
  // Count from the server's clock: a shopper's clock may be minutes off.
  var skew = typeof data.nowMs === 'number' ? data.nowMs - Date.now() : 0;
  var settled = data.status !== 'open';
  var busy = false;
  var polling = false;
  var tickHandle = null;
  var pollHandle = null;
  var announced = {};
  var MESSAGE = { complete: 'checkout.complete', expired: 'checkout.expired', cancelled: 'checkout.cancel' };

  function announce(text) { live.textContent = text; }

  function post(type) {
    if (!framed || !type) return;
    // Only the event and the checkout id, which the parent already knows: nothing secret, so '*' is safe.
    try { window.parent.postMessage({ source: 'payfect', type: type, id: data.id }, '*'); } catch (e) {}
  }

  function notifyParent(state) { post(MESSAGE[state]); }

  function show(state) {
    root.setAttribute('data-status', state);
    var panels = root.querySelectorAll('[data-panel]');
    for (var i = 0; i < panels.length; i++) panels[i].hidden = panels[i].getAttribute('data-panel') !== state;
    var due = document.getElementById('pf-due-label');
    if (due && state === 'complete') due.textContent = 'Paid';
    var controls = document.getElementById('pf-sandbox');
    if (controls) controls.hidden = state !== 'open';
    var heading = root.querySelector('[data-panel="' + state + '"] [data-focus]');
    if (heading) heading.focus();
  }

  function finish(state) {
    if (settled) return;
    settled = true;
    stop();
    notifyParent(state);
    var url = state === 'complete' ? data.successUrl : state === 'cancelled' ? data.cancelUrl : null;
    var hint = root.querySelector('[data-panel="' + state + '"] [data-hint]');
    if (url && hint) hint.textContent = 'Taking you back to ' + data.merchant + '…';
    show(state);
    announce(state === 'complete' ? 'Payment received.' : state === 'expired' ? 'This checkout has expired.' : 'Checkout cancelled.');
    // Navigate this frame only: when framed, the merchant's SDK sees it land on its own origin.
    if (url) window.location.assign(url);
  }

  function applyCheckout(checkout) {
    if (!checkout || settled) return;
    if (checkout.status === 'complete') finish('complete');
    else if (checkout.status === 'expired') finish('expired');
  }

  function control(action, method) {
    var url = data.controlBase + (action ? '/' + action : '');
    return fetch(url, { method: method || 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) {
        return res.json().catch(function () { return null; }).then(function (body) {
          if (!res.ok) {
            var detail = body && (body.detail || body.error || body.message);
            throw new Error(typeof detail === 'string' ? detail : 'The sandbox answered ' + res.status + '.');
          }
          return body && body.checkout;
        });
      });
  }

  function setBusy(button, on, label) {
    busy = on;
    var buttons = root.querySelectorAll('[data-action]');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = on;
    button.setAttribute('aria-busy', on ? 'true' : 'false');
    var text = button.querySelector('[data-label]');
    if (on) { button.setAttribute('data-idle-label', text.textContent); text.textContent = label; }
    else if (button.hasAttribute('data-idle-label')) text.textContent = button.getAttribute('data-idle-label');
  }

  function showError(err) {
    // fetch rejects with a TypeError only when no answer came at all.
    var message = err instanceof TypeError ? 'Could not reach the sandbox. Is it still running?' : err && err.message ? err.message : 'Something went wrong.';
    errorBox.textContent = message + (/[.!?]$/.test(message) ? '' : '.') + ' Try again.';
    errorBox.hidden = false;
  }

  function act(button, action, label, onDone) {
    if (busy || settled) return;
    errorBox.hidden = true;
    setBusy(button, true, label);
    control(action).then(function (checkout) {
      setBusy(button, false);
      onDone(checkout);
    }, function (err) {
      setBusy(button, false);
      showError(err);
    });
  }

  var payButton = document.getElementById('pf-pay-button');
  var cancelButton = document.getElementById('pf-cancel-button');
  if (payButton) payButton.addEventListener('click', function () {
    act(payButton, 'pay', 'Confirming payment…', function (checkout) {
      if (!checkout || checkout.status === 'complete') return finish('complete');
      applyCheckout(checkout);
      if (!settled) showError(new Error('The checkout is ' + checkout.status + ' and was not paid.'));
    });
  });
  if (cancelButton) cancelButton.addEventListener('click', function () {
    act(cancelButton, 'cancel', 'Cancelling…', function (checkout) {
      if (checkout && checkout.status === 'complete') return finish('complete');
      finish('cancelled');
    });
  });

  var copyButtons = root.querySelectorAll('[data-copy]');
  for (var c = 0; c < copyButtons.length; c++) (function (button) {
    var label = button.querySelector('[data-label]');
    var what = button.getAttribute('data-copy-what') === 'amount' ? 'Amount' : 'Address';
    var resetHandle = null;
    button.addEventListener('click', function () {
      copyText(button.getAttribute('data-copy')).then(function () {
        button.setAttribute('data-copied', 'true');
        label.textContent = 'Copied';
        announce(what + ' copied');
      }, function () {
        var target = button.parentNode.firstElementChild;
        var range = document.createRange();
        range.selectNodeContents(target);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        announce('Copying is blocked here. ' + what + ' selected: press Control C, or Command C, to copy.');
      });
      clearTimeout(resetHandle);
      resetHandle = setTimeout(function () { button.removeAttribute('data-copied'); label.textContent = 'Copy'; }, 2000);
    });
  })(copyButtons[c]);

  function remaining() { return data.expiresMs - (Date.now() + skew); }

  function format(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return (h > 0 ? h + ':' : '') + pad(m) + ':' + pad(s);
  }

  function spoken(ms) {
    var minutes = Math.round(ms / 60000);
    return ms >= 60000 ? minutes + (minutes === 1 ? ' minute' : ' minutes') + ' left to pay.' : 'Less than a minute left to pay.';
  }

  function tick() {
    if (settled || typeof data.expiresMs !== 'number') return;
    var left = remaining();
    if (countdown) countdown.textContent = format(left);
    if (timer) timer.setAttribute('data-urgent', left < 60000 ? 'true' : 'false');
    if (fill && typeof data.createdMs === 'number' && data.expiresMs > data.createdMs) {
      var fraction = Math.min(1, Math.max(0, left / (data.expiresMs - data.createdMs)));
      fill.style.transform = 'scaleX(' + fraction.toFixed(4) + ')';
    }
    // The timer itself is silent (role=timer); speak only at a few milestones.
    var marks = [600000, 300000, 60000];
    for (var i = 0; i < marks.length; i++) {
      if (left <= marks[i] && left > marks[i] - 5000 && !announced[marks[i]]) { announced[marks[i]] = true; announce(spoken(left)); }
    }
    if (left <= 0) expire();
  }

  function expire() {
    if (settled || busy) return;
    busy = true;
    control('expire').then(function (checkout) { busy = false; applyCheckout(checkout); finish('expired'); },
      function () { busy = false; finish('expired'); });
  }

  function poll() {
    if (settled || busy || polling) return;
    polling = true;
    control('', 'GET').then(function (checkout) { polling = false; applyCheckout(checkout); }, function () { polling = false; });
  }

  function stop() {
    clearInterval(tickHandle);
    clearInterval(pollHandle);
  }

  // The DOM is parsed and the page works: a parent modal may show it now rather than at load,
  // which also waits for every subresource (none here; the live page may have images and fonts).
  post('checkout.ready');
  if (settled) {
    // Opened on a checkout that is already over: tell the parent frame, navigate nowhere.
    notifyParent(data.status);
  } else {
    tick();
    tickHandle = setInterval(tick, 1000);
    pollHandle = setInterval(poll, 2000);
    // A shopper coming back from a wallet app should see the result at once, not in 2 s.
    window.addEventListener('focus', poll);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) poll(); });
  }
})();
`
