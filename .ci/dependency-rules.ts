// The dependency rules, declared once: which workspace may import which, and in which order the engine's
// stage folders come (RAW → CORE → SEARCH → MATCH → RULES). Rendered into biome.json as noRestrictedImports
// overrides, so `npm run lint` (part of `npm test`) refuses deep imports, relative paths into another
// package, an upward import and an earlier stage importing a later one; Biome's noImportCycles refuses cycles.
//
//   node .ci/dependency-rules.ts          rewrite biome.json's dependency overrides
//   node .ci/dependency-rules.ts --check  exit 1 when biome.json is not what these rules render
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Workspaces whose source another workspace must reach by name and entry, never by a relative path. */
export const WORKSPACES = ['db', 'engine', 'lab', 'functions', 'worker', 'cli', 'web'] as const

/**
 * What each product workspace must never import (tests and testing/ helpers are exempt: they set up
 * anything). The lab depends on the product and never the other way; the CLI composes everything.
 */
export const FORBIDDEN: Record<string, { sources: string[]; packages: string[] }> = {
  db: { sources: ['db/**'], packages: ['engine', 'functions', 'worker', 'lab', 'web'] },
  engine: { sources: ['engine/**'], packages: ['functions', 'worker', 'lab', 'web'] },
  functions: { sources: ['functions/**'], packages: ['worker', 'lab', 'web'] },
  worker: { sources: ['worker/**'], packages: ['functions', 'lab', 'web'] },
  // The browser app reads the API through its generated client, never a server package.
  web: { sources: ['web/src/**'], packages: ['db', 'engine', 'functions', 'worker', 'lab'] },
}

/** The engine's folders in stage order; a folder may import its own layer and the layers before it. */
export const ENGINE_LAYERS: string[][] = [
  ['shared'],
  ['config', 'audit', 'ops', 'tenancy'],
  ['stage'],
  ['partner-central'], // the Selling API: client, request budget, field mapping, local fake
  ['ingest'], // RAW
  ['normalize'], // CORE
  ['billing', 'embed'], // CORE (billing) and SEARCH
  ['match'], // MATCH
  ['rules'], // RULES: the language
  ['decisions'], // RULES: applied to matches
  ['write-back'], // ACT: confirmed links written back to Partner Central
  ['dashboard', 'opportunities', 'reports', 'work-list'], // read models over everything above
  ['pipeline'], // runs the stages in order
  ['schedules', 'notifications'], // runs by themselves; telling people what happened
]

const DEEP = {
  group: ['@revops/*/*/**'],
  message:
    'Import another package through its named entries (its package.json exports), never a file inside it.',
}
const ESCAPE = {
  group: [...WORKSPACES.map((name) => `**/${name}/src/**`), '**/web/server/**'],
  message: 'Import another package by its name and entry, never by a relative path into it.',
}
const EXEMPT = ['!**/*.test.ts', '!**/testing/**']

type Pattern = { group: string[]; message: string }
type Override = { includes: string[]; linter: { rules: { style: { noRestrictedImports: unknown } } } }

function override(includes: string[], patterns: Pattern[]): Override {
  return {
    includes,
    linter: { rules: { style: { noRestrictedImports: { level: 'error', options: { patterns } } } } },
  }
}

function upward(workspace: string): Pattern {
  const packages = FORBIDDEN[workspace]!.packages
  return {
    group: packages.flatMap((name) => [`@revops/${name}`, `@revops/${name}/**`]),
    message: `${workspace} never imports ${packages.join(', ')}: the lab depends on the product, the CLI composes the deployables, and each layer depends only on the layers below it.`,
  }
}

/**
 * The overrides, in order: Biome lets a later matching override replace an earlier one's options, so each
 * narrower one repeats the broader patterns it must keep.
 */
export function renderDependencyOverrides(): Override[] {
  const rendered = [override(['**/*.ts', '**/*.tsx'], [DEEP, ESCAPE])]
  for (const [workspace, { sources }] of Object.entries(FORBIDDEN)) {
    rendered.push(override([...sources, ...EXEMPT], [DEEP, ESCAPE, upward(workspace)]))
  }
  ENGINE_LAYERS.forEach((layer, index) => {
    const later = ENGINE_LAYERS.slice(index + 1).flat()
    if (later.length === 0) return
    for (const folder of layer) {
      rendered.push(
        override(
          [`engine/src/${folder}/**`, ...EXEMPT],
          [
            DEEP,
            ESCAPE,
            upward('engine'),
            {
              group: later.map((name) => `**/${name}/**`),
              message: `engine/src/${folder} comes before ${later.join(', ')} (RAW → CORE → SEARCH → MATCH → RULES): an earlier stage never imports a later one.`,
            },
          ],
        ),
      )
    }
  })
  return rendered
}

type BiomeConfig = { overrides?: Array<Record<string, unknown>> }

const isDependencyOverride = (entry: Record<string, unknown>): boolean =>
  JSON.stringify(entry).includes('"noRestrictedImports"')

/** biome.json with its dependency overrides replaced by the rendered ones (other overrides kept first). */
export function withDependencyRules(config: BiomeConfig): BiomeConfig {
  const kept = (config.overrides ?? []).filter((entry) => !isDependencyOverride(entry))
  return { ...config, overrides: [...kept, ...renderDependencyOverrides()] }
}

const BIOME_JSON = fileURLToPath(new URL('../biome.json', import.meta.url))

export function readBiomeConfig(): BiomeConfig {
  return JSON.parse(readFileSync(BIOME_JSON, 'utf8')) as BiomeConfig
}

function main(): void {
  const current = readBiomeConfig()
  const wanted = withDependencyRules(current)
  if (process.argv.includes('--check')) {
    if (JSON.stringify(current) !== JSON.stringify(wanted)) {
      console.error(
        'biome.json is not what .ci/dependency-rules.ts renders: run node .ci/dependency-rules.ts',
      )
      process.exit(1)
    }
    return
  }
  writeFileSync(BIOME_JSON, `${JSON.stringify(wanted, null, 2)}\n`)
  const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url))
  execFileSync(biome, ['format', '--write', BIOME_JSON], { stdio: 'ignore' })
  console.log(`biome.json: ${renderDependencyOverrides().length} dependency overrides rendered`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
