// Opens the one onnxruntime session an embedder holds: on the GPU (CUDA) when the runtime and the
// machine have one, on the CPU otherwise, and says which.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import ort from 'onnxruntime-node'
import type { Logger } from '../shared/logger.ts'

export type ExecutionProvider = 'cuda' | 'cpu'

/** How to add onnxruntime-node's CUDA libraries on a GPU machine (the repository's .npmrc skips them). */
export const CUDA_INSTALL_HINT =
  'node node_modules/onnxruntime-node/script/install.js --onnxruntime-node-install=cuda12'

export interface OpenedSession {
  session: ort.InferenceSession
  /** The provider the session was created for (the first of the list that loaded). */
  provider: ExecutionProvider
}

/**
 * Tries each provider list in turn (`['cuda', 'cpu']`, then `['cpu']`): onnxruntime-node refuses a
 * session whose CUDA libraries are missing instead of falling back on its own. CUDA is not tried at
 * all when onnxruntime-node was installed without its CUDA libraries (the default: they are a
 * separate download; see CUDA_INSTALL_HINT).
 */
export async function openOnnxSession(
  modelFile: string,
  providers: ExecutionProvider[],
  log: Logger,
): Promise<OpenedSession> {
  const usable = providers.filter((provider) => provider !== 'cuda' || cudaLibraryPresent(log))
  if (usable.length === 0) throw new Error(`no usable execution provider among ${providers.join(', ')}`)
  let lastError: unknown
  for (const [index, provider] of usable.entries()) {
    try {
      const session = await ort.InferenceSession.create(modelFile, {
        executionProviders: usable.slice(index),
        graphOptimizationLevel: 'all',
        logSeverityLevel: 3,
      })
      return { session, provider }
    } catch (error) {
      lastError = error
      const next = usable[index + 1]
      if (next) log.warn(`embedding model: ${provider} execution provider failed, trying ${next}`, { error })
    }
  }
  throw new Error(`cannot load ONNX model ${modelFile}: ${(lastError as Error)?.message}`, {
    cause: lastError,
  })
}

/** Whether onnxruntime-node's CUDA provider library sits beside its binding (unknown layout: try). */
function cudaLibraryPresent(log: Logger): boolean {
  if (process.platform !== 'linux' && process.platform !== 'win32') return false
  const binDir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node')),
    '..',
    'bin',
    'napi-v6',
    process.platform,
    process.arch,
  )
  if (!existsSync(binDir)) return true
  const library =
    process.platform === 'linux' ? 'libonnxruntime_providers_cuda.so' : 'onnxruntime_providers_cuda.dll'
  if (existsSync(path.join(binDir, library))) return true
  log.info(
    `embedding model: onnxruntime-node has no CUDA libraries, using the CPU (to add them: ${CUDA_INSTALL_HINT})`,
  )
  return false
}
