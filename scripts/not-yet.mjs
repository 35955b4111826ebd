// A root script whose feature has not landed yet: say so plainly and fail,
// rather than print output that looks like success.
const [, , script, what] = process.argv
console.error(`pnpm ${script}: ${what} has not landed yet. See the open issues (\`issues\`).`)
process.exit(1)
