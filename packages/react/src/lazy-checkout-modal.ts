'use client'

import { lazy } from 'react'

/** Loads the modal's chunk (Radix included); calling it again reuses the same request. */
export const loadCheckoutModal = () => import('./checkout-modal')

/** The modal, split out of the first-paint bundle of a page that renders only `CheckoutButton`. */
export const LazyCheckoutModal = lazy(() => loadCheckoutModal().then((module) => ({ default: module.CheckoutModal })))
