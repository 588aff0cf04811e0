// One virtual user (a worker thread): loads the k6 script with the k6 modules resolved to the runner's
// shims, then runs its default function until the runner raises the stop flag or the iterations are done.
// In setup mode it runs the script's setup() once and hands back its data and the script's options.
import { registerHooks } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type MessagePort, parentPort, workerData } from 'node:worker_threads'
import type { VuSetup } from './protocol.ts'
import { openVuChannel } from './vu-channel.ts'

const SHIMS: Record<string, string> = {
  k6: 'shims/k6.ts',
  'k6/http': 'shims/http.ts',
  'k6/metrics': 'shims/metrics.ts',
}
registerHooks({
  resolve(specifier, context, next) {
    const shim = SHIMS[specifier]
    if (shim) return { url: new URL(shim, import.meta.url).href, shortCircuit: true }
    return next(specifier, context)
  },
})

const setup = workerData as VuSetup & { port: MessagePort; mode: 'setup' | 'run' }
const flags = new Int32Array(setup.shared)
const channel = openVuChannel(setup.port, setup.shared)
const globals = globalThis as Record<string, unknown>
globals.__ENV = setup.env
globals.__VU = setup.vu
globals.__ITER = 0

const script = (await import(pathToFileURL(setup.script).href)) as {
  default?: (data: unknown) => void
  setup?: () => unknown
  options?: unknown
}

if (setup.mode === 'setup') {
  const data = script.setup ? script.setup() : undefined
  parentPort!.postMessage({ type: 'setup', data, options: JSON.parse(JSON.stringify(script.options ?? {})) })
} else {
  if (!script.default)
    throw new Error(`${fileURLToPath(pathToFileURL(setup.script))} has no default function`)
  // As k6 does: every virtual user is initialised (script loaded) before any starts, so the threads'
  // start-up is not measured as the service's latency.
  channel.post({ type: 'ready' })
  while (Atomics.load(flags, 2) === 0) Atomics.wait(flags, 2, 0)
  let iterations = 0
  while (Atomics.load(flags, 1) === 0 && iterations < setup.maxIterations) {
    try {
      script.default(setup.data)
    } catch (error) {
      channel.post({ type: 'error', message: String((error as Error)?.message ?? error) })
    }
    iterations++
    globals.__ITER = iterations
    channel.post({ type: 'iteration' })
  }
}
setup.port.close()
