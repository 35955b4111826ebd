/**
 * Story chrome, not part of the kit: shows a closed modal again, so no modal story ends on a blank
 * canvas. Play functions find it by `data-story-control`, in every locale.
 */
export function ReopenControl({ onReopen }: { onReopen: () => void }) {
  return (
    <button type="button" className="sb-reopen" data-story-control="reopen" onClick={onReopen}>
      Reopen the checkout
    </button>
  )
}
