'use client'

import { clsx } from 'clsx'
import { cloneElement, forwardRef, isValidElement, version, type HTMLAttributes, type ReactNode, type Ref } from 'react'
import { composeRefs } from './use-composed-ref'

type Props = HTMLAttributes<HTMLElement> & { [prop: string]: unknown }

/**
 * Renders its one child element with these props merged in, as Radix's `Slot` does:
 * `className` joined with clsx, `style` merged (the child's wins), event handlers
 * composed (the child's runs first and may `preventDefault()` ours), refs composed,
 * and any other prop of the child's kept.
 */
export const Slot = forwardRef<HTMLElement, Props & { children?: ReactNode }>(function Slot({ children, ...own }, ref) {
  if (!isValidElement<Props>(children)) return null
  const child = children.props
  const merged: Props = { ...own, ...child }
  for (const key in own) {
    const ours = own[key]
    const theirs = child[key]
    if (/^on[A-Z]/.test(key) && typeof ours === 'function' && typeof theirs === 'function') {
      merged[key] = (event: { defaultPrevented?: boolean }) => {
        theirs(event)
        if (!event.defaultPrevented) ours(event)
      }
    }
  }
  merged.className = clsx(own.className as string, child.className as string)
  merged.style = { ...(own.style as object), ...(child.style as object) }
  // React 19 passes `ref` as a prop; React 18 keeps it on the element (each warns on the other).
  const childRef = (Number.parseInt(version) > 18 ? child.ref : (children as { ref?: unknown }).ref) as Ref<HTMLElement> | undefined
  merged.ref = childRef ? composeRefs(ref, childRef) : ref
  return cloneElement(children, merged)
})
