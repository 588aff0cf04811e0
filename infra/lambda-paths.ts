// Where npm run build:lambdas puts each function's bundle (relative to the project root, as SST's
// `bundle` wants it). Apart from build-lambdas.ts so the topology does not import the bundler.
export const LAMBDA_BUILD_DIR = '.build/lambda'
export const lambdaBundle = (name: 'api' | 'ops') => `${LAMBDA_BUILD_DIR}/${name}`
