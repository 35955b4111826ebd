export type CheckoutMode = 'modal' | 'redirect' | 'popup'

const modes: Array<{ value: CheckoutMode; label: string; hint: string }> = [
  { value: 'modal', label: 'Modal', hint: 'Pay in a dialog on this page' },
  { value: 'redirect', label: 'Redirect', hint: 'Go to the Payfect page and come back' },
  { value: 'popup', label: 'Popup', hint: 'Pay in a separate window' },
]

/** How `CheckoutButton` opens the hosted checkout — a demo control, not something a shop shows. */
export function ModeSwitch({ value, onChange }: { value: CheckoutMode; onChange: (mode: CheckoutMode) => void }) {
  const hint = modes.find((m) => m.value === value)?.hint
  return (
    <fieldset className="mode-switch">
      <legend className="mode-switch__legend">Checkout opens in</legend>
      <div className="mode-switch__options">
        {modes.map((mode) => (
          <label key={mode.value} className="mode-switch__option">
            <input type="radio" name="checkout-mode" value={mode.value} checked={value === mode.value} onChange={() => onChange(mode.value)} />
            <span>{mode.label}</span>
          </label>
        ))}
      </div>
      <p className="mode-switch__hint">{hint}</p>
    </fieldset>
  )
}
