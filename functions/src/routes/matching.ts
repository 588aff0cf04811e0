// Matching: generate matches (one ACE opportunity at once, or all as a job), read candidates with
// their explanations, and record reviewers' confirm / reject decisions.
import { createRoute, z } from '@hono/zod-openapi'
import { listLinks, readMatch, readMatches, recordReview } from '@revops/engine/match'
import { enqueueJob } from '@revops/engine/ops'
import type { Context } from 'hono'
import type { AppEnv } from '../app-context.ts'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { requireIfMatch } from '../http/if-match.ts'
import { hasJson } from '../http/json-body.ts'
import { createRouter } from '../http/router.ts'
import { jobSchema } from '../schemas/job.ts'
import { matchSchema, reviewBodySchema } from '../schemas/match.ts'
import { intParam } from '../schemas/params.ts'
import { jobToApi, matchToApi } from '../schemas/to-api.ts'

const aceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an ACE opportunity id')

const generateRoute = createRoute({
  method: 'post',
  path: '/matching/generate',
  tags: ['Matching'],
  summary: 'Match one ACE opportunity now, or queue matching of all of them',
  description:
    'With `ace_id`, the opportunity is matched at once with the current model and its candidates are returned (200). Without it, a matching job is queued (202; 200 when the same job is already queued or running); `mode: full` re-estimates the model.',
  request: {
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({ ace_id: aceId.optional(), mode: z.enum(['auto', 'full']).default('auto') })
            .openapi('MatchingRequest'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Candidates of the ACE opportunity (or the already queued job)',
      content: {
        'application/json': {
          schema: envelope(
            z.union([z.object({ ace_id: z.string(), matches: z.array(matchSchema) }), jobSchema]),
          ),
        },
      },
    },
    202: {
      description: 'Matching job queued',
      content: { 'application/json': { schema: envelope(jobSchema) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/matches',
  tags: ['Matching'],
  summary: 'Candidates of one ACE opportunity, or the current links',
  request: {
    query: z.object({
      ace_id: aceId.optional().openapi({ description: 'all candidates of this ACE opportunity, best first' }),
      band: z
        .enum(['auto_link', 'review', 'no_link'])
        .optional()
        .openapi({ description: 'without ace_id: links in this band' }),
      limit: intParam({ min: 1, max: 500 }).default(100),
      after: z
        .string()
        .regex(/^\d{1,18}$/)
        .optional()
        .openapi({ description: 'without ace_id: links after this match id' }),
    }),
  },
  responses: {
    200: {
      description: 'Matches',
      content: { 'application/json': { schema: envelope(z.array(matchSchema)) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

const reviewRoute = (decision: 'confirm' | 'reject') =>
  createRoute({
    method: 'put',
    path: `/matches/{id}/${decision}`,
    tags: ['Matching'],
    summary: decision === 'confirm' ? 'Confirm that this pair is a match' : 'Reject this pair',
    description:
      "Recorded append-only, attributed to the API key (a `reviewer` in the body is kept as a display name), applied to the links at once, and used as a label when the model is next estimated. Send `If-Match` with the match's `etag` (428 without; 409 when the ACE opportunity was reviewed since). Confirming a pair while another pair of the same ACE opportunity stands confirmed supersedes that confirmation (recorded as its rejection, and audited).",
    request: {
      headers: z.object({
        'if-match': z.string().optional().openapi({ description: 'the etag of the match as you saw it' }),
      }),
      params: z.object({
        id: z
          .string()
          .regex(/^\d{1,18}$/, 'expected a match id')
          .openapi({ param: { name: 'id', in: 'path' } }),
      }),
      body: { required: false, content: { 'application/json': { schema: reviewBodySchema } } },
    },
    responses: {
      200: {
        description: 'The match after the decision',
        content: { 'application/json': { schema: envelope(matchSchema) } },
      },
      ...errorResponses(400, 401, 404, 409, 428),
    },
  })

export const matchingRoutes = createRouter()
  .openapi(generateRoute, async (c) => {
    const body = hasJson(c) ? c.req.valid('json') : { mode: 'auto' as const, ace_id: undefined }
    const deps = c.get('deps')
    const tenant = await deps.loadTenant(c.get('tenantId'))
    if (body.ace_id) {
      const { session } = await deps.matchingSessions.get(tenant)
      const matches = await session.matchOne(c.get('sql'), body.ace_id)
      return ok(c, { ace_id: body.ace_id, matches: matches.map(matchToApi) }, 200)
    }
    const { job, created } = await enqueueJob(c.get('sql'), {
      tenantId: tenant.config.tenant_id,
      kind: 'match',
      payload: { mode: body.mode ?? 'auto' },
      reuseActive: true,
    })
    return created ? ok(c, jobToApi(job), 202) : ok(c, jobToApi(job), 200)
  })
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const deps = c.get('deps')
    const tenant = await deps.loadTenant(c.get('tenantId'))
    const { config } = await deps.matchingSessions.get(tenant)
    const matches = query.ace_id
      ? await readMatches(c.get('sql'), tenant.config.tenant_id, config.left.entity, query.ace_id)
      : await listLinks(c.get('sql'), tenant.config.tenant_id, config.left.entity, {
          band: query.band,
          limit: query.limit,
          after: query.after,
        })
    return ok(c, matches.map(matchToApi))
  })
  .openapi(reviewRoute('confirm'), (c) =>
    review(c, 'confirm', c.req.valid('param').id, hasJson(c) ? c.req.valid('json') : {}),
  )
  .openapi(reviewRoute('reject'), (c) =>
    review(c, 'reject', c.req.valid('param').id, hasJson(c) ? c.req.valid('json') : {}),
  )

async function review(
  c: Context<AppEnv>,
  decision: 'confirm' | 'reject',
  id: string,
  body: { reviewer?: string | undefined; note?: string | undefined },
) {
  const deps = c.get('deps')
  const tenant = await deps.loadTenant(c.get('tenantId'))
  const { config, session } = await deps.matchingSessions.get(tenant)
  const principal = c.get('principal')
  const reviewed = await recordReview(c.get('sql'), {
    tenantId: tenant.config.tenant_id,
    config,
    candidateId: id,
    decision,
    reviewer: principal.name,
    reviewerKeyId: principal.keyId,
    displayName: body.reviewer,
    note: body.note,
    expectedState: requireIfMatch(c),
  })
  // Score the record again: its other candidates share the probability the decision took or gave.
  // The review is recorded whatever happens here; if scoring fails, the stored match answers (logged).
  const rescored = await session.matchOne(c.get('sql'), reviewed.left_id).catch((error: unknown) => {
    deps.log.warn('scoring again after a review failed; answering with the stored match', {
      correlation_id: c.get('correlationId'),
      ace_id: reviewed.left_id,
      error,
    })
    return null
  })
  // The pair is found by its records, not its id: the reviewed pair always stays a candidate (see
  // withReviewedPairs), and this holds even if a concurrent run replaced its row.
  const match =
    rescored?.find((m) => m.right_id === reviewed.right_id) ??
    (await readMatch(c.get('sql'), tenant.config.tenant_id, reviewed.id))
  return ok(c, matchToApi(match))
}
