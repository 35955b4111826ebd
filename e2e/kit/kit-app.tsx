/**
 * The page the React-flow scenarios drive: one CheckoutButton under a PayfectProvider, configured
 * from the query string, with every callback written to a list the tests read by its label.
 */
import { CheckoutButton, PayfectProvider, useCheckoutReturn, type CheckoutMode } from '@payfect/react'
import { useState, version } from 'react'
import { createRoot } from 'react-dom/client'

const query = new URLSearchParams(location.search)
const mode = (query.get('mode') ?? 'modal') as CheckoutMode
const ref = query.get('ref') ?? undefined
const pollInterval = Number(query.get('poll') ?? 500)
const framingProbe = query.has('probe')
const readyTimeoutMs = query.has('ready') ? Number(query.get('ready')) : undefined

// Which React runs: the React 18 flow checks it is really 18.
document.documentElement.dataset.react = version

/** Back from a redirect: the same callbacks, confirmed with the route. */
function ReturnWatcher({ record }: { record: (name: string) => (detail?: unknown) => void }) {
  const { phase } = useCheckoutReturn({ onSuccess: record('return-success'), onCancel: record('return-cancel'), onPending: record('return-pending') })
  return phase ? <p data-return-phase={phase}>Returning checkout: {phase}</p> : null
}

function App() {
  const [events, setEvents] = useState<string[]>([])
  const record = (name: string) => (detail?: { id?: string } | unknown) =>
    setEvents((list) => [...list, `${name}${detail && typeof detail === 'object' && 'id' in detail ? ` ${String(detail.id)}` : ''}`])
  return (
    <PayfectProvider endpoint="/api/checkouts" pollInterval={pollInterval} framingProbe={framingProbe} {...(readyTimeoutMs === undefined ? {} : { readyTimeoutMs })}>
      <main>
        <h1>Kit shop</h1>
        <CheckoutButton items={[{ price: 'hoodie' }]} {...(ref ? { clientReferenceId: ref } : {})} mode={mode} onSuccess={record('success')} onCancel={record('cancel')} onExpire={record('expire')} onError={(error) => record('error')({ id: error.message })} onClose={record('close')} onPending={record('pending')} onFallback={({ reason }) => record('fallback')({ id: reason })}>
          Pay 20.00 USDT
        </CheckoutButton>
        <ReturnWatcher record={record} />
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
