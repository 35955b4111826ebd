// Regenerates Storybook's stand-ins for the hosted checkout page from the sandbox's
// own renderer, so the embedded page looks exactly like `pnpm dev`'s:
//
//   pnpm mock-checkout            (CI runs it with --check, so the files never drift)
//
// It writes stories/public/mock-checkout{,-complete,-expired}.html (committed, so a
// fresh clone builds Storybook without running this). Each file is the sandbox page
// rendered around placeholders, plus a small script that fills them from the query
// (?id=&amount=&merchant=&item=&items=&expiresAt=&theme=&locale=&successUrl=&cancelUrl=; the currency is USDT;
// items is a JSON list of { name, quantity, unit, amount } lines, for orders of more than one) and
// answers the page's control requests in the browser instead of the sandbox server.
import type { Checkout } from '../../packages/server/src/types'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderCheckoutPage } from '../../packages/sandbox/src/pages/checkout-page'
import { depositAddressFor } from '../../packages/sandbox/src/tron-address'
import { mockCheckoutZhTW } from './mock-checkout-strings'

const out = join(import.meta.dirname, '..', 'public')
// `--check`: write nothing, fail when a committed file differs from what the sandbox renders now.
const check = process.argv.includes('--check')
const stale: string[] = []
const placeholder = { merchant: 'PFMERCHANT', amount: 'PFAMOUNT', item: 'PFITEM', id: 'PFCHECKOUTID' }
const controlBase = '/__payfect-mock__'

// A fixed render time keeps the generated files byte-for-byte reproducible (`--check`);
// the shim below sets the real clock and expiry in the browser.
const RENDERED_AT = Date.UTC(2026, 0, 1)

function template(status: Checkout['status']): Checkout {
  const now = RENDERED_AT
  return {
    id: placeholder.id,
    merchant: { id: 'merchant_mock', name: placeholder.merchant },
    nameCollection: false,
    emailCollection: false,
    phoneNumberCollection: false,
    shippingAddressCollection: null,
    invoiceItems: [
      {
        id: 'item_mock',
        price: 'price_mock',
        priceData: {
          id: 'price_mock',
          product: 'product_mock',
          productData: { id: 'product_mock', name: placeholder.item, description: null, images: [] },
          currency: 'usdt',
          unitAmount: placeholder.amount,
        },
        quantity: 1,
        amount: placeholder.amount,
      },
    ],
    amountTotal: placeholder.amount,
    status,
    createdAt: String(now / 1000),
    updatedAt: String(now / 1000),
    clientReferenceId: null,
    currency: 'usdt',
    successUrl: null,
    cancelUrl: null,
    expiresAt: String(now + 30 * 60_000),
    paymentIntent: null,
    paymentMethodTypes: ['crypto'],
    paymentMethodOptions: {
      crypto: [{ currency: { value: 'usdt', name: 'Tether', logo: '' }, networks: [{ value: 'tron', name: 'Tron (TRC20)' }] }],
      card: null,
    },
    url: 'about:blank',
    metadata: null,
    isLivemode: false,
  }
}

/** `@media (prefers-color-scheme: dark) { … }` blocks, repeated under `:root[data-theme="dark"]` so `?theme=dark` forces them. */
function forcedDarkRules(css: string): string {
  const rules: string[] = []
  const opener = '@media (prefers-color-scheme: dark)'
  for (let at = css.indexOf(opener); at !== -1; at = css.indexOf(opener, at + 1)) {
    const start = css.indexOf('{', at)
    let depth = 0
    let end = start
    for (; end < css.length; end++) {
      if (css[end] === '{') depth++
      else if (css[end] === '}' && --depth === 0) break
    }
    const body = css.slice(start + 1, end)
    for (const match of body.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const selectors = match[1]!.split(',').map((selector) => {
        const s = selector.trim()
        return s === ':root' ? ':root[data-theme="dark"]' : `:root[data-theme="dark"] ${s}`
      })
      rules.push(`${selectors.join(', ')} {${match[2]}}`)
    }
  }
  if (rules.length === 0) throw new Error('No dark-scheme rules found in the sandbox page: has its CSS changed? Update forcedDarkRules.')
  return rules.join('\n')
}

// Whole-text patterns for the shim: an exact string is escaped, a `^…$` entry is a pattern already.
const zhTW = mockCheckoutZhTW.map(([english, chinese]) => [english.startsWith('^') ? english : `^${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, chinese])

// Runs before the sandbox's own script, which reads #pf-data when it starts.
const shim = /* js */ `
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var values = {
    ${placeholder.merchant}: query.get('merchant') || 'Acme Store',
    ${placeholder.amount}: query.get('amount') || '20.50',
    ${placeholder.item}: query.get('item') || 'Order',
    ${placeholder.id}: query.get('id') || 'cs_mock'
  };
  var pattern = /${Object.values(placeholder).join('|')}/g;
  var fill = function (text) { return text.replace(pattern, function (key) { return values[key]; }); };
  if (query.get('theme') === 'dark') document.documentElement.setAttribute('data-theme', 'dark');
  if (query.get('theme') === 'light') document.documentElement.setAttribute('data-theme', 'light');

  document.title = fill(document.title);
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (pattern.test(node.nodeValue)) node.nodeValue = fill(node.nodeValue);
    pattern.lastIndex = 0;
  }
  var all = document.body.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    for (var j = 0; j < all[i].attributes.length; j++) {
      var attribute = all[i].attributes[j];
      if (attribute.value.indexOf('PF') !== -1) attribute.value = fill(attribute.value);
    }
  }
  // The initials the sandbox drew from the placeholders.
  var initials = [['.pf-avatar', values.${placeholder.merchant}], ['.pf-item__thumb', values.${placeholder.item}]];
  for (var k = 0; k < initials.length; k++) {
    var tile = document.querySelector(initials[k][0]);
    if (tile) tile.textContent = initials[k][1].charAt(0).toUpperCase();
  }

  // ?items=[{ name, quantity, unit, amount }]: one order line each, drawn from the page's own line.
  var lines = query.get('items') ? JSON.parse(query.get('items')) : null;
  var list = document.querySelector('.pf-items');
  var line = list && list.querySelector('.pf-item');
  if (lines && line) {
    list.textContent = '';
    for (var n = 0; n < lines.length; n++) {
      var row = line.cloneNode(true);
      row.querySelector('.pf-item__name').textContent = lines[n].name;
      row.querySelector('.pf-item__qty').textContent = 'Qty ' + lines[n].quantity + ' × ' + lines[n].unit + ' USDT';
      row.querySelector('.pf-item__amount').textContent = lines[n].amount + ' USDT';
      row.querySelector('.pf-item__thumb').textContent = lines[n].name.charAt(0).toUpperCase();
      list.appendChild(row);
    }
  }

  var dataNode = document.getElementById('pf-data');
  var data = JSON.parse(dataNode.textContent);
  var id = values.${placeholder.id};
  var expiresAt = Number(query.get('expiresAt')) || Date.now() + 30 * 60000;
  data.id = id;
  data.merchant = values.${placeholder.merchant};
  data.nowMs = Date.now();
  data.expiresMs = expiresAt;
  data.createdMs = Math.min(Date.now(), expiresAt - 60000);
  data.successUrl = query.get('successUrl');
  data.cancelUrl = query.get('cancelUrl');
  dataNode.textContent = JSON.stringify(data);

  // ?locale=zh-TW: the page's words swapped for Traditional Chinese (mock-checkout-strings.ts), now and as they change.
  if (query.get('locale') === 'zh-TW') {
    document.documentElement.lang = 'zh-TW';
    var translations = ${JSON.stringify(zhTW)}.map(function (entry) { return [new RegExp(entry[0]), entry[1]]; });
    var translate = function (text) {
      var core = text.trim();
      for (var t = 0; core && t < translations.length; t++) {
        if (translations[t][0].test(core)) {
          var swapped = core.replace(translations[t][0], translations[t][1]);
          return text.replace(core, function () { return swapped; });
        }
      }
      return text;
    };
    var fix = function (node) {
      var next = translate(node.nodeValue);
      if (next !== node.nodeValue) node.nodeValue = next;
    };
    var walk = function (root) {
      var texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (var text = texts.nextNode(); text; text = texts.nextNode()) fix(text);
      var labelled = root.querySelectorAll('[aria-label], [title]');
      for (var l = 0; l < labelled.length; l++) {
        for (var name of ['aria-label', 'title']) {
          if (labelled[l].hasAttribute(name)) labelled[l].setAttribute(name, translate(labelled[l].getAttribute(name)));
        }
      }
    };
    document.title = translate(document.title);
    walk(document.body);
    new MutationObserver(function (records) {
      for (var r = 0; r < records.length; r++) {
        if (records[r].type === 'characterData') fix(records[r].target);
        records[r].addedNodes.forEach(function (node) {
          if (node.nodeType === Node.TEXT_NODE) fix(node);
          else if (node.nodeType === Node.ELEMENT_NODE) walk(node);
        });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }

  // The sandbox server's control endpoints, answered here. The status is kept in
  // localStorage, where Storybook's mocked merchant reads it for status polling.
  var key = 'payfect-mock-checkout:' + id;
  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : input.url;
    if (url.indexOf('${controlBase}') !== 0) return nativeFetch(input, init);
    var action = url.slice('${controlBase}'.length).replace(/^\\//, '');
    var status = localStorage.getItem(key) || data.status;
    if (status === 'open' && action === 'pay') status = 'complete';
    if (status === 'open' && action === 'expire') status = 'expired';
    localStorage.setItem(key, status);
    var body = JSON.stringify({ checkout: { id: id, status: status } });
    return new Promise(function (resolve) {
      setTimeout(function () { resolve(new Response(body, { headers: { 'content-type': 'application/json' } })); }, action ? 250 : 0);
    });
  };
  // In a popup there is no parent frame: \`parent\` is replaceable, so point it at the
  // opener and the page tells the store about the outcome as it does from a frame.
  if (window.opener && window.parent === window) window.parent = window.opener;
})();
`

for (const status of ['open', 'complete', 'expired'] as const) {
  const page = await renderCheckoutPage({
    checkout: template(status),
    depositAddress: depositAddressFor('storybook-mock-checkout'),
    nowMs: RENDERED_AT,
    controlBase,
  })
  const styleEnd = page.indexOf('</style>')
  const dataAt = page.indexOf('<script type="application/json" id="pf-data">')
  if (styleEnd === -1 || dataAt === -1) throw new Error('The sandbox page no longer has its <style> or #pf-data script: update this generator.')
  const css = page.slice(page.indexOf('<style>') + 7, styleEnd)
  const scriptAt = page.indexOf('<script>', dataAt)
  const html = [
    page.slice(0, styleEnd),
    `\n/* Storybook: ?theme=dark forces the dark scheme. */\n${forcedDarkRules(css)}\n`,
    page.slice(styleEnd, scriptAt),
    `<script>${shim}</script>\n`,
    page.slice(scriptAt),
  ]
    .join('')
    .replace('<html lang="en">', '<html lang="en">\n<!-- Generated by stories/support/generate-mock-checkout.ts from the sandbox\'s checkout page. Do not edit. -->')
  const file = join(out, status === 'open' ? 'mock-checkout.html' : `mock-checkout-${status}.html`)
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== html) stale.push(file)
  } else {
    writeFileSync(file, html)
    console.info(`wrote ${file}`)
  }
}
if (stale.length > 0) {
  console.error(`Out of date with the sandbox's checkout page: ${stale.join(', ')}.\nRegenerate: pnpm mock-checkout`)
  process.exit(1)
}
