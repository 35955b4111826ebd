// The design tokens and parts every sandbox page shares: colours as --payfect-*
// custom properties (light and dark), the sandbox ribbon, buttons, focus rings.
export const pageStyles = /* css */ `
:root {
  color-scheme: light dark;
  --payfect-font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --payfect-mono: ui-monospace, "SF Mono", SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --payfect-bg: #f5f6fa;
  --payfect-surface: #ffffff;
  --payfect-subtle: #f4f5f9;
  --payfect-border: #e3e6ee;
  --payfect-border-strong: #cfd4e0;
  --payfect-text: #0d1526;
  --payfect-muted: #5a6478;
  --payfect-accent: #4f46e5;
  --payfect-accent-hover: #4338ca;
  --payfect-accent-contrast: #ffffff;
  --payfect-accent-soft: #eef0ff;
  --payfect-success: #047857;
  --payfect-success-soft: #e6f6ef;
  --payfect-danger: #b91c1c;
  --payfect-danger-soft: #fdeceb;
  --payfect-warning: #92400e;
  --payfect-warning-soft: #fff5e1;
  --payfect-ribbon: #fbbf24;
  --payfect-ribbon-text: #3b2604;
  --payfect-focus: #4f46e5;
  --payfect-radius: 16px;
  --payfect-radius-sm: 10px;
  --payfect-shadow: 0 1px 2px rgb(13 21 38 / 0.05), 0 12px 32px -8px rgb(13 21 38 / 0.14);
}
@media (prefers-color-scheme: dark) {
  :root {
    --payfect-bg: #0a0d14;
    --payfect-surface: #131824;
    --payfect-subtle: #1a2030;
    --payfect-border: #262e40;
    --payfect-border-strong: #364058;
    --payfect-text: #e8ebf3;
    --payfect-muted: #98a2b8;
    --payfect-accent: #8b85ff;
    --payfect-accent-hover: #a19cff;
    --payfect-accent-contrast: #0b0b1a;
    --payfect-accent-soft: #23254a;
    --payfect-success: #34d399;
    --payfect-success-soft: #0f2e25;
    --payfect-danger: #f87171;
    --payfect-danger-soft: #3a1618;
    --payfect-warning: #fbbf24;
    --payfect-warning-soft: #33260b;
    --payfect-focus: #a19cff;
    --payfect-shadow: 0 1px 2px rgb(0 0 0 / 0.4), 0 16px 40px -12px rgb(0 0 0 / 0.6);
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; min-height: 100vh; display: flex; flex-direction: column;
  font: 15px/1.5 var(--payfect-font); color: var(--payfect-text); background: var(--payfect-bg);
  -webkit-font-smoothing: antialiased; overflow-wrap: anywhere;
}
h1, h2, h3, p, ul, ol, dl, dd, figure { margin: 0; padding: 0; }
ul, ol { list-style: none; }
button { font: inherit; color: inherit; }
a { color: var(--payfect-accent); }
:focus-visible { outline: 3px solid var(--payfect-focus); outline-offset: 2px; border-radius: 6px; }
[hidden] { display: none !important; }
.pf-sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.pf-icon { flex: none; display: block; }
.pf-ribbon {
  display: flex; align-items: center; justify-content: center; gap: 8px;
  padding: 6px 12px; font-size: 12.5px; font-weight: 600; letter-spacing: 0.01em;
  color: var(--payfect-ribbon-text); text-align: center;
  background: repeating-linear-gradient(-45deg, #fbbf24 0 14px, #f8b518 14px 28px);
}
.pf-ribbon__tag {
  padding: 1px 7px; border-radius: 999px; background: rgb(59 38 4 / 0.88); color: #fde68a;
  font-size: 11px; letter-spacing: 0.08em; text-transform: uppercase;
}
.pf-btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 8px;
  min-height: 44px; padding: 0 18px; border-radius: 12px; border: 1px solid transparent;
  font-weight: 600; font-size: 15px; cursor: pointer; text-decoration: none;
  transition: background-color .15s ease, border-color .15s ease, box-shadow .15s ease, transform .1s ease;
}
.pf-btn:active:not(:disabled) { transform: translateY(1px); }
.pf-btn:disabled { cursor: not-allowed; opacity: .65; }
.pf-btn--primary { background: var(--payfect-accent); color: var(--payfect-accent-contrast); box-shadow: 0 1px 2px rgb(13 21 38 / .12), inset 0 1px 0 rgb(255 255 255 / .12); }
.pf-btn--primary:hover:not(:disabled) { background: var(--payfect-accent-hover); }
.pf-btn--secondary { background: var(--payfect-surface); border-color: var(--payfect-border-strong); color: var(--payfect-text); }
.pf-btn--secondary:hover:not(:disabled) { background: var(--payfect-subtle); }
.pf-btn--small { min-height: 32px; padding: 0 12px; font-size: 13px; border-radius: 8px; }
.pf-spinner {
  width: 16px; height: 16px; border-radius: 50%; border: 2px solid currentColor; border-right-color: transparent;
  animation: pf-spin .7s linear infinite; display: none;
}
[aria-busy="true"] .pf-spinner { display: block; }
@keyframes pf-spin { to { transform: rotate(360deg); } }
.pf-footer {
  display: flex; justify-content: center; align-items: center; gap: 6px; flex-wrap: wrap;
  padding: 20px 16px 24px; color: var(--payfect-muted); font-size: 12.5px;
}
.pf-footer strong { color: var(--payfect-text); font-weight: 650; }
.pf-footer .pf-icon { width: 13px; height: 13px; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition-duration: 0.01ms !important; scroll-behavior: auto !important; }
  .pf-spinner { animation: none; border-right-color: currentColor; opacity: .6; }
}
@media (forced-colors: active) {
  .pf-btn { border-color: ButtonText; }
}
`
