import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'
import { catalog, getOrder } from '@/lib/orders'
import { PayButton } from '@/app/pay-button'

export default function OrderPage({ params }: PageProps<'/orders/[id]'>) {
  return (
    <div className="flex flex-col flex-1 items-center justify-center bg-zinc-50 font-sans dark:bg-black">
      <main className="flex flex-1 w-full max-w-3xl flex-col items-start gap-6 py-32 px-16 bg-white dark:bg-black">
        {/* The order is read per request: the static shell around it is prerendered. */}
        <Suspense fallback={<p className="text-zinc-600 dark:text-zinc-400">Loading the order…</p>}>
          <Order params={params} />
        </Suspense>
        <Link href="/" className="font-medium text-zinc-950 dark:text-zinc-50">
          Back to the shop
        </Link>
      </main>
    </div>
  )
}

async function Order({ params }: Pick<PageProps<'/orders/[id]'>, 'params'>) {
  const order = getOrder((await params).id)
  if (!order) notFound()
  return (
    <>
      <h1 className="text-3xl font-semibold leading-10 tracking-tight text-black dark:text-zinc-50">
        {catalog[order.price].name}: {order.amount} {order.currency.toUpperCase()}
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-zinc-600 dark:text-zinc-400">
        <dt>Order</dt>
        <dd className="font-mono text-sm">{order.id}</dd>
        <dt>Status</dt>
        <dd data-testid="order-status">{order.status === 'paid' ? 'Paid' : 'Awaiting payment'}</dd>
      </dl>
      {order.status === 'pending' && <PayButton orderId={order.id} price={order.price} />}
    </>
  )
}
