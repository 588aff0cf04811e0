// The API application: middleware, the versioned routes, the OpenAPI document and its docs page.

import { OpenAPIHono } from '@hono/zod-openapi'
import { PayloadTooLargeError } from '@revops/engine/shared'
import { bodyLimit } from 'hono/body-limit'
import type { ApiDeps, AppEnv } from './app-context.ts'
import { createBillingAnswers } from './billing-answers.ts'
import { createAuthThrottle } from './http/auth-throttle.ts'
import { authenticate } from './http/authenticate.ts'
import { requestContext } from './http/correlation.ts'
import { docsPage } from './http/docs-page.ts'
import { handleError, handleNotFound } from './http/error-handler.ts'
import { guardInput } from './http/input-guard.ts'
import { auditRoutes } from './routes/audit.ts'
import { billingRoutes } from './routes/billing.ts'
import { dashboardRoutes } from './routes/dashboard.ts'
import { decisionRoutes } from './routes/decisions.ts'
import { healthRoutes } from './routes/health.ts'
import { ingestionRoutes } from './routes/ingestion.ts'
import { jobRoutes } from './routes/jobs.ts'
import { matchingRoutes } from './routes/matching.ts'
import { notificationRoutes } from './routes/notifications.ts'
import { opportunityRoutes } from './routes/opportunities.ts'
import { reportRoutes } from './routes/reports.ts'
import { rulesRoutes } from './routes/rules.ts'
import { scheduleRoutes } from './routes/schedules.ts'
import { workListRoutes } from './routes/work-list.ts'
import { writeBackRoutes } from './routes/write-backs.ts'
import { ENUMERATION_COMPONENTS } from './schemas/enumerations.ts'

export const OPENAPI_PATH = '/api/openapi.json'

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'RevOps POD API',
    version: '1.0.0',
    description:
      'Matches AWS Partner Central (ACE) opportunities to Odoo opportunities, decides Partner Originated Discount eligibility and compares AWS cost with customer invoices. Every success is `{ data, metadata }`, every error `{ error: { code, message, details, correlation_id } }`.',
  },
  servers: [{ url: '/' }],
  security: [{ apiKey: [] }],
}

/** Request bodies larger than this are refused (413) before they are read; no route needs more. */
export const MAX_BODY_BYTES = 1024 * 1024

export function createApp(given: ApiDeps) {
  const deps: ApiDeps = { ...given, billingAnswers: given.billingAnswers ?? createBillingAnswers() }
  const api = new OpenAPIHono<AppEnv>()
    .route('/', healthRoutes)
    .route('/', opportunityRoutes)
    .route('/', ingestionRoutes)
    .route('/', jobRoutes)
    .route('/', matchingRoutes)
    .route('/', rulesRoutes)
    .route('/', decisionRoutes)
    .route('/', auditRoutes)
    .route('/', dashboardRoutes)
    .route('/', billingRoutes)
    .route('/', writeBackRoutes)
    .route('/', scheduleRoutes)
    .route('/', reportRoutes)
    .route('/', workListRoutes)
    .route('/', notificationRoutes)

  const app = new OpenAPIHono<AppEnv>()
  app.use('*', requestContext(deps))
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(`the request body is larger than ${MAX_BODY_BYTES} bytes`, {
          max_bytes: MAX_BODY_BYTES,
        })
      },
    }),
  )
  app.use('/api/*', guardInput())
  app.use('*', authenticate(createAuthThrottle()))
  app.onError(handleError)
  app.notFound(handleNotFound)
  app.route('/api/v1', api)
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key of the tenant (`revops keys create`); the embedded default prints a local key at start.',
  })
  for (const [name, schema] of Object.entries(ENUMERATION_COMPONENTS))
    app.openAPIRegistry.register(name, schema)
  app.doc31(OPENAPI_PATH, OPENAPI_INFO)
  app.route('/api/docs', docsPage(OPENAPI_PATH))
  return app
}

export type App = ReturnType<typeof createApp>
