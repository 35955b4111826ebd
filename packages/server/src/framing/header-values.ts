/**
 * Fetch's "get, decode, and split" (https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split):
 * the values of a header, repeated headers and comma-joined ones alike, split on commas outside
 * double-quoted strings and trimmed of tabs and spaces. `null` when the header is absent.
 *
 * A `Headers` object already joins repeated headers with ", ", so this sees them as one list.
 */
export function getDecodeSplit(headers: Headers, name: string): string[] | null {
  const input = headers.get(name)
  if (input === null) return null
  const values: string[] = []
  let value = ''
  let position = 0
  while (true) {
    const stop = nextQuoteOrComma(input, position)
    value += input.slice(position, stop)
    position = stop
    if (input[position] === '"') {
      const end = quotedStringEnd(input, position)
      value += input.slice(position, end)
      position = end
      if (position < input.length) continue
    }
    values.push(value.replace(/^[\t ]+|[\t ]+$/g, ''))
    value = ''
    if (position >= input.length) return values
    position += 1 // past the comma
  }
}

function nextQuoteOrComma(input: string, from: number): number {
  for (let i = from; i < input.length; i++) if (input[i] === '"' || input[i] === ',') return i
  return input.length
}

// "Collect an HTTP quoted string" with extract-value false: the quotes and escapes stay in.
function quotedStringEnd(input: string, start: number): number {
  let position = start + 1
  while (position < input.length) {
    const char = input[position]
    if (char === '\\') position += 2
    else if (char === '"') return position + 1
    else position += 1
  }
  return Math.min(position, input.length)
}
