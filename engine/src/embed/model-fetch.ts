// Downloads bge-m3's ONNX export from the Hugging Face hub into the model directory: resumable (HTTP
// Range on a `.part` file), sizes verified, with progress; a clear error when the hub is unreachable.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

export interface ModelFile {
  /** Path inside the hub repository. */
  remotePath: string
  /** Name in the model directory. */
  localName: string
}

export const BGE_M3_REPO = 'BAAI/bge-m3'
export const HUB_URL = 'https://huggingface.co'
/** The official repository's ONNX export (weights in the external-data file) and its tokenizer. */
export const BGE_M3_FILES: ModelFile[] = [
  { remotePath: 'onnx/model.onnx', localName: 'model.onnx' },
  { remotePath: 'onnx/model.onnx_data', localName: 'model.onnx_data' },
  { remotePath: 'tokenizer.json', localName: 'tokenizer.json' },
]

export interface FetchProgress {
  file: string
  done: number
  total: number
}

export interface FetchModelOptions {
  dir: string
  repo?: string
  revision?: string
  files?: ModelFile[]
  /** The hub (or a mirror). */
  baseUrl?: string
  onProgress?: (progress: FetchProgress) => void
  signal?: AbortSignal
}

export interface FetchedFile {
  file: string
  bytes: number
  /** Bytes transferred this time (0: already complete). */
  downloaded: number
}

/** `https://huggingface.co/<repo>/resolve/<revision>/<path>`. */
export function modelFileUrl(repo: string, revision: string, remotePath: string, baseUrl = HUB_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${repo}/resolve/${encodeURIComponent(revision)}/${remotePath}`
}

export type DownloadPlan = { kind: 'complete' } | { kind: 'download'; offset: number }

/**
 * What to do given the sizes on disk: nothing when the final file has the expected size, else
 * continue a `.part` file that is shorter than expected, else start over.
 */
export function planDownload(
  finalSize: number | null,
  partSize: number | null,
  expected: number,
): DownloadPlan {
  if (finalSize === expected) return { kind: 'complete' }
  if (partSize !== null && partSize > 0 && partSize <= expected) return { kind: 'download', offset: partSize }
  return { kind: 'download', offset: 0 }
}

/** Parses `Content-Range: bytes start-end/total` (total may be `*`). */
export function parseContentRange(
  header: string | null,
): { start: number; end: number; total: number | null } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header?.trim() ?? '')
  if (!match) return null
  return { start: Number(match[1]), end: Number(match[2]), total: match[3] === '*' ? null : Number(match[3]) }
}

/** Downloads every file that is missing or incomplete; returns what each file holds now. */
export async function fetchModel(options: FetchModelOptions): Promise<FetchedFile[]> {
  const repo = options.repo ?? BGE_M3_REPO
  const revision = options.revision ?? 'main'
  await mkdir(options.dir, { recursive: true })
  const fetched: FetchedFile[] = []
  for (const file of options.files ?? BGE_M3_FILES) {
    const url = modelFileUrl(repo, revision, file.remotePath, options.baseUrl)
    fetched.push(await fetchFile(url, path.join(options.dir, file.localName), options))
  }
  return fetched
}

async function fetchFile(url: string, target: string, options: FetchModelOptions): Promise<FetchedFile> {
  const name = path.basename(target)
  const expected = await remoteSize(url, options.signal)
  const part = `${target}.part`
  const plan = planDownload(await sizeOf(target), await sizeOf(part), expected)
  if (plan.kind === 'complete') {
    options.onProgress?.({ file: name, done: expected, total: expected })
    return { file: name, bytes: expected, downloaded: 0 }
  }
  if (plan.offset === expected) {
    await rename(part, target)
    return { file: name, bytes: expected, downloaded: 0 }
  }
  const response = await request(url, {
    signal: options.signal,
    headers: plan.offset > 0 ? { range: `bytes=${plan.offset}-` } : {},
  })
  // A server that ignores Range answers 200 with the whole file: start over.
  const range = response.status === 206 ? parseContentRange(response.headers.get('content-range')) : null
  if (response.status === 206 && range?.start !== plan.offset) {
    throw new Error(`${url} answered the range request from byte ${range?.start}, not ${plan.offset}`)
  }
  const offset = range ? plan.offset : 0
  const handle = await open(part, offset > 0 ? 'a' : 'w')
  let done = offset
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      await handle.write(chunk)
      done += chunk.length
      options.onProgress?.({ file: name, done, total: expected })
    }
  } finally {
    await handle.close()
  }
  const size = (await sizeOf(part)) ?? 0
  if (size > expected) await rm(part)
  if (size !== expected) {
    throw new Error(
      `download of ${name} ended at ${size} of ${expected} bytes; run model:fetch again to resume`,
    )
  }
  await rename(part, target)
  return { file: name, bytes: size, downloaded: size - offset }
}

/** The file's size from a HEAD request (Hugging Face sends it as X-Linked-Size on LFS redirects). */
async function remoteSize(url: string, signal: AbortSignal | undefined): Promise<number> {
  const response = await request(url, { method: 'HEAD', signal })
  const size = Number(response.headers.get('x-linked-size') ?? response.headers.get('content-length'))
  if (!Number.isFinite(size) || size <= 0) throw new Error(`${url} did not say how large the file is`)
  return size
}

async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; signal?: AbortSignal | undefined },
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.headers,
      signal: init.signal ?? null,
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new Error(
      `cannot reach ${new URL(url).origin} (${cause?.code ?? cause?.message ?? (error as Error).message}): the model ` +
        'hub is unreachable from this machine. Download the files elsewhere and copy them into the model ' +
        'directory, or point HF_ENDPOINT at a mirror.',
      { cause: error },
    )
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new Error(`${url} answered HTTP ${response.status} ${response.statusText}`.trim())
  }
  return response
}

async function sizeOf(file: string): Promise<number | null> {
  return stat(file).then(
    (s) => s.size,
    () => null,
  )
}
