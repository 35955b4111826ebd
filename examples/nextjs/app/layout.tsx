import type { ReactNode } from 'react'
import '@payfect/react/styles.css'
import './globals.css'

export const metadata = { title: 'Payfect + Next.js', description: 'Pay with USDT through Payfect, in a Next.js App Router page.' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
