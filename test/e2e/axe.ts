import type { Page } from 'playwright-core'
import type { AxeResults, NodeResult, Result } from 'axe-core'

const AXE_SCRIPT = require.resolve('axe-core/axe.min.js')
/** WCAG 2.2 AA: every A and AA rule of 2.0, 2.1 and 2.2. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']
const BLOCKING = new Set(['serious', 'critical'])

/** What axe measured for a contrast failure: the colours, the ratio, the size. */
function contrastFigures(node: NodeResult): string {
  const data = [...node.any, ...node.all, ...node.none].map((check) => check.data as Record<string, unknown> | null).find((d) => d && 'contrastRatio' in d)
  if (!data) return ''
  return ` — contrast ${data.contrastRatio}:1 (needs ${data.expectedContrastRatio}), ${data.fgColor} on ${data.bgColor}, ${data.fontSize} ${data.fontWeight}`
}

function describe(violation: Result): string {
  const nodes = violation.nodes.map((node) => {
    const html = node.html.replace(/\s+/g, ' ').slice(0, 200)
    return `    - ${node.target.join(' ')}${contrastFigures(node)}\n      ${html}`
  })
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length})\n${nodes.join('\n')}`
}

/** Runs axe-core on what the page shows now: a readable list of its serious and critical WCAG 2.2 AA violations, or null. */
export async function seriousA11yViolations(page: Page, label: string): Promise<string | null> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT })
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_AA,
  )
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''))
  if (!blocking.length) return null
  return `${label}: ${blocking.length} serious or critical accessibility violation(s) (axe-core, WCAG 2.2 AA)\n${blocking.map(describe).join('\n')}`
}

/** Fails, listing each one, when axe-core finds a serious or critical WCAG 2.2 AA violation on what the page shows now. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const report = await seriousA11yViolations(page, label)
  if (report) throw new Error(report)
}
