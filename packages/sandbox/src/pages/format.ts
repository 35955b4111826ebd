import type { CheckoutView } from '../api-types'

/**
 * Groups the integer part of a decimal string in thousands without going through a
 * float, so `"1234567.10"` shows as `"1,234,567.10"` and no digit is ever lost.
 */
export function formatAmount(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim())
  if (!match) return amount
  const [, sign = '', whole = '', fraction = ''] = match
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + fraction
}

/** `usdt` → `USDT`. */
export function currencyCode(currency: string): string {
  return currency.toUpperCase()
}

/** The network the shopper must send on, from `paymentMethodOptions`; Tron (TRC20) when the API leaves it out. */
export function networkName(checkout: CheckoutView): string {
  const crypto = checkout.paymentMethodOptions?.crypto ?? []
  const option = crypto.find((c) => c.currency.value === checkout.currency) ?? crypto[0]
  return option?.networks[0]?.name ?? 'Tron (TRC20)'
}

/** The currency's long name (`Tether`), when the API gives it. */
export function currencyName(checkout: CheckoutView): string {
  const crypto = checkout.paymentMethodOptions?.crypto ?? []
  const option = crypto.find((c) => c.currency.value === checkout.currency)
  return option?.currency.name ?? (checkout.currency.toLowerCase() === 'usdt' ? 'Tether' : currencyCode(checkout.currency))
}

/**
 * Reads a Payfect timestamp into Unix milliseconds: Unix seconds with a fraction
 * (`createdAt`), Unix milliseconds (`expiresAt`) or ISO-8601 (`expiresAt` too).
 * Never throws: a page must still render around a value it cannot read.
 */
export function timeMs(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text)
    // 1e11 seconds is the year 5138 and 1e11 milliseconds is 1973, so size tells them apart.
    return n >= 1e11 ? Math.trunc(n) : Math.round(n * 1000)
  }
  const iso = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || !/T|\d:\d/.test(text) ? text : `${text}Z`
  const ms = Date.parse(iso.replace(' ', 'T'))
  return Number.isNaN(ms) ? undefined : ms
}

/** `"2026-11-26 22:42:10 UTC"` */
export function formatUtc(ms: number | undefined): string {
  const iso = isoTime(ms)
  if (!iso) return '—'
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
}

/** ISO-8601 for a `<time datetime>`, or `''` for a time that cannot be read. */
export function isoTime(ms: number | undefined): string {
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : ''
}

/** `"in 29 min"`, `"3 h ago"`, `"just now"` — coarse on purpose, for a table. */
export function formatRelative(ms: number | undefined, nowMs: number): string {
  if (ms === undefined || !Number.isFinite(ms)) return ''
  const diff = ms - nowMs
  const abs = Math.abs(diff)
  if (abs < 45_000) return diff >= 0 ? 'in under a minute' : 'just now'
  const [n, unit] = abs < 3_600_000 ? [Math.round(abs / 60_000), 'min'] : abs < 86_400_000 ? [Math.round(abs / 3_600_000), 'h'] : [Math.round(abs / 86_400_000), 'd']
  return diff >= 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`
}

/** `29:59` or `1:04:05` for a countdown; zero once past. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  return `${h > 0 ? `${h}:` : ''}${mm.padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

/** Splits an address into groups of four so a shopper can compare it at a glance. */
export function chunk(text: string, size = 4): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}
