// The few error kinds the product raises. Each has a stable `code`; the API maps them to HTTP in one
// place (functions/src/http/error-handler.ts) and the CLI prints their message.

export interface ErrorOptions {
  cause?: unknown
}

export abstract class AppError extends Error {
  abstract readonly code: string
  readonly details: unknown

  constructor(message: string, details?: unknown, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.details = details
  }
}

/** Input that breaks a rule the caller can fix (a bad filter, an unknown field). */
export class ValidationError extends AppError {
  readonly code = 'validation_failed'
}

/** A configuration file or document that does not fit its schema. */
export class ConfigError extends AppError {
  readonly code = 'invalid_config'
}

/** The thing asked for does not exist (for this tenant). */
export class NotFoundError extends AppError {
  readonly code = 'not_found'
}

/** The request conflicts with the current state (e.g. a decision already superseded). */
export class ConflictError extends AppError {
  readonly code = 'conflict'
}

/** A source database cannot be reached or read; jobs retry these with backoff. */
export class SourceUnavailableError extends AppError {
  readonly code = 'source_unavailable'
}

/** Missing or invalid credentials. */
export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized'
}

/** A change that must say which state it saw (If-Match) did not. */
export class PreconditionRequiredError extends AppError {
  readonly code = 'precondition_required'
}

/** Too many attempts (failed sign-ins) from one client; retry later. */
export class TooManyRequestsError extends AppError {
  readonly code = 'too_many_requests'
}

/** A request body larger than the route accepts. */
export class PayloadTooLargeError extends AppError {
  readonly code = 'payload_too_large'
}

/** Work that ran past its time budget (e.g. a ruleset whose expressions are too costly). */
export class TimeBudgetError extends AppError {
  readonly code = 'time_budget_exceeded'
}

/** Turns anything thrown into an Error, so every catch handles one shape. */
export function coerceError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown
  if (typeof thrown === 'string') return new Error(thrown)
  try {
    return new Error(JSON.stringify(thrown))
  } catch {
    return new Error(String(thrown))
  }
}
