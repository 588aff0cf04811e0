// Public entity-matching benchmarks in the DeepMatcher layout, run through the engine.
export { evaluateDeepMatcher } from './evaluate-deepmatcher.ts'
export { loadDeepMatcherDataset } from './load-dataset.ts'
export { parseCsvObjects } from './parse-csv.ts'
