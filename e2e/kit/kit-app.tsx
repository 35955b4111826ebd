/**
 * The page the React-flow scenarios drive: one CheckoutButton under a PayfectProvider, configured
 * from the query string, with every callback written to a list the tests read by its label.
 */
import { CheckoutButton, PayfectProvider, type CheckoutMode } from '@payfect/react'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'

const query = new URLSearchParams(location.search)
const mode = (query.get('mode') ?? 'modal') as CheckoutMode
const ref = query.get('ref') ?? undefined
const pollInterval = Number(query.get('poll') ?? 500)

function App() {
  const [events, setEvents] = useState<string[]>([])
  const record = (name: string) => (detail?: { id?: string } | unknown) =>
    setEvents((list) => [...list, `${name}${detail && typeof detail === 'object' && 'id' in detail ? ` ${String(detail.id)}` : ''}`])
  return (
    <PayfectProvider endpoint="/api/checkouts" pollInterval={pollInterval}>
      <main>
        <h1>Kit shop</h1>
        <CheckoutButton items={[{ price: 'hoodie' }]} {...(ref ? { clientReferenceId: ref } : {})} mode={mode} onSuccess={record('success')} onCancel={record('cancel')} onExpire={record('expire')} onError={(error) => record('error')({ id: error.message })} onClose={record('close')}>
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
