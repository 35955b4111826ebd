// A server sends the same few URLs (success, cancel, callback, images) on every call: each
// good one is parsed once and remembered (a bounded set, so varied URLs cannot grow it).
const webUrls = new Set<string>()

/** True for an absolute `http:` or `https:` URL. */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  if (webUrls.has(value)) return true
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) return false
  if (webUrls.size >= 64) webUrls.clear()
  webUrls.add(value)
  return true
}
