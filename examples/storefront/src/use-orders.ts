import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { listOrders, type Order, type ShopInfo } from './api'

/**
 * Polls `/api/orders`, so an order turns paid on screen once its verified
 * callback arrives. `onUpdate` sees every fresh list; `refresh()` fetches now.
 * The shop re-renders only when an answer differs from the last one.
 */
export function useOrders(intervalMs = 1500, onUpdate?: (orders: Order[]) => void) {
  const [orders, setOrders] = useState<Order[] | null>(null)
  const [shop, setShop] = useState<ShopInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(onUpdate)
  const loadNow = useRef<() => void>(() => {})
  const lastAnswer = useRef('')
  useLayoutEffect(() => {
    latest.current = onUpdate
  })

  useEffect(() => {
    let controller: AbortController | undefined
    const load = () => {
      controller?.abort()
      const current = new AbortController()
      controller = current
      listOrders(current.signal).then(
        (result) => {
          // An unchanged list must not re-render the page every 1.5 s: besides the waste, each
          // render restarted @payfect/react's status polling timer (SWR's refreshInterval is
          // an inline function there), so an open checkout's 3 s status poll never ran.
          const answer = JSON.stringify(result)
          if (answer !== lastAnswer.current) {
            lastAnswer.current = answer
            setOrders(result.orders)
            setShop(result.shop)
          }
          setError(null)
          latest.current?.(result.orders)
        },
        (e: unknown) => {
          if (!current.signal.aborted) setError(e instanceof Error ? e.message : String(e))
        },
      )
    }
    loadNow.current = load
    load()
    const timer = setInterval(load, intervalMs)
    return () => {
      clearInterval(timer)
      controller?.abort()
    }
  }, [intervalMs])

  const refresh = useCallback(() => loadNow.current(), [])
  return { orders, shop, error, refresh }
}
