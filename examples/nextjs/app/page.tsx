import Image from 'next/image'
import { redirect } from 'next/navigation'
import { catalog, placeOrder } from '@/lib/orders'

async function buy() {
  'use server'
  redirect(`/orders/${placeOrder('pro-plan').id}`)
}

export default function Home() {
  const plan = catalog['pro-plan']
  return (
    <div className="flex flex-col flex-1 items-center justify-center bg-zinc-50 font-sans dark:bg-black">
      <main className="flex flex-1 w-full max-w-3xl flex-col items-center justify-between py-32 px-16 bg-white dark:bg-black sm:items-start">
        <Image className="dark:invert h-5 w-[100px]" src="/next.svg" alt="Next.js logo" width={100} height={20} priority />
        <div className="flex flex-col items-center gap-6 text-center sm:items-start sm:text-left">
          <h1 className="max-w-xs text-3xl font-semibold leading-10 tracking-tight text-black dark:text-zinc-50">{plan.name}</h1>
          <p className="max-w-md text-lg leading-8 text-zinc-600 dark:text-zinc-400">
            {plan.unitAmount} {plan.currency.toUpperCase()}, paid in USDT on Tron through Payfect.
          </p>
        </div>
        <form action={buy} className="flex flex-col gap-4 text-base font-medium sm:flex-row">
          <button
            type="submit"
            className="flex h-12 w-full items-center justify-center rounded-full bg-foreground px-5 text-background transition-colors hover:bg-[#383838] dark:hover:bg-[#ccc] md:w-[158px]"
          >
            Place order
          </button>
        </form>
      </main>
    </div>
  )
}
