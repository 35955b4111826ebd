import { useCallback, useEffect, useMemo, useState } from 'react'
import { findProduct } from '../catalog'
import type { CartLine } from './api'
import { CART_KEY as STORAGE_KEY } from './checkout-return'
import { formatMoney, sum, times } from './money'

const MAX_QUANTITY = 99

export interface CartRow extends CartLine {
  name: string
  unitAmount: string
  /** The product's currency (`usdt`, `TWD`). */
  currency: string
  /** `unitAmount × quantity`, exact. */
  amount: string
}

function load(): CartLine[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    if (!Array.isArray(saved)) return []
    return saved.filter(
      (line): line is CartLine =>
        typeof line?.price === 'string' && !!findProduct(line.price) && Number.isInteger(line.quantity) && line.quantity >= 1,
    )
  } catch {
    return []
  }
}

/** The cart: catalog keys and quantities, kept in `localStorage` so a redirect to pay keeps it. */
export function useCart() {
  const [lines, setLines] = useState<CartLine[]>(load)

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(lines))
  }, [lines])

  const setQuantity = useCallback((price: string, quantity: number) => {
    setLines((current) => {
      const q = Math.min(MAX_QUANTITY, Math.max(0, Math.trunc(quantity)))
      if (q === 0) return current.filter((l) => l.price !== price)
      if (!current.some((l) => l.price === price)) return [...current, { price, quantity: q }]
      return current.map((l) => (l.price === price ? { ...l, quantity: q } : l))
    })
  }, [])

  const add = useCallback((price: string) => {
    setLines((current) => {
      const line = current.find((l) => l.price === price)
      if (!line) return [...current, { price, quantity: 1 }]
      return current.map((l) => (l.price === price ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + 1) } : l))
    })
  }, [])

  const clear = useCallback(() => setLines([]), [])

  const rows = useMemo<CartRow[]>(
    () =>
      lines.map((line) => {
        const product = findProduct(line.price)!
        return { ...line, name: product.name, unitAmount: product.unitAmount, currency: product.currency, amount: times(product.unitAmount, line.quantity) }
      }),
    [lines],
  )
  /** The formatted total per currency (`"880.00 TWD"`); a cart of two shows both, and the shop refuses to order it. */
  const total = useMemo(() => {
    const currencies = [...new Set(rows.map((r) => r.currency))]
    return currencies.map((c) => formatMoney(sum(rows.filter((r) => r.currency === c).map((r) => r.amount)), c)).join(' + ')
  }, [rows])
  const count = lines.reduce((n, l) => n + l.quantity, 0)
  /** Identifies the cart's contents: an order placed for a different cart is stale. */
  const signature = lines.map((l) => `${l.price}×${l.quantity}`).join(',')

  return { lines, rows, total, count, signature, add, setQuantity, clear, maxQuantity: MAX_QUANTITY }
}

export type Cart = ReturnType<typeof useCart>
