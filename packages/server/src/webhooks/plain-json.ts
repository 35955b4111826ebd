/**
 * Why a JSON text is not the plain JSON a callback is, or `undefined`: a key given twice in
 * one object, an own `__proto__` key, or an integer beyond `Number.MAX_SAFE_INTEGER` (which
 * `JSON.parse` would silently round). Validity itself is left to `JSON.parse`.
 */
export function jsonTextProblem(text: string): string | undefined {
  const objects: Array<Set<string> | null> = []
  let key = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') {
      let end = i + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      const keys = objects.at(-1)
      if (keys && key) {
        let name: string
        try {
          name = JSON.parse(text.slice(i, end + 1)) as string
        } catch {
          return undefined // not JSON at all: JSON.parse says so
        }
        if (name === '__proto__') return 'it has a `__proto__` key'
        if (keys.has(name)) return `the key ${JSON.stringify(name.slice(0, 40))} appears twice in one object`
        keys.add(name)
        key = false
      }
      i = end
    } else if (c === '{') {
      objects.push(new Set())
      key = true
    } else if (c === '[') objects.push(null)
    else if (c === '}' || c === ']') objects.pop()
    else if (c === ',') key = objects.at(-1) instanceof Set
    else if (c === '-' || (c >= '0' && c <= '9')) {
      const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))?.[0] ?? c
      if (!/[.eE]/.test(number) && !Number.isSafeInteger(Number(number))) return `the integer ${number.slice(0, 30)} is beyond the safe range`
      i += number.length - 1
    }
  }
  return undefined
}

/** The same checks on a value a body parser already made (`express.json()`): only plain JSON data. */
export function jsonValueProblem(value: unknown, depth = 0): string | undefined {
  if (depth > 64) return 'it is nested too deeply'
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'it holds a number JSON cannot carry'
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? `the integer ${value} is beyond the safe range` : undefined
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonValueProblem(item, depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  if (typeof value !== 'object') return `it holds a ${typeof value}`
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return 'it holds an object that is not plain JSON data'
  if (Object.hasOwn(value, '__proto__')) return 'it has a `__proto__` key'
  for (const item of Object.values(value)) {
    const problem = jsonValueProblem(item, depth + 1)
    if (problem) return problem
  }
  return undefined
}
