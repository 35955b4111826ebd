import type { Metadata } from 'next'
// create-next-app's Geist from next/font/google, as local files: builds need no network.
import { GeistMono } from 'geist/font/mono'
import { GeistSans } from 'geist/font/sans'
import '@payfect/react/styles.css'
import './globals.css'

export const metadata: Metadata = {
  title: 'Payfect + Next.js',
  description: 'Pay with USDT through Payfect, in a Next.js App Router shop.',
}

export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable} h-full antialiased`}>
      <body className="min-h-full flex flex-col">{children}</body>
    </html>
  )
}
