import Link from 'next/link'

// Where the hosted page sends the shopper after paying (`successUrl`). Landing here
// proves nothing: only the verified callback at /api/payfect/webhook marks an order paid.
export default function Success() {
  return (
    <main>
      <h1>Payment sent</h1>
      <p>Thank you! Your order turns paid as soon as Payfect’s signed confirmation arrives.</p>
      <Link href="/">Back to the shop</Link>
    </main>
  )
}
