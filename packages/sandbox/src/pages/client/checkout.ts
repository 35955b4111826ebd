// The hosted checkout page's behaviour, bundled into the page as one plain script.
// It reads its data from <script id="pf-data">, never from the markup.
import { copyText } from './clipboard'
import type { CheckoutPageData, PageStatus } from './page-data'

type Final = Exclude<PageStatus, 'open'>
interface CheckoutJson {
  status: string
}

const byId = <T extends HTMLElement = HTMLElement>(id: string): T | null => document.getElementById(id) as T | null

const data = JSON.parse(byId('pf-data')!.textContent ?? 'null') as CheckoutPageData
const root = byId('pf-checkout')!
const live = byId('pf-live')!
const errorBox = byId('pf-error')!
const countdown = byId('pf-countdown')
const timer = byId('pf-timer')
const fill = byId('pf-timer-fill')
let framed = false
try {
  framed = window.parent !== window
} catch {
  framed = true
}
// Count from the server's clock: a shopper's clock may be minutes off.
const skew = typeof data.nowMs === 'number' ? data.nowMs - Date.now() : 0
let settled = data.status !== 'open'
let busy = false
let polling = false
let tickHandle: number | undefined
let pollHandle: number | undefined
const announced: Record<number, boolean> = {}

function announce(text: string): void {
  live.textContent = text
}

function post(type: string | undefined): void {
  if (!framed || !type) return
  // Only the event and the checkout id, which the parent already knows: nothing secret, so '*' is safe.
  try {
    window.parent.postMessage({ source: data.messageSource, version: data.messageVersion, type, id: data.id }, '*')
  } catch {
    // A parent that went away cannot be told.
  }
}

function notifyParent(state: PageStatus): void {
  if (state !== 'open') post(data.messages[state])
}

function show(state: Final): void {
  root.setAttribute('data-status', state)
  const panels = root.querySelectorAll<HTMLElement>('[data-panel]')
  for (const panel of Array.from(panels)) panel.hidden = panel.getAttribute('data-panel') !== state
  const due = byId('pf-due-label')
  if (due && state === 'complete') due.textContent = 'Paid'
  const controls = byId('pf-sandbox')
  if (controls) controls.hidden = true
  const heading = root.querySelector<HTMLElement>(`[data-panel="${state}"] [data-focus]`)
  if (heading) heading.focus()
}

function finish(state: Final): void {
  if (settled) return
  settled = true
  stop()
  notifyParent(state)
  const url = state === 'complete' ? data.successUrl : state === 'cancelled' ? data.cancelUrl : null
  const hint = root.querySelector(`[data-panel="${state}"] [data-hint]`)
  if (url && hint) hint.textContent = `Taking you back to ${data.merchant}…`
  show(state)
  announce(state === 'complete' ? 'Payment received.' : state === 'expired' ? 'This checkout has expired.' : 'Checkout cancelled.')
  // Navigate this frame only: when framed, the merchant's SDK sees it land on its own origin.
  if (url) window.location.assign(url)
}

function applyCheckout(checkout: CheckoutJson | null): void {
  if (!checkout || settled) return
  if (checkout.status === 'complete') finish('complete')
  else if (checkout.status === 'expired') finish('expired')
}

function control(action: string, method = 'POST'): Promise<CheckoutJson | null> {
  const url = data.controlBase + (action ? `/${action}` : '')
  return fetch(url, { method, headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' }).then((res) =>
    res
      .json()
      .catch(() => null)
      .then((body: { checkout?: CheckoutJson; detail?: unknown; error?: unknown; message?: unknown } | null) => {
        if (!res.ok) {
          const detail = body && (body.detail || body.error || body.message)
          throw new Error(typeof detail === 'string' ? detail : `The sandbox answered ${res.status}.`)
        }
        return (body && body.checkout) || null
      }),
  )
}

function setBusy(button: HTMLElement, on: boolean, label?: string): void {
  busy = on
  for (const other of Array.from(root.querySelectorAll<HTMLButtonElement>('[data-action]'))) other.disabled = on
  button.setAttribute('aria-busy', on ? 'true' : 'false')
  const text = button.querySelector('[data-label]')!
  if (on) {
    button.setAttribute('data-idle-label', text.textContent ?? '')
    text.textContent = label ?? ''
  } else if (button.hasAttribute('data-idle-label')) {
    text.textContent = button.getAttribute('data-idle-label')
  }
}

function showError(err: unknown): void {
  // fetch rejects with a TypeError only when no answer came at all.
  const message =
    err instanceof TypeError ? 'Could not reach the sandbox. Is it still running?' : err instanceof Error && err.message ? err.message : 'Something went wrong.'
  errorBox.textContent = `${message}${/[.!?]$/.test(message) ? '' : '.'} Try again.`
  errorBox.hidden = false
}

function act(button: HTMLElement, action: string, label: string, onDone: (checkout: CheckoutJson | null) => void): void {
  if (busy || settled) return
  errorBox.hidden = true
  setBusy(button, true, label)
  control(action).then(
    (checkout) => {
      setBusy(button, false)
      onDone(checkout)
    },
    (err: unknown) => {
      setBusy(button, false)
      showError(err)
    },
  )
}

const payButton = byId('pf-pay-button')
const cancelButton = byId('pf-cancel-button')
payButton?.addEventListener('click', () => {
  act(payButton, 'pay', 'Confirming payment…', (checkout) => {
    if (!checkout || checkout.status === 'complete') return finish('complete')
    applyCheckout(checkout)
    if (!settled) showError(new Error(`The checkout is ${checkout.status} and was not paid.`))
  })
})
cancelButton?.addEventListener('click', () => {
  act(cancelButton, 'cancel', 'Cancelling…', (checkout) => {
    if (checkout && checkout.status === 'complete') return finish('complete')
    finish('cancelled')
  })
})

for (const button of Array.from(root.querySelectorAll<HTMLElement>('[data-copy]'))) {
  const label = button.querySelector('[data-label]')!
  const what = button.getAttribute('data-copy-what') === 'amount' ? 'Amount' : 'Address'
  let resetHandle: number | undefined
  button.addEventListener('click', () => {
    copyText(button.getAttribute('data-copy') ?? '').then(
      () => {
        button.setAttribute('data-copied', 'true')
        label.textContent = 'Copied'
        announce(`${what} copied`)
      },
      () => {
        const target = button.parentNode!.firstElementChild!
        const range = document.createRange()
        range.selectNodeContents(target)
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        announce(`Copying is blocked here. ${what} selected: press Control C, or Command C, to copy.`)
      },
    )
    clearTimeout(resetHandle)
    resetHandle = window.setTimeout(() => {
      button.removeAttribute('data-copied')
      label.textContent = 'Copy'
    }, 2000)
  })
}

function remaining(expiresMs: number): number {
  return expiresMs - (Date.now() + skew)
}

function format(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => (n < 10 ? '0' : '') + n
  return (h > 0 ? `${h}:` : '') + pad(m) + ':' + pad(s)
}

function spoken(ms: number): string {
  const minutes = Math.round(ms / 60000)
  return ms >= 60000 ? `${minutes}${minutes === 1 ? ' minute' : ' minutes'} left to pay.` : 'Less than a minute left to pay.'
}

function tick(): void {
  if (settled || typeof data.expiresMs !== 'number') return
  const left = remaining(data.expiresMs)
  if (countdown) countdown.textContent = format(left)
  if (timer) timer.setAttribute('data-urgent', left < 60000 ? 'true' : 'false')
  if (fill && typeof data.createdMs === 'number' && data.expiresMs > data.createdMs) {
    const fraction = Math.min(1, Math.max(0, left / (data.expiresMs - data.createdMs)))
    fill.style.transform = `scaleX(${fraction.toFixed(4)})`
  }
  // The timer itself is silent (role=timer); speak only at a few milestones.
  for (const mark of [600000, 300000, 60000]) {
    if (left <= mark && left > mark - 5000 && !announced[mark]) {
      announced[mark] = true
      announce(spoken(left))
    }
  }
  if (left <= 0) expire()
}

function expire(): void {
  if (settled || busy) return
  busy = true
  control('expire').then(
    (checkout) => {
      busy = false
      applyCheckout(checkout)
      finish('expired')
    },
    () => {
      busy = false
      finish('expired')
    },
  )
}

function poll(): void {
  if (settled || busy || polling) return
  polling = true
  control('', 'GET').then(
    (checkout) => {
      polling = false
      applyCheckout(checkout)
    },
    () => {
      polling = false
    },
  )
}

function stop(): void {
  clearInterval(tickHandle)
  clearInterval(pollHandle)
}

// The DOM is parsed and the page works: a parent modal may show it now rather than at load,
// which also waits for every subresource (none here; the live page may have images and fonts).
post(data.messages.ready)
if (settled) {
  // Opened on a checkout that is already over: tell the parent frame, navigate nowhere.
  notifyParent(data.status)
} else {
  tick()
  tickHandle = window.setInterval(tick, 1000)
  pollHandle = window.setInterval(poll, 2000)
  // A shopper coming back from a wallet app should see the result at once, not in 2 s.
  window.addEventListener('focus', poll)
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) poll()
  })
}
