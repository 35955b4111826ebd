/**
 * A fragment of HTML that is already safe to insert: the output of `html` or `raw`.
 * Anything else interpolated into `html` is escaped.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** A value `html` accepts: text (escaped), trusted HTML, or a list of either. Nullish and `false` render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[]

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch] ?? ch)
}

/**
 * Marks a string as trusted HTML so `html` inserts it unescaped. Only for fragments
 * the sandbox wrote itself (its CSS, its script, a QR code SVG) — never for API data.
 */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted)
}

/**
 * A tagged template that escapes every interpolated value unless it is `SafeHtml`.
 *
 * @example
 * html`<h1>${checkout.merchant.name}</h1>` // a name of `<b>` renders as text
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * Serialises data for an inline `<script type="application/json">`: `<` is escaped so
 * no `</script>` or `<!--` can end the element early, and U+2028/U+2029 so old
 * parsers that treat them as line ends cannot break it.
 */
export function jsonForScript(data: unknown): SafeHtml {
  const json = JSON.stringify(data) ?? 'null'
  return new SafeHtml(
    json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'),
  )
}
