import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fetchModel, modelFileUrl, parseContentRange, planDownload } from './model-fetch.ts'

// A local stand-in for the hub: real HTTP with Range support, so the download code runs for real.
const files: Record<string, Buffer> = {
  '/BAAI/bge-m3/resolve/main/onnx/model.onnx': randomBytes(3000),
  '/BAAI/bge-m3/resolve/main/onnx/model.onnx_data': randomBytes(200_000),
  '/BAAI/bge-m3/resolve/main/tokenizer.json': Buffer.from('{"model":{}}'),
}
const ranges: (string | undefined)[] = []
let ignoreRange = false
let shortBody = false
let server: Server
let baseUrl: string
let dir: string

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = files[req.url ?? '']
    if (!body) return void res.writeHead(404).end()
    if (req.method === 'HEAD') return void res.writeHead(200, { 'content-length': body.length }).end()
    ranges.push(req.headers.range)
    const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0)
    const sent = shortBody ? body.subarray(0, body.length / 2) : body.subarray(ignoreRange ? 0 : start)
    if (start > 0 && !ignoreRange)
      res.writeHead(206, {
        'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
        'content-length': sent.length,
      })
    else res.writeHead(200, { 'content-length': sent.length })
    res.end(sent)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'model-fetch-'))
  ranges.length = 0
  ignoreRange = false
  shortBody = false
  return () => rm(dir, { recursive: true, force: true })
})

const dataFile = () => files['/BAAI/bge-m3/resolve/main/onnx/model.onnx_data']!

describe('fetchModel', () => {
  it('downloads the ONNX model, its external data and the tokenizer, reporting progress', async () => {
    const progress: number[] = []
    const fetched = await fetchModel({
      dir,
      baseUrl,
      onProgress: (p) => p.file === 'model.onnx_data' && progress.push(p.done),
    })
    expect(fetched).toEqual([
      { file: 'model.onnx', bytes: 3000, downloaded: 3000 },
      { file: 'model.onnx_data', bytes: 200_000, downloaded: 200_000 },
      { file: 'tokenizer.json', bytes: 12, downloaded: 12 },
    ])
    expect(await readFile(path.join(dir, 'model.onnx_data'))).toEqual(dataFile())
    expect(progress.at(-1)).toBe(200_000)
    expect((await fetchModel({ dir, baseUrl })).map((f) => f.downloaded)).toEqual([0, 0, 0])
  })

  it('resumes a partial download with a Range request', async () => {
    await writeFile(path.join(dir, 'model.onnx_data.part'), dataFile().subarray(0, 150_000))
    const fetched = await fetchModel({ dir, baseUrl })
    expect(fetched[1]).toEqual({ file: 'model.onnx_data', bytes: 200_000, downloaded: 50_000 })
    expect(ranges).toEqual([undefined, 'bytes=150000-', undefined])
    expect(await readFile(path.join(dir, 'model.onnx_data'))).toEqual(dataFile())
  })

  it('starts over when the server ignores the range', async () => {
    ignoreRange = true
    await writeFile(path.join(dir, 'model.onnx_data.part'), Buffer.alloc(1000))
    await fetchModel({ dir, baseUrl })
    expect(await readFile(path.join(dir, 'model.onnx_data'))).toEqual(dataFile())
  })

  it('refuses a file of the wrong size, keeping the part to resume', async () => {
    shortBody = true
    await expect(fetchModel({ dir, baseUrl })).rejects.toThrow(
      'download of model.onnx ended at 1500 of 3000 bytes; run model:fetch again to resume',
    )
  })

  it('says clearly when the hub cannot be reached or lacks the file', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    await expect(fetchModel({ dir, baseUrl: `http://127.0.0.1:${port}` })).rejects.toThrow(
      `cannot reach http://127.0.0.1:${port} (ECONNREFUSED): the model hub is unreachable`,
    )
    await expect(fetchModel({ dir, baseUrl, repo: 'BAAI/none' })).rejects.toThrow(/answered HTTP 404/)
  })
})

describe('model fetch helpers', () => {
  it('builds hub URLs', () => {
    expect(modelFileUrl('BAAI/bge-m3', 'main', 'onnx/model.onnx')).toBe(
      'https://huggingface.co/BAAI/bge-m3/resolve/main/onnx/model.onnx',
    )
    expect(modelFileUrl('BAAI/bge-m3', 'main', 'tokenizer.json', 'https://mirror.example/')).toBe(
      'https://mirror.example/BAAI/bge-m3/resolve/main/tokenizer.json',
    )
  })

  it('plans resume offsets from what is on disk', () => {
    expect(planDownload(100, null, 100)).toEqual({ kind: 'complete' })
    expect(planDownload(null, 40, 100)).toEqual({ kind: 'download', offset: 40 })
    expect(planDownload(null, 100, 100)).toEqual({ kind: 'download', offset: 100 })
    expect(planDownload(null, 140, 100)).toEqual({ kind: 'download', offset: 0 })
    expect(planDownload(90, null, 100)).toEqual({ kind: 'download', offset: 0 })
    expect(planDownload(null, 0, 100)).toEqual({ kind: 'download', offset: 0 })
  })

  it('parses Content-Range', () => {
    expect(parseContentRange('bytes 100-199/200')).toEqual({ start: 100, end: 199, total: 200 })
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: null })
    expect(parseContentRange(null)).toBeNull()
    expect(parseContentRange('items 1-2/3')).toBeNull()
  })
})
