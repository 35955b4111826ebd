/**
 * The page the framing-fallback scenarios drive: one modal CheckoutButton under a PayfectProvider
 * whose `framingProbe` is on with `?probe`. Every callback is written to the Events list and, since
 * a redirect unloads the page, handed at once to `window.reportPayfectEvent` when the test exposes it.
 */
import { CheckoutButton, PayfectProvider } from '@payfect/react'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'

declare global {
  interface Window {
    reportPayfectEvent?: (event: string) => void
  }
}

const framingProbe = new URLSearchParams(location.search).has('probe')

// The provider's own `fetch` option, passed through untouched except that it marks `<html
// data-embeddable>` once the kit has read the route's answer: the json() below resolves first, the
// kit stores the answer in the microtasks that follow, and the timeout runs after them. The test
// clicks after that mark, as a shopper whose pointer rested on the button does.
const observedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  if (!String(input).includes('?embeddable')) return response
  const text = await response.text()
  const copy = new Response(text, { status: response.status, headers: response.headers })
  copy.json = () =>
    Promise.resolve(JSON.parse(text) as { embeddable?: unknown }).then((answer) => {
      setTimeout(() => (document.documentElement.dataset.embeddable = String(answer.embeddable)))
      return answer
    })
  return copy
}

function App() {
  const [events, setEvents] = useState<string[]>([])
  const record = (event: string) => {
    window.reportPayfectEvent?.(event)
    setEvents((list) => [...list, event])
  }
  return (
    <PayfectProvider endpoint="/api/checkouts" pollInterval={500} framingProbe={framingProbe} fetch={observedFetch}>
      <main>
        <h1>Framing shop</h1>
        <CheckoutButton
          items={[{ price: 'hoodie' }]}
          mode="modal"
          onFallback={({ reason }) => record(`fallback ${reason}`)}
          onSuccess={(checkout) => record(`success ${checkout.id}`)}
          onError={(error) => record(`error ${error.message}`)}
        >
          Pay 20.00 USDT
        </CheckoutButton>
        <ol aria-label="Events">
          {events.map((event, i) => (
            <li key={i}>{event}</li>
          ))}
        </ol>
      </main>
    </PayfectProvider>
  )
}

createRoot(document.getElementById('root')!).render(<App />)
