// The hosted checkout page: one column on a phone or in a 420px modal, two columns
// (order summary | payment card) from 820px, as shoppers know from Stripe Checkout.
export const checkoutStyles = /* css */ `
.pf-checkout {
  flex: 1; width: 100%; max-width: 1000px; margin: 0 auto; padding: 20px 16px 8px;
  display: grid; gap: 18px; align-content: start;
}
.pf-summary { display: grid; gap: 14px; align-content: start; min-width: 0; }
.pf-merchant { display: flex; align-items: center; gap: 12px; }
.pf-avatar {
  width: 40px; height: 40px; flex: none; border-radius: 12px; display: grid; place-items: center;
  font-weight: 700; font-size: 18px; color: #fff;
  background: linear-gradient(135deg, #6366f1 0%, #8b5cf6 55%, #ec4899 100%);
  box-shadow: 0 4px 12px -4px rgb(99 102 241 / .6);
}
.pf-eyebrow { font-size: 12.5px; color: var(--payfect-muted); line-height: 1.2; }
.pf-merchant__name { font-size: 17px; font-weight: 650; line-height: 1.3; letter-spacing: -0.01em; }
.pf-due { display: flex; align-items: baseline; flex-wrap: wrap; column-gap: 8px; }
.pf-due__label { flex-basis: 100%; font-size: 13px; color: var(--payfect-muted); }
.pf-due__value { font-size: 34px; font-weight: 700; letter-spacing: -0.025em; line-height: 1.15; font-variant-numeric: tabular-nums; }
.pf-due__code { font-size: 17px; font-weight: 600; color: var(--payfect-muted); }
.pf-summary__title { font-size: 12px; font-weight: 650; text-transform: uppercase; letter-spacing: 0.07em; color: var(--payfect-muted); margin-top: 4px; }
.pf-items { display: grid; border-top: 1px solid var(--payfect-border); }
.pf-item { display: flex; justify-content: space-between; gap: 12px 14px; padding: 12px 0; border-bottom: 1px solid var(--payfect-border); }
.pf-item__thumb {
  flex: none; width: 40px; height: 40px; border-radius: 10px; display: grid; place-items: center;
  background: var(--payfect-accent-soft); color: var(--payfect-accent); font-weight: 700; font-size: 15px;
  border: 1px solid var(--payfect-border);
}
.pf-item__main { min-width: 0; flex: 1; }
.pf-item__name { font-weight: 600; }
.pf-item__desc { color: var(--payfect-muted); font-size: 13.5px; margin-top: 1px; }
.pf-item__qty { color: var(--payfect-muted); font-size: 13px; margin-top: 2px; font-variant-numeric: tabular-nums; }
.pf-item__amount { font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pf-totals__row { display: flex; justify-content: space-between; gap: 16px; }
.pf-totals__row--total { font-weight: 700; font-size: 16px; }
.pf-totals dd { font-variant-numeric: tabular-nums; white-space: nowrap; }

.pf-pay {
  min-width: 0; background: var(--payfect-surface); border: 1px solid var(--payfect-border);
  border-radius: var(--payfect-radius); box-shadow: var(--payfect-shadow); padding: 20px;
}
.pf-panel { display: grid; gap: 16px; }
.pf-pay__head { display: flex; align-items: center; justify-content: space-between; gap: 8px 12px; flex-wrap: wrap; }
.pf-pay__title { font-size: 18px; font-weight: 650; letter-spacing: -0.01em; }
.pf-chip {
  display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px 4px 5px; border-radius: 999px;
  background: var(--payfect-subtle); border: 1px solid var(--payfect-border); font-size: 12.5px; font-weight: 600; white-space: nowrap;
}
.pf-token { flex: none; display: block; }
.pf-timer {
  display: grid; grid-template-columns: auto 1fr auto; align-items: center; column-gap: 8px; row-gap: 8px;
  padding: 10px 12px; border-radius: 12px; background: var(--payfect-subtle); color: var(--payfect-muted); font-size: 13.5px;
}
.pf-timer__value { font: 650 15px/1.4 var(--payfect-mono); color: var(--payfect-text); font-variant-numeric: tabular-nums; }
.pf-timer__bar { grid-column: 1 / -1; height: 4px; border-radius: 999px; background: var(--payfect-border); overflow: hidden; }
.pf-timer__bar > span { display: block; height: 100%; background: var(--payfect-accent); border-radius: inherit; transform-origin: left; transition: transform 1s linear; }
.pf-timer[data-urgent="true"] { background: var(--payfect-danger-soft); color: var(--payfect-danger); }
.pf-timer[data-urgent="true"] .pf-timer__value { color: var(--payfect-danger); }
.pf-timer[data-urgent="true"] .pf-timer__bar > span { background: var(--payfect-danger); }

.pf-qr { display: grid; justify-items: center; gap: 8px; }
.pf-qr__tile { background: #fff; padding: 8px; border-radius: 14px; border: 1px solid var(--payfect-border); line-height: 0; }
.pf-qr__code { display: block; width: 176px; height: 176px; }
.pf-qr__caption { font-size: 12.5px; color: var(--payfect-muted); }

.pf-field { display: grid; gap: 6px; }
.pf-field__label { font-size: 13px; font-weight: 600; color: var(--payfect-text); }
.pf-field__hint { font-weight: 500; color: var(--payfect-muted); }
.pf-field__hint::before { content: "· "; }
.pf-field__box {
  display: flex; align-items: center; gap: 10px; padding: 8px 8px 8px 14px; min-height: 52px;
  border: 1px solid var(--payfect-border); border-radius: 12px; background: var(--payfect-subtle);
}
.pf-address { flex: 1; min-width: 0; font: 500 14.5px/1.45 var(--payfect-mono); display: flex; flex-wrap: wrap; column-gap: .45em; letter-spacing: .01em; }
.pf-amount { flex: 1; min-width: 0; font-size: 17px; font-weight: 700; font-variant-numeric: tabular-nums; }
.pf-amount__code { color: var(--payfect-muted); font-weight: 600; font-size: 14px; }
.pf-copy {
  flex: none; display: inline-flex; align-items: center; gap: 6px; min-height: 36px; padding: 0 12px;
  border-radius: 9px; border: 1px solid var(--payfect-border-strong); background: var(--payfect-surface);
  font-size: 13px; font-weight: 600; cursor: pointer; transition: background-color .15s ease, color .15s ease, border-color .15s ease;
}
.pf-copy:hover { background: var(--payfect-accent-soft); border-color: var(--payfect-accent); color: var(--payfect-accent); }
.pf-copy__done, .pf-copy[data-copied="true"] .pf-copy__icon { display: none; }
.pf-copy[data-copied="true"] .pf-copy__done { display: block; }
.pf-copy[data-copied="true"] { background: var(--payfect-success-soft); border-color: var(--payfect-success); color: var(--payfect-success); }
.pf-note {
  display: flex; gap: 8px; align-items: flex-start; padding: 10px 12px; border-radius: 12px;
  background: var(--payfect-warning-soft); color: var(--payfect-warning); font-size: 13px; line-height: 1.45;
}
.pf-note .pf-icon { margin-top: 1px; }

.pf-sandbox { display: grid; gap: 10px; padding: 14px; border: 1.5px dashed #f59e0b; border-radius: 14px; background: rgb(251 191 36 / .07); }
.pf-sandbox__head { display: flex; align-items: center; gap: 8px; color: #92400e; }
.pf-sandbox__head h2 { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; }
.pf-sandbox__text { font-size: 13px; color: var(--payfect-muted); }
.pf-sandbox__actions { display: grid; grid-template-columns: 1fr auto; gap: 10px; }
@media (prefers-color-scheme: dark) { .pf-sandbox__head { color: #fbbf24; } }

.pf-error { padding: 10px 12px; border-radius: 12px; background: var(--payfect-danger-soft); color: var(--payfect-danger); font-size: 13.5px; }

.pf-state { justify-items: center; text-align: center; padding: 28px 8px 20px; gap: 10px; }
.pf-state__icon { width: 64px; height: 64px; border-radius: 50%; display: grid; place-items: center; margin-bottom: 6px; }
.pf-state--complete .pf-state__icon { background: var(--payfect-success-soft); color: var(--payfect-success); box-shadow: 0 0 0 8px color-mix(in srgb, var(--payfect-success-soft) 50%, transparent); }
.pf-state--expired .pf-state__icon { background: var(--payfect-warning-soft); color: var(--payfect-warning); }
.pf-state--cancelled .pf-state__icon { background: var(--payfect-subtle); color: var(--payfect-muted); }
.pf-state__title { font-size: 21px; font-weight: 700; letter-spacing: -0.015em; }
.pf-state__title:focus { outline: none; }
.pf-state__text { color: var(--payfect-text); max-width: 32ch; }
.pf-state__hint { color: var(--payfect-muted); font-size: 13.5px; }
.pf-state--complete .pf-state__icon { animation: pf-pop .35s cubic-bezier(.2, .9, .3, 1.3); }
@keyframes pf-pop { from { transform: scale(.6); opacity: 0; } to { transform: scale(1); opacity: 1; } }

/* On a phone or in a modal, once the checkout is over its outcome comes first, the receipt after. */
@media (max-width: 819px) {
  .pf-checkout:not([data-status="open"]) .pf-pay { order: -1; }
}
@media (max-width: 380px) {
  .pf-pay { padding: 16px; }
  .pf-qr__code { width: 156px; height: 156px; }
  .pf-sandbox__actions { grid-template-columns: 1fr; }
}
@media (min-width: 820px) {
  .pf-checkout {
    grid-template-columns: minmax(0, 1fr) minmax(0, 440px); grid-template-rows: auto 1fr;
    grid-template-areas: "summary pay" "sandbox pay"; column-gap: 64px; row-gap: 28px; padding: 40px 32px 16px; align-items: start;
  }
  .pf-summary { grid-area: summary; }
  .pf-pay { grid-area: pay; }
  .pf-sandbox { grid-area: sandbox; }
  .pf-summary { padding-top: 8px; gap: 16px; }
  .pf-due__value { font-size: 40px; }
  .pf-pay { padding: 28px; }
  .pf-qr__code { width: 200px; height: 200px; }
}
`
