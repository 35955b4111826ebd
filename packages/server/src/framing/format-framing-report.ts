import type { FramingReport } from './diagnose-framing'

const MARKS = { error: '✗', warning: '!', info: '·' } as const

/**
 * A report as plain text for a terminal or a log: the verdict, then each finding with its fix.
 *
 * @example console.info(formatFramingReport(await diagnoseFraming({ checkoutUrl, publicOrigin })))
 */
export function formatFramingReport(report: FramingReport): string {
  const lines = [`Can ${report.publicOrigin} show ${report.checkoutUrl} in a frame?`]
  for (const finding of report.findings) {
    const mark = finding.code === 'framing-allowed' || finding.code === 'frame-src-allowed' ? '✓' : MARKS[finding.severity]
    lines.push(`  ${mark} ${finding.message}`)
    if (finding.fix) lines.push(`    fix: ${finding.fix}`)
  }
  const decided = report.decidedBy === null ? '' : ` (the checkout page's framing is decided by ${report.decidedBy === 'none' ? 'no header' : report.decidedBy})`
  const verdict = { allowed: 'yes, the modal can show it', refused: 'no, the modal cannot show it', unknown: 'unknown, see above' }[report.verdict]
  lines.push(`Result: ${verdict}${decided}.`)
  return lines.join('\n')
}
