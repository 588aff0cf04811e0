// Foundation — what every stage shares: errors, logging, progress, the clock, CSV, paging, storable text,
// seeded random.
export { todayIso } from './clock.ts'
export { csvField } from './csv.ts'
export {
  AppError,
  ConflictError,
  coerceError,
  PayloadTooLargeError,
  PreconditionRequiredError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from './errors.ts'
export type { Logger, LogLevel } from './logger.ts'
export { createLogger, LOG_LEVELS, silentLogger } from './logger.ts'
export type { Progress, ProgressListener } from './progress.ts'
export { isRetryableConflict, retryOnConflict } from './retry-on-conflict.ts'
export { seededRandom } from './seeded-random.ts'
export { unstorableTextProblem } from './storable-text.ts'
