/**
 * The pages Payfect sends the shopper back to (`success_url`, `cancel_url`).
 * They live on the shop's own origin, so when the checkout runs in the modal's
 * frame, `@payfect/react` can see the frame land here and close the modal. Shown
 * as a full page (redirect mode) they lead back to the shop, which then reads
 * the order's status from the server: landing here proves nothing, only the
 * verified callback marks an order paid.
 */

type Outcome = 'success' | 'cancel'

// index.html's icon, inline: no /favicon.ico request, so no 404 in the shopper's console (a popup's included).
const icon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Cdefs%3E%3ClinearGradient id='g' x1='0' y1='0' x2='1' y2='1'%3E%3Cstop offset='0' stop-color='%237c6cff'/%3E%3Cstop offset='1' stop-color='%2322c3a6'/%3E%3C/linearGradient%3E%3C/defs%3E%3Crect width='32' height='32' rx='9' fill='url(%23g)'/%3E%3Cpath d='M11 23V9h6.5a4.5 4.5 0 0 1 0 9H11' fill='none' stroke='white' stroke-width='3' stroke-linecap='round' stroke-linejoin='round'/%3E%3C/svg%3E"

const copy: Record<Outcome, { title: string; lead: string; icon: string }> = {
  success: {
    title: 'Payment sent',
    lead: 'Thank you! Your order turns paid as soon as Payfect’s signed confirmation reaches the shop.',
    icon: '<path d="M7 12.5l3.2 3.2L17 9" />',
  },
  cancel: {
    title: 'Checkout cancelled',
    lead: 'No payment was taken. Your cart is still waiting for you.',
    icon: '<path d="M8.5 8.5l7 7M15.5 8.5l-7 7" />',
  },
}

export function checkoutReturnPage(outcome: Outcome): string {
  const { title, lead, icon: mark } = copy[outcome]
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>${title} · Payfect Demo Shop</title>
<link rel="icon" href="${icon}" />
<style>
  :root { color-scheme: light dark; --bg: #f7f7fb; --card: #fff; --text: #16151d; --muted: #5d5b6b; --accent: ${outcome === 'success' ? '#0f9f6e' : '#6b6880'}; --ring: #5b4cf0; }
  @media (prefers-color-scheme: dark) { :root { --bg: #0f0e16; --card: #1a1924; --text: #f1f0f7; --muted: #a9a6ba; --accent: ${outcome === 'success' ? '#34d399' : '#a9a6ba'}; --ring: #8f85ff; } }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 24px; background: var(--bg); color: var(--text);
         font: 16px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 420px; width: 100%; text-align: center; background: var(--card); border-radius: 20px; padding: 36px 28px;
         box-shadow: 0 1px 2px rgb(0 0 0 / .06), 0 12px 40px rgb(20 16 60 / .10); }
  svg { width: 56px; height: 56px; padding: 12px; border-radius: 50%; stroke: var(--accent); fill: none; stroke-width: 2.2;
        stroke-linecap: round; stroke-linejoin: round; background: color-mix(in srgb, var(--accent) 14%, transparent); }
  h1 { font-size: 1.4rem; margin: 16px 0 6px; letter-spacing: -0.01em; }
  p { margin: 0 0 22px; color: var(--muted); }
  a, button { display: inline-block; font: inherit; font-weight: 600; color: #fff; background: var(--ring); border: 0; border-radius: 999px;
              padding: 10px 20px; text-decoration: none; cursor: pointer; }
  a:focus-visible, button:focus-visible { outline: 3px solid color-mix(in srgb, var(--ring) 45%, transparent); outline-offset: 2px; }
  [hidden] { display: none; }
</style>
</head>
<body>
<main>
  <svg viewBox="0 0 24 24" aria-hidden="true">${mark}</svg>
  <h1>${title}</h1>
  <p>${lead}</p>
  <a id="back" href="/?checkout=${outcome}">Back to the shop</a>
  <button id="close" type="button" hidden>Close this window</button>
</main>
<script>
  // In the modal's frame the shop closes the modal itself; in a popup, offer to close it;
  // as a full page (redirect mode), go back to the shop, which shows the order's status.
  // (An IIFE: a top-level \`var close\` would replace window.close, which the opener calls.)
  ;(function () {
    var framed = window.top !== window.self
    var back = document.getElementById('back')
    if (framed) {
      back.target = '_top'
    } else if (window.opener) {
      back.hidden = true
      var closeButton = document.getElementById('close')
      closeButton.hidden = false
      closeButton.addEventListener('click', function () { window.close() })
    } else {
      setTimeout(function () { location.replace('/?checkout=${outcome}') }, 2500)
    }
  })()
</script>
</body>
</html>
`
}
