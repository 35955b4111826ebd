'use client'

/** The animated ring shown while something loads; decorative, so hidden from assistive tech. */
export function Spinner() {
  return <span className="payfect-spinner" data-slot="spinner" aria-hidden="true" />
}
