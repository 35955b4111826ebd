'use client'

import { clsx } from 'clsx'

/** The animated ring shown while something loads; decorative, so hidden from assistive tech. */
export function Spinner({ className }: { className?: string | undefined }) {
  return <span className={clsx('payfect-spinner', className)} data-slot="spinner" aria-hidden="true" />
}
