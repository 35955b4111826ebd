import { useEffect } from 'react'
import { createPortal } from 'react-dom'

export interface ToastMessage {
  id: number
  tone: 'success' | 'info' | 'warning'
  title: string
  body?: string
}

/**
 * Notices after a checkout ends. The region is always in the page (a polite live
 * region must exist before its content changes for screen readers to announce it),
 * and outside the React root (`#toasts` in index.html): the checkout modal hides the
 * page behind it with `aria-hidden`, which skips any subtree holding a live region,
 * so a region inside `#root` would leave the whole shop exposed behind the modal.
 */
export function Toasts({ toasts, onDismiss }: { toasts: ToastMessage[]; onDismiss: (id: number) => void }) {
  return createPortal(
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <Toast key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>,
    document.getElementById('toasts') ?? document.body,
  )
}

function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), 10_000)
    return () => clearTimeout(timer)
  }, [toast.id, onDismiss])
  return (
    <div className="toast" data-tone={toast.tone}>
      <svg viewBox="0 0 24 24" aria-hidden="true" className="icon toast__icon">
        {toast.tone === 'success' ? <path d="M6 12.5l4 4L18 8" /> : <path d="M12 8v5M12 16.5v.01" />}
      </svg>
      <div className="toast__text">
        <p className="toast__title">{toast.title}</p>
        {toast.body && <p className="toast__body">{toast.body}</p>}
      </div>
      <button type="button" className="icon-button" onClick={() => onDismiss(toast.id)} aria-label="Dismiss notification">
        <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
          <path d="M7 7l10 10M17 7L7 17" />
        </svg>
      </button>
    </div>
  )
}
