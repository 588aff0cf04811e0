// POD decisions: queue an evaluation, the review queue (filter, search, sort, page), one decision with
// its rule trace and match explanation, and a reviewer's approve / reject with a required note.
import { createRoute, z } from '@hono/zod-openapi'
import {
  DECISION_SORTS,
  listCurrentDecisions,
  readDecision,
  resolveEvaluationVersion,
  reviewDecision,
} from '@revops/engine/decisions'
import { enqueueJob } from '@revops/engine/ops'
import { todayIso } from '@revops/engine/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../app-context.ts'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { requireIfMatch, setEtag } from '../http/if-match.ts'
import { hasJson } from '../http/json-body.ts'
import { createRouter } from '../http/router.ts'
import {
  decisionDetailSchema,
  decisionReviewSchema,
  decisionSummarySchema,
  outcomeSchema,
  reviewNoteSchema,
} from '../schemas/decision.ts'
import { jobSchema } from '../schemas/job.ts'
import { intParam, isoDate, isoInstant, MAX_INT4, rulesetName } from '../schemas/params.ts'
import { jobToApi, matchToApi } from '../schemas/to-api.ts'

const tags = ['Decisions']
const decisionId = z.object({
  id: z
    .string()
    .regex(/^\d{1,18}$/, 'expected a decision id')
    .openapi({ param: { name: 'id', in: 'path' }, example: '42' }),
})

const evaluateRoute = createRoute({
  method: 'post',
  path: '/decisions/evaluate',
  tags,
  summary: 'Queue a POD evaluation of every ACE opportunity (or some) at an as-of date',
  description:
    'Evaluates with the latest published ruleset version unless `version` names another; each opportunity whose facts or version changed gets a new decision (append-only). Returns the job (202; 200 when the same job is already queued or running).',
  request: {
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({
              as_of: isoDate.optional().openapi({ description: 'today unless given' }),
              ruleset: rulesetName.optional().openapi({ description: 'pod unless given' }),
              version: z.number().int().min(1).max(MAX_INT4).optional(),
              ace_ids: z.array(z.string().min(1).max(64)).min(1).max(10_000).optional(),
            })
            .openapi('EvaluateRequest'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The same job, already queued',
      content: { 'application/json': { schema: envelope(jobSchema) } },
    },
    202: { description: 'Queued', content: { 'application/json': { schema: envelope(jobSchema) } } },
    ...errorResponses(400, 401, 404),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/decisions',
  tags,
  summary: 'The current decision of every ACE opportunity: filter, search, sort, page',
  request: {
    query: z.object({
      outcome: outcomeSchema.optional(),
      rule: z.string().min(1).optional().openapi({ description: 'rule id that failed or asked for review' }),
      rule_result: z.enum(['fail', 'review', 'not_evaluated', 'pass']).optional().openapi({
        description: 'with rule: only this result (fail or review unless given)',
      }),
      stage: z.string().min(1).optional(),
      owner: z
        .string()
        .min(1)
        .optional()
        .openapi({ description: 'opportunity ownership, e.g. Partner Referral' }),
      close_from: isoDate.optional().openapi({ description: 'target close date on or after' }),
      close_to: isoDate.optional().openapi({ description: 'target close date on or before' }),
      q: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: 'text in id, customer, title, account' }),
      evaluated_from: isoInstant.optional().openapi({ description: 'evaluated at or after (ISO 8601)' }),
      evaluated_to: isoInstant.optional().openapi({ description: 'evaluated before (ISO 8601)' }),
      sort: z.enum(DECISION_SORTS).default('ace_id'),
      order: z.enum(['asc', 'desc']).default('asc'),
      limit: intParam({ min: 1, max: 500 }).default(100),
      cursor: z.string().max(500).optional().openapi({ description: 'next_cursor of the previous page' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of decisions',
      content: {
        'application/json': {
          schema: envelope(
            z.object({ items: z.array(decisionSummarySchema), next_cursor: z.string().nullable() }),
          ),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

const readRoute = createRoute({
  method: 'get',
  path: '/decisions/{id}',
  tags,
  summary: 'One decision: every rule with its inputs and explanation, the facts, the match and reviews',
  request: { params: decisionId },
  responses: {
    200: {
      description: 'The decision',
      content: { 'application/json': { schema: envelope(decisionDetailSchema) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

const reviewRoute = (action: 'approve' | 'reject') =>
  createRoute({
    method: 'put',
    path: `/decisions/{id}/${action}`,
    tags,
    summary:
      action === 'approve'
        ? 'Approve the decision (a note is required)'
        : 'Reject the decision (a note is required)',
    description:
      "Recorded append-only and audited, attributed to the API key (a `reviewer` in the body is kept as a display name beside it). Send `If-Match` with the decision's `etag` (428 without): a decision reviewed since, or no longer the opportunity's current one, is a 409. A second review replaces the first visibly (`supersedes_review_id`).",
    request: {
      headers: z.object({
        'if-match': z.string().optional().openapi({ description: 'the etag of the decision as you saw it' }),
      }),
      params: decisionId,
      body: { required: true, content: { 'application/json': { schema: reviewNoteSchema } } },
    },
    responses: {
      200: {
        description: 'The review',
        content: { 'application/json': { schema: envelope(decisionReviewSchema) } },
      },
      ...errorResponses(400, 401, 404, 409, 428),
    },
  })

export const decisionRoutes = createRouter()
  .openapi(evaluateRoute, async (c) => {
    const body = hasJson(c) ? c.req.valid('json') : {}
    // An unknown ruleset or version is refused now, not by a job that fails later.
    const tenant = await c.get('deps').loadTenant(c.get('tenantId'))
    await resolveEvaluationVersion(c.get('sql'), { tenant, ruleset: body.ruleset, version: body.version })
    const { job, created } = await enqueueJob(c.get('sql'), {
      tenantId: c.get('tenantId'),
      kind: 'decide',
      payload: {
        asOf: body.as_of ?? todayIso(),
        ruleset: body.ruleset,
        version: body.version,
        aceIds: body.ace_ids,
        actor: c.get('principal').name,
      },
      reuseActive: true,
    })
    return created ? ok(c, jobToApi(job), 202) : ok(c, jobToApi(job), 200)
  })
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listCurrentDecisions(c.get('sql'), c.get('tenantId'), {
      outcome: query.outcome,
      ruleId: query.rule,
      ruleResults: query.rule_result ? [query.rule_result] : undefined,
      stage: query.stage,
      ownership: query.owner,
      closeFrom: query.close_from,
      closeTo: query.close_to,
      search: query.q,
      evaluatedFrom: query.evaluated_from,
      evaluatedTo: query.evaluated_to,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      after: query.cursor,
    })
    return ok(c, page)
  })
  .openapi(readRoute, async (c) => {
    const decision = await readDecision(c.get('sql'), c.get('tenantId'), c.req.valid('param').id)
    setEtag(c, decision.etag)
    return ok(c, { ...decision, match: decision.match ? matchToApi(decision.match) : null })
  })
  .openapi(reviewRoute('approve'), (c) => review(c, 'approve', c.req.valid('param').id, c.req.valid('json')))
  .openapi(reviewRoute('reject'), (c) => review(c, 'reject', c.req.valid('param').id, c.req.valid('json')))

async function review(
  c: Context<AppEnv>,
  action: 'approve' | 'reject',
  decisionId: string,
  body: { note: string; reviewer?: string | undefined },
) {
  const principal = c.get('principal')
  const reviewed = await reviewDecision(c.get('sql'), {
    tenantId: c.get('tenantId'),
    decisionId,
    action,
    note: body.note,
    reviewer: principal.name,
    reviewerKeyId: principal.keyId,
    displayName: body.reviewer,
    expectedState: requireIfMatch(c),
  })
  return ok(c, reviewed)
}
