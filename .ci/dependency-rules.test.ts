// The dependency rules hold and bite: biome.json carries exactly what dependency-rules.ts renders, and a
// probe tree linted with that configuration reports each kind of forbidden import (and only those), while
// the repository itself lints clean of both rules.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBiomeConfig, withDependencyRules } from './dependency-rules.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome')

type Diagnostic = { category: string; message: string; location: { path: string } }

function lint(directory: string, ...paths: string[]): Diagnostic[] {
  const result = spawnSync(
    BIOME,
    [
      'lint',
      '--reporter=json',
      '--max-diagnostics=none',
      '--only=style/noRestrictedImports',
      '--only=suspicious/noImportCycles',
      ...paths,
    ],
    { cwd: directory, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }
  return report.diagnostics
}

const PROBES: Record<string, string> = {
  // forbidden
  'functions/src/deep.ts': "export * from '@revops/engine/match/store/load-records.ts'\n",
  'functions/src/escape.ts': "export * from '../../engine/src/match/index.ts'\n",
  'engine/src/match/upward.ts': "export * from '@revops/lab/demo'\n",
  'engine/src/ingest/later-stage.ts': "export * from '../match/index.ts'\n",
  'web/src/server-package.ts': "export * from '@revops/engine/match'\n",
  'db/src/upward.ts': "export * from '@revops/engine/shared'\n",
  'engine/src/shared/cycle-a.ts': "import { b } from './cycle-b.ts'\nexport const a = () => b\n",
  'engine/src/shared/cycle-b.ts': "import { a } from './cycle-a.ts'\nexport const b = () => a\n",
  // allowed
  'engine/src/match/earlier-stage.ts': "export * from '../normalize/index.ts'\nexport * from '@revops/db'\n",
  'engine/src/match/setup.test.ts': "export * from '@revops/lab/demo'\n",
  'functions/src/entry.ts': "export * from '@revops/engine/match'\n",
  'lab/src/product.ts': "export * from '@revops/engine/pipeline'\nexport * from '@revops/functions'\n",
}

describe('dependency rules', () => {
  let probe: string
  beforeAll(() => {
    probe = mkdtempSync(join(tmpdir(), 'dependency-rules-'))
    const config = { ...readBiomeConfig(), vcs: { enabled: false } } as Record<string, unknown>
    delete config.$schema
    writeFileSync(join(probe, 'biome.json'), JSON.stringify(config))
    for (const [path, source] of Object.entries(PROBES)) {
      mkdirSync(join(probe, dirname(path)), { recursive: true })
      writeFileSync(join(probe, path), source)
    }
  })
  afterAll(() => rmSync(probe, { recursive: true, force: true }))

  it('biome.json carries the rendered rules', () => {
    const current = readBiomeConfig()
    expect(current).toEqual(withDependencyRules(current))
  })

  it('refuses deep, escaping, upward and later-stage imports and cycles, and nothing else', () => {
    const found = lint(probe, '.').map((d) => `${d.location.path} ${d.category}`)
    expect(found.sort()).toEqual(
      [
        'db/src/upward.ts lint/style/noRestrictedImports',
        'engine/src/ingest/later-stage.ts lint/style/noRestrictedImports',
        'engine/src/match/upward.ts lint/style/noRestrictedImports',
        'engine/src/shared/cycle-a.ts lint/suspicious/noImportCycles',
        'engine/src/shared/cycle-b.ts lint/suspicious/noImportCycles',
        'functions/src/deep.ts lint/style/noRestrictedImports',
        'functions/src/escape.ts lint/style/noRestrictedImports',
        'web/src/server-package.ts lint/style/noRestrictedImports',
      ].sort(),
    )
  })

  it('says why an import is refused', () => {
    const messages = Object.fromEntries(lint(probe, '.').map((d) => [d.location.path, d.message]))
    expect(messages['functions/src/deep.ts']).toMatch(/named entries/)
    expect(messages['engine/src/ingest/later-stage.ts']).toMatch(/engine\/src\/ingest comes before .*match/)
    expect(messages['engine/src/match/upward.ts']).toMatch(/engine never imports .*lab/)
  })

  it('holds in this repository', () => {
    expect(lint(ROOT, '.')).toEqual([])
  })

  it('rendering is stable', () => {
    const check = () =>
      execFileSync(process.execPath, [join(ROOT, '.ci', 'dependency-rules.ts'), '--check'], { cwd: ROOT })
    expect(check).not.toThrow()
  })
})
