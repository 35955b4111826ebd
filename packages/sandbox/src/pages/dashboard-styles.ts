// The /_sandbox dashboard: a developer tool, dense but calm; same tokens as the checkout page.
export const dashboardStyles = /* css */ `
.pf-dash { flex: 1; width: 100%; max-width: 1200px; margin: 0 auto; padding: 28px 20px 8px; display: grid; gap: 24px; align-content: start; }
.pf-dash__head { display: flex; align-items: center; gap: 14px; }
.pf-dash__head > div { min-width: 0; }
.pf-logo { flex: none; }
.pf-logo { width: 40px; height: 40px; border-radius: 12px; display: grid; place-items: center; color: #fff; font-weight: 800; font-size: 19px; background: linear-gradient(135deg, #6366f1, #8b5cf6 55%, #ec4899); }
.pf-dash__head h1 { font-size: 22px; font-weight: 700; letter-spacing: -0.015em; line-height: 1.2; }
.pf-dash__head p { color: var(--payfect-muted); font-size: 14px; }
.pf-card { background: var(--payfect-surface); border: 1px solid var(--payfect-border); border-radius: var(--payfect-radius); box-shadow: var(--payfect-shadow); padding: 20px; min-width: 0; }
.pf-card h2 { font-size: 16px; font-weight: 650; }
.pf-card__head { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; margin-bottom: 14px; }
.pf-connect { display: grid; gap: 14px; }
.pf-connect > * { min-width: 0; }
.pf-connect__row { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.pf-connect__label { font-size: 13px; font-weight: 600; color: var(--payfect-muted); }
.pf-inline-code { font: 500 14px/1.4 var(--payfect-mono); padding: 6px 10px; border-radius: 8px; background: var(--payfect-subtle); border: 1px solid var(--payfect-border); }
.pf-snippet { border-radius: 12px; overflow: hidden; background: #0d1526; border: 1px solid #0d1526; }
.pf-snippet__bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 6px 8px 6px 16px; background: #1a2336; color: #9aa6bf; font: 12px/1.4 var(--payfect-mono); }
.pf-snippet pre { margin: 0; padding: 14px 16px; color: #dbe2f1; font: 13px/1.6 var(--payfect-mono); overflow-x: auto; }
.pf-copy.pf-copy--dark { background: #263149; border-color: #35415c; color: #e6ebf5; }
.pf-copy.pf-copy--dark[data-copied="true"] { color: #6ee7b7; border-color: #6ee7b7; }
.pf-copy {
  display: inline-flex; align-items: center; gap: 6px; min-height: 32px; padding: 0 10px; border-radius: 8px;
  border: 1px solid var(--payfect-border-strong); background: var(--payfect-surface); font-size: 13px; font-weight: 600; cursor: pointer;
}
.pf-copy[data-copied="true"] { color: var(--payfect-success); border-color: var(--payfect-success); }
.pf-muted { color: var(--payfect-muted); font-size: 13px; }
.pf-refresh { display: inline-flex; align-items: center; gap: 8px; font-size: 13px; color: var(--payfect-muted); cursor: pointer; }
.pf-refresh input { width: 16px; height: 16px; accent-color: var(--payfect-accent); }
.pf-table-wrap { overflow-x: auto; margin: 0 -20px -20px; border-top: 1px solid var(--payfect-border); }
.pf-table { width: 100%; min-width: 920px; border-collapse: collapse; font-size: 13.5px; overflow-wrap: normal; }
.pf-table th { text-align: left; font-size: 12px; font-weight: 650; text-transform: uppercase; letter-spacing: .05em; color: var(--payfect-muted); padding: 10px 12px; background: var(--payfect-subtle); white-space: nowrap; }
.pf-table td { padding: 12px; vertical-align: top; border-top: 1px solid var(--payfect-border); }
.pf-table th:first-child, .pf-table td:first-child { padding-left: 20px; }
.pf-table th:last-child, .pf-table td:last-child { padding-right: 20px; }
.pf-table .pf-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pf-id { font: 500 13px/1.4 var(--payfect-mono); word-break: break-all; }
.pf-table td:first-child { width: 24%; }
.pf-sub { display: block; color: var(--payfect-muted); font-size: 12.5px; }
.pf-time { white-space: nowrap; }
.pf-actions { display: flex; gap: 6px; flex-wrap: wrap; }
.pf-callback-mode { display: inline-flex; align-items: center; gap: 6px; margin-top: 8px; font-size: 12.5px; color: var(--payfect-muted); }
.pf-callback-mode select { font: inherit; color: var(--payfect-text); background: var(--payfect-surface); border: 1px solid var(--payfect-border-strong); border-radius: 8px; min-height: 32px; padding: 0 6px; }
.pf-settings { display: grid; gap: 8px; justify-items: start; }
.pf-settings select { font: inherit; font-size: 14px; color: var(--payfect-text); background: var(--payfect-surface); border: 1px solid var(--payfect-border-strong); border-radius: 8px; min-height: 36px; padding: 0 8px; max-width: 100%; }
.pf-answer summary { cursor: pointer; font-size: 12.5px; color: var(--payfect-muted); }
.pf-answer pre { margin: 4px 0 0; padding: 6px 8px; max-height: 160px; overflow: auto; white-space: pre-wrap; font: 12px/1.4 var(--payfect-mono); background: var(--payfect-surface); border: 1px solid var(--payfect-border); border-radius: 6px; }
.pf-badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 9px; border-radius: 999px; font-size: 12.5px; font-weight: 650; white-space: nowrap; }
.pf-badge::before { content: ""; width: 6px; height: 6px; border-radius: 50%; background: currentColor; }
.pf-badge--open { background: var(--payfect-accent-soft); color: var(--payfect-accent); }
.pf-badge--complete, .pf-badge--ok { background: var(--payfect-success-soft); color: var(--payfect-success); }
.pf-badge--expired { background: var(--payfect-subtle); color: var(--payfect-muted); }
.pf-badge--failed { background: var(--payfect-danger-soft); color: var(--payfect-danger); }
.pf-deliveries td { border-top: 0; padding-top: 0; }
.pf-deliveries__box { border: 1px solid var(--payfect-border); border-radius: 10px; background: var(--payfect-subtle); padding: 8px 12px; }
.pf-deliveries__box h3 { font-size: 12px; font-weight: 650; color: var(--payfect-muted); text-transform: uppercase; letter-spacing: .05em; margin: 2px 0 4px; }
.pf-deliveries table { width: 100%; border-collapse: collapse; font-size: 13px; }
.pf-deliveries table th { background: transparent; padding: 4px 8px 4px 0; font-size: 11.5px; }
.pf-deliveries table td { border-top: 1px solid var(--payfect-border); padding: 6px 8px 6px 0; }
.pf-deliveries table th:first-child, .pf-deliveries table td:first-child { padding-left: 0; }
.pf-url { font: 12.5px/1.4 var(--payfect-mono); word-break: break-all; }
.pf-deliveries table { min-width: 0; }
.pf-empty { padding: 40px 20px; text-align: center; color: var(--payfect-muted); }
.pf-empty code { font-family: var(--payfect-mono); font-size: 13px; }
.pf-toast { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); max-width: calc(100vw - 32px); padding: 10px 14px; border-radius: 10px; background: var(--payfect-text); color: var(--payfect-bg); font-size: 13.5px; box-shadow: var(--payfect-shadow); }
`
