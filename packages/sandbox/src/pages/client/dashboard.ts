// The dashboard's behaviour, bundled into the page as one plain script. It refreshes by
// fetching its own URL and swapping the checkouts table, so the server renders one markup for both.
import { copyText } from './clipboard'

const main = document.getElementById('pf-dash')!
const controlRoot = main.getAttribute('data-control-root') ?? ''
const deliveryRoot = main.getAttribute('data-delivery-root') ?? ''
const toast = document.getElementById('pf-toast')!
const autoRefresh = document.getElementById('pf-auto-refresh') as HTMLInputElement
let busy = false
let refreshing = false
let toastHandle: number | undefined

function say(text: string): void {
  toast.textContent = text
  toast.hidden = false
  clearTimeout(toastHandle)
  toastHandle = window.setTimeout(() => {
    toast.hidden = true
  }, 4000)
}

/** The error a control answered with, from its DRF-shaped body. */
function answered(res: Response): Promise<void> {
  return res
    .json()
    .catch(() => null)
    .then((body: { detail?: string; error?: string } | null) => {
      if (!res.ok) throw new Error((body && (body.detail || body.error)) || `The sandbox answered ${res.status}.`)
    })
}

function refresh(): Promise<void> {
  if (refreshing) return Promise.resolve()
  refreshing = true
  return fetch(window.location.href, { headers: { accept: 'text/html' }, cache: 'no-store' })
    .then((res) => {
      if (!res.ok) throw new Error(`status ${res.status}`)
      return res.text()
    })
    .then(
      (text) => {
        refreshing = false
        const parsed = new DOMParser().parseFromString(text, 'text/html')
        const next = parsed.getElementById('pf-dash-checkouts')
        const current = document.getElementById('pf-dash-checkouts')
        if (!next || !current || next.innerHTML === current.innerHTML) return
        // Keep keyboard focus where it was: the new markup has the same ids.
        const focused = document.activeElement && document.activeElement.id
        // Keep each row's chosen callback rehearsal: the server renders the default.
        const modes = new Map<string, string>()
        for (const select of Array.from(current.querySelectorAll<HTMLSelectElement>('select[data-mode-for]'))) modes.set(select.id, select.value)
        current.innerHTML = next.innerHTML
        for (const [id, value] of modes) {
          const select = document.getElementById(id) as HTMLSelectElement | null
          if (select) select.value = value
        }
        const title = document.querySelector('#pf-checkouts-title .pf-muted')
        const nextTitle = parsed.querySelector('#pf-checkouts-title .pf-muted')
        if (title && nextTitle) title.textContent = nextTitle.textContent
        if (focused) {
          let again = document.getElementById(focused) as HTMLElement | null
          // A button that just did its job is often disabled now (Pay on a paid checkout): move to its row's next action.
          if (again instanceof HTMLButtonElement && again.disabled) {
            const row = again.closest('tr')
            again = row && (row.querySelector<HTMLElement>('button:not([disabled])') || row.querySelector<HTMLElement>('a'))
          }
          if (again) again.focus()
        }
      },
      () => {
        refreshing = false
      },
    )
}

function copy(target: HTMLElement, text: string): void {
  copyText(text).then(
    () => {
      target.setAttribute('data-copied', 'true')
      const label = target.querySelector('[data-label]')
      if (label) label.textContent = 'Copied'
      say('Copied to the clipboard.')
      window.setTimeout(() => {
        target.removeAttribute('data-copied')
        if (label) label.textContent = 'Copy'
      }, 2000)
    },
    () => say('Copying is blocked here: select the text and press Control C, or Command C.'),
  )
}

const DONE: Record<string, (id: string) => string> = {
  pay: (id) => `Paid checkout ${id}.`,
  expire: (id) => `Expired checkout ${id}.`,
  resend: (id) => `Resent the callback for checkout ${id}.`,
  deliver: (id) => `Delivered the held callback for checkout ${id}.`,
  replay: (id) => `Replayed delivery ${id}.`,
}

main.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button') : null
  if (!target) return
  const text = target.getAttribute('data-copy')
  if (text !== null) return copy(target, text)
  const action = target.getAttribute('data-action')
  const id = target.getAttribute('data-id')
  const deliveryId = target.getAttribute('data-delivery-id')
  if (!action || busy) return
  let url: string
  if (action === 'replay' && deliveryId) {
    url = `${deliveryRoot}${encodeURIComponent(deliveryId)}/replay`
  } else if (id) {
    url = `${controlRoot}${encodeURIComponent(id)}/${action}`
    const mode = document.getElementById(`pf-mode-${id}`) as HTMLSelectElement | null
    if ((action === 'pay' || action === 'resend') && mode && mode.value !== 'send') url += `?callback=${encodeURIComponent(mode.value)}`
  } else {
    return
  }
  busy = true
  target.setAttribute('aria-busy', 'true')
  fetch(url, { method: 'POST', headers: { accept: 'application/json' }, cache: 'no-store' })
    .then(answered)
    .then(() => say(DONE[action]?.((action === 'replay' ? deliveryId : id) ?? '') ?? 'Done.'))
    .catch((err: Error) => say(err.message))
    .then(() => {
      busy = false
      target.removeAttribute('aria-busy')
      return refresh()
    })
})

const framing = document.getElementById('pf-framing') as HTMLSelectElement | null
framing?.addEventListener('change', () => {
  const value = framing.value
  fetch(`${framing.getAttribute('data-settings-root')}?framing=${encodeURIComponent(value)}`, { method: 'POST', headers: { accept: 'application/json' }, cache: 'no-store' })
    .then(answered)
    .then(() => say(value === 'allow' ? 'The hosted page may be framed by any shop.' : 'The hosted page now refuses to be framed by a shop.'))
    .catch((err: Error) => say(err.message))
})

const callbackAmount = document.getElementById('pf-callback-amount') as HTMLSelectElement | null
callbackAmount?.addEventListener('change', () => {
  const value = callbackAmount.value
  fetch(`${callbackAmount.getAttribute('data-settings-root')}?callbackAmount=${encodeURIComponent(value)}`, { method: 'POST', headers: { accept: 'application/json' }, cache: 'no-store' })
    .then(answered)
    .then(() => say(value === 'usdt' ? 'Fiat callbacks now report the USDT paid.' : 'Fiat callbacks now report the fiat total.'))
    .catch((err: Error) => say(err.message))
})

window.setInterval(() => {
  if (!busy && autoRefresh.checked && !document.hidden) void refresh()
}, 3000)
