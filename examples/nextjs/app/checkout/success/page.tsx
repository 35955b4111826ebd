import Link from 'next/link'

// Where the hosted page sends the shopper after paying (`successUrl`). Landing here proves
// nothing: only the verified webhook (or the route's own status read) marks an order paid.
export default function Success() {
  return (
    <div className="flex flex-col flex-1 items-center justify-center bg-zinc-50 font-sans dark:bg-black">
      <main className="flex flex-1 w-full max-w-3xl flex-col items-start gap-6 py-32 px-16 bg-white dark:bg-black">
        <h1 className="text-3xl font-semibold leading-10 tracking-tight text-black dark:text-zinc-50">Payment sent</h1>
        <p className="text-lg leading-8 text-zinc-600 dark:text-zinc-400">Thank you! Your order turns paid as soon as Payfect confirms it.</p>
        <Link href="/" className="font-medium text-zinc-950 dark:text-zinc-50">
          Back to the shop
        </Link>
      </main>
    </div>
  )
}
