#!/usr/bin/env node
// Entry point of `npx revops`. The tool is TypeScript run by Node 24's type stripping; on an older
// Node it re-runs itself with the Node 24 the project installs (the `node` package).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const major = Number(process.versions.node.split('.')[0])
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))
if (major >= 24) {
  await import(main)
} else {
  const projectNode = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url))
  if (!existsSync(projectNode)) {
    console.error(`revops needs Node 24 (found ${process.versions.node}); run npm ci first`)
    process.exit(1)
  }
  const result = spawnSync(projectNode, [main, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
