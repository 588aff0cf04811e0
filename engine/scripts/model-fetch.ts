// `npm run model:fetch [-- --dir <dir>] [--revision <rev>]`: downloads BAAI/bge-m3's ONNX export (about
// 2.3 GB) into MODEL_DIR (default .data/models/bge-m3); run it again to resume an interrupted download.
// HF_ENDPOINT points at a Hugging Face mirror. This is an entry point, so it reads the environment.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { BGE_M3_REPO, fetchModel, HUB_URL } from '../src/embed/model-fetch.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const { values } = parseArgs({
  options: { dir: { type: 'string' }, revision: { type: 'string', default: 'main' } },
})
const dir = path.resolve(root, values.dir ?? process.env.MODEL_DIR ?? '.data/models/bge-m3')
const baseUrl = process.env.HF_ENDPOINT ?? HUB_URL
const controller = new AbortController()
process.once('SIGINT', () => controller.abort())

const printed = new Map<string, number>()
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1)
console.error(`downloading ${BGE_M3_REPO} (ONNX) from ${baseUrl} into ${dir}`)
try {
  const files = await fetchModel({
    dir,
    baseUrl,
    revision: values.revision,
    signal: controller.signal,
    onProgress: ({ file, done, total }) => {
      const now = Date.now()
      if (done < total && now - (printed.get(file) ?? 0) < 2000) return
      printed.set(file, now)
      console.error(`  ${file}: ${mib(done)} / ${mib(total)} MiB (${Math.floor((done / total) * 100)} %)`)
    },
  })
  for (const file of files)
    console.error(
      `  ${file.file}: ${mib(file.bytes)} MiB${file.downloaded === 0 ? ' (already complete)' : ''}`,
    )
  console.error(`done. The embedding worker uses it with MODEL_DIR=${dir}`)
} catch (error) {
  console.error(`model:fetch failed: ${(error as Error).message}`)
  process.exitCode = 1
}
