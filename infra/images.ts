// The one image every container runs (the project's Dockerfile, entrypoint `revops`), and how the
// embedding worker starts in it.
export const PROJECT_IMAGE = { context: '.', dockerfile: 'Dockerfile' }
/** Where the embedding worker keeps BGE-M3 (fetched at start when missing: about 2.3 GB). */
export const MODEL_DIR = '/models/bge-m3'
export const EMBED_WORKER_SHELL = `node engine/scripts/model-fetch.ts --dir ${MODEL_DIR} && exec node cli/src/main.ts embed-worker`
