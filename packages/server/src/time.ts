import { describe } from './describe'
import { PayfectAPIError } from './errors'

// Unix seconds with an optional fraction (`"1690532072.288761"`) or Unix milliseconds
// (`"1703939166000"`). Both are plain digit strings, told apart by size: 1e11 seconds
// is the year 5138, 1e11 milliseconds is 1973, so anything at or above is milliseconds.
const UNIX = /^(\d{1,16})(?:\.(\d{1,9}))?$/
const MS_THRESHOLD = 1e11
// ISO-8601 as Django and JavaScript write it; a space for `T` is what Python's str() gives.
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Parses a timestamp as the Payfect API returns it into a `Date`.
 *
 * Payfect writes times three ways: `createdAt`/`updatedAt` as Unix seconds with a
 * fraction (`"1690532072.288761"`), `expiresAt` as Unix milliseconds (`"1703939166000"`)
 * or as ISO-8601 (`"2023-12-30T12:26:06Z"`). An ISO time without an offset is read as UTC.
 * Sub-millisecond digits are truncated.
 *
 * @throws {PayfectAPIError} when the value is none of these (it is not what Payfect sends).
 * @example
 * parsePayfectTime(checkout.createdAt).toISOString() // '2023-07-28T08:14:32.288Z'
 * parsePayfectTime(checkout.expiresAt) < new Date()  // expired?
 */
export function parsePayfectTime(value: string): Date {
  const text = typeof value === 'string' ? value.trim() : value
  if (typeof text === 'string') {
    const date = parseUnix(text) ?? parseIso(text)
    if (date) return date
  }
  throw new PayfectAPIError({
    message: `parsePayfectTime: ${describe(value)} is not a Payfect timestamp (Unix seconds or ms, or ISO-8601); pass a \`createdAt\`, \`updatedAt\` or \`expiresAt\` as returned.`,
    raw: value,
  })
}

function parseUnix(text: string): Date | undefined {
  const match = UNIX.exec(text)
  if (!match) return undefined
  const whole = Number(match[1])
  const fraction = match[2] ?? ''
  // Milliseconds drop any fraction; seconds keep three digits of theirs, as a string, so no float rounding.
  const ms = whole >= MS_THRESHOLD ? whole : whole * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3))
  return valid(new Date(ms))
}

function parseIso(text: string): Date | undefined {
  const match = ISO.exec(text)
  if (!match) return undefined
  const [, date, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match
  const clock = `${date}T${hour}:${minute}:${second}`
  // Date.parse rolls 2023-02-30 over to March (and 24:00 to the next day); a real day and time are required.
  if (!valid(new Date(`${clock}Z`))?.toISOString().startsWith(clock)) return undefined
  return valid(new Date(clock + fraction + zone.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')))
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date
}
