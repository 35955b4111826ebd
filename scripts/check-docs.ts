// `pnpm check:docs`: the code in the docs can't rot.
//   - A block right after `<!-- file: path/to/file.ts -->` must be that file's text, exactly
//     (`pnpm check:docs --write` copies the files into the docs instead).
//   - Every other ```ts / ```tsx block is type-checked, each as its own module, against the
//     workspace packages (as a merchant's app would import them).
//   - `<!-- docs: no-check -->` right before a block opts it out; keep that rare.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const write = process.argv.includes('--write')
const out = join(root, 'node_modules/.cache/doc-snippets')

function docs(): string[] {
  const list = ['README.md', 'CONTRIBUTING.md']
  for (const dir of ['packages', 'examples']) {
    for (const name of readdirSync(join(root, dir))) list.push(`${dir}/${name}/README.md`)
  }
  if (existsSync(join(root, 'docs/guides'))) {
    for (const name of readdirSync(join(root, 'docs/guides'))) if (name.endsWith('.md')) list.push(`docs/guides/${name}`)
  }
  return list.filter((file) => existsSync(join(root, file)))
}

interface Block {
  doc: string
  line: number
  lang: string
  code: string
  /** Where `code` sits in the doc's text. */
  start: number
  marker: string | undefined
}

const fence = /^(\s*)```(\w+)[^\n]*\n([\s\S]*?)^\1```[ \t]*$/gm

function blocks(doc: string, text: string): Block[] {
  const found: Block[] = []
  for (const match of text.matchAll(fence)) {
    const before = text.slice(0, match.index).trimEnd()
    const marker = /<!--\s*(file:\s*[^\s]+|docs:\s*no-check)\s*-->$/.exec(before)?.[1]
    const start = match.index + match[0].indexOf('\n') + 1
    found.push({ doc, line: text.slice(0, match.index).split('\n').length, lang: match[2]!, code: match[3]!, start, marker })
  }
  return found
}

const problems: string[] = []
const checked: Array<{ name: string; block: Block }> = []
let included = 0
let optedOut = 0

for (const doc of docs()) {
  const original = readFileSync(join(root, doc), 'utf8')
  let text = original
  // Last block first, so the offsets of the earlier ones still hold while writing.
  for (const block of blocks(doc, original).reverse()) {
    const where = `${doc}:${block.line}`
    if (block.marker?.startsWith('file:')) {
      const file = block.marker.slice(5).trim()
      const path = join(root, file)
      if (!existsSync(path)) {
        problems.push(`${where}: includes ${file}, which does not exist.`)
        continue
      }
      const source = readFileSync(path, 'utf8')
      included++
      if (source === block.code) continue
      if (write) text = text.slice(0, block.start) + source + text.slice(block.start + block.code.length)
      else problems.push(`${where}: the block differs from ${file}. Run \`pnpm check:docs --write\` to copy the file in.`)
    } else if (block.marker) {
      optedOut++
    } else if (block.lang === 'ts' || block.lang === 'tsx') {
      checked.push({ name: `${doc.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.${block.lang}`, block })
    }
  }
  if (write && text !== original) writeFileSync(join(root, doc), text)
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const { name, block } of checked) {
  // `export {}` keeps each block a module of its own, so two blocks may declare the same names.
  writeFileSync(join(out, name), `${block.code}\nexport {}\n`)
}
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: relative(out, join(root, 'tsconfig.base.json')),
    compilerOptions: {
      types: ['node'],
      noUnusedLocals: false,
      // Packages of the examples a snippet shows, and Next.js's `@/` alias for examples/nextjs.
      paths: {
        hono: [join(root, 'examples/hono/node_modules/hono')],
        express: [join(root, 'packages/server/node_modules/@types/express')],
        '@/*': [join(root, 'examples/nextjs/*')],
      },
    },
    include: ['*.ts', '*.tsx', join(import.meta.dirname, 'docs/snippet-context.d.ts')],
  }),
)
if (checked.length) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', out], { encoding: 'utf8' })
  for (const line of `${tsc.stdout}${tsc.stderr}`.split('\n')) {
    const match = /^([^(]+)\((\d+),\d+\): (.*)$/.exec(line)
    if (!match) continue
    const block = checked.find(({ name }) => match[1]!.endsWith(name))?.block
    problems.push(block ? `${block.doc}:${block.line + Number(match[2])}: ${match[3]}` : line)
  }
  if (tsc.status !== 0 && !problems.length) problems.push(`tsc failed:\n${tsc.stdout}${tsc.stderr}`)
}

console.info(`check:docs: ${checked.length} code blocks type-checked, ${included} checked against the files they show, ${optedOut} opted out.`)
if (problems.length) {
  console.error(problems.map((problem) => `✗ ${problem}`).join('\n'))
  process.exit(1)
}
