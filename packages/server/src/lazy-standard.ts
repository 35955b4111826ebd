// The trick behind toNodeHandler's lighter Request, Headers and Response: a class that
// answers a few properties itself and hands every other property and method of the
// standard class to a standard object it builds on first use. `instanceof` the standard
// class holds.

/** Gives `Light` every property of `Standard.prototype` it lacks (symbol-keyed ones too), answered by `standard(this)`. */
export function delegateToStandard<T extends object>(Light: { prototype: T }, Standard: { prototype: object }, standard: (self: T) => object): void {
  Object.setPrototypeOf(Light.prototype, Standard.prototype)
  for (const name of Reflect.ownKeys(Standard.prototype)) {
    if (name === 'constructor' || Object.hasOwn(Light.prototype, name)) continue
    const property = Object.getOwnPropertyDescriptor(Standard.prototype, name)!
    if (property.get) {
      Object.defineProperty(Light.prototype, name, {
        configurable: true,
        get(this: T) {
          return (standard(this) as Record<PropertyKey, unknown>)[name]
        },
      })
    } else if (typeof property.value === 'function') {
      Object.defineProperty(Light.prototype, name, {
        configurable: true,
        writable: true,
        value(this: T, ...args: unknown[]) {
          const target = standard(this) as Record<PropertyKey, (...args: unknown[]) => unknown>
          return target[name]!.apply(target, args)
        },
      })
    }
  }
}
