// The web workspace's server side: building the UI when its sources changed, and serving the built files
// beside the API on one origin. The CLI (npm start) composes them with the API.
export { createWebAssets, type WebAssets, type WebAssetsOptions, withWebAssets } from './web-assets.ts'
export { ensureWebBuild, readWebBuildState, WEB_DIR, webClientDir } from './web-build.ts'
