import { forwardRef, type ButtonHTMLAttributes } from 'react'

/**
 * A merchant's own button, styled by the merchant and knowing nothing of Payfect:
 * what `<CheckoutButton asChild>` wraps.
 */
export const MerchantButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function MerchantButton(
  { className, style, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      className={['merchant-button', className].filter(Boolean).join(' ')}
      style={{
        padding: '12px 22px',
        border: '2px solid #111827',
        borderRadius: 4,
        background: '#facc15',
        color: '#111827',
        font: '700 15px/1 ui-monospace, Menlo, monospace',
        letterSpacing: '0.04em',
        textTransform: 'uppercase',
        boxShadow: '4px 4px 0 #111827',
        cursor: 'pointer',
        ...style,
      }}
      {...props}
    />
  )
})
