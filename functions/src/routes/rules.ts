// Rulesets: read the published configuration (or one version), list versions, compare two, simulate an
// edited ruleset against today's decisions, and publish a new immutable version. Invalid YAML, unknown
// facts, type errors and wrong parameter types are 400s naming the line; nothing is published then.
import { createRoute, z } from '@hono/zod-openapi'
import {
  diffRulesetVersions,
  listRulesetVersions,
  publishRulesetText,
  readRulesetConfig,
  rulesDirOf,
  simulateRuleset,
} from '@revops/engine/decisions'
import { todayIso } from '@revops/engine/shared'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { intParam, isoDate, rulesetName } from '../schemas/params.ts'
import {
  rulesetConfigSchema,
  rulesetDiffSchema,
  rulesetTextSchema,
  rulesetVersionSummarySchema,
  simulationReportSchema,
} from '../schemas/ruleset.ts'

const params = z.object({
  ruleset: rulesetName.openapi({ param: { name: 'ruleset', in: 'path' }, example: 'pod' }),
})
const version = intParam({ min: 1 })
const tags = ['Rules']

const configRoute = createRoute({
  method: 'get',
  path: '/rules/{ruleset}/config',
  tags,
  summary: 'The published ruleset (latest, or one version) with its YAML and resolved rules',
  description:
    "Before anything is published, the tenant's own file is returned with `version: null` (what the first evaluation will publish).",
  request: { params, query: z.object({ version: version.optional() }) },
  responses: {
    200: {
      description: 'The ruleset',
      content: { 'application/json': { schema: envelope(rulesetConfigSchema) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

const publishRoute = createRoute({
  method: 'put',
  path: '/rules/{ruleset}/config',
  tags,
  summary: 'Validate and publish a new version of the ruleset',
  description:
    "The YAML is validated (schema, `extends`, every condition type-checked against the fact catalogue) and published as the next immutable version, attributed to the API key (an `author` in the body is kept as a display name beside it). 201 when a version was created, 200 when the content equals the latest version (nothing stored). The YAML's `ruleset:` must name the ruleset of the path.",
  request: {
    params,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: rulesetTextSchema.extend({ author: z.string().trim().min(1).max(200).optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Unchanged: the latest version',
      content: { 'application/json': { schema: envelope(rulesetConfigSchema) } },
    },
    201: {
      description: 'Published',
      content: { 'application/json': { schema: envelope(rulesetConfigSchema) } },
    },
    ...errorResponses(400, 401, 409),
  },
})

const versionsRoute = createRoute({
  method: 'get',
  path: '/rules/{ruleset}/versions',
  tags,
  summary: 'Every published version of the ruleset, newest first',
  request: { params },
  responses: {
    200: {
      description: 'Versions',
      content: { 'application/json': { schema: envelope(z.array(rulesetVersionSummarySchema)) } },
    },
    ...errorResponses(400, 401),
  },
})

const diffRoute = createRoute({
  method: 'get',
  path: '/rules/{ruleset}/diff',
  tags,
  summary: 'What changed between two published versions',
  request: { params, query: z.object({ from: version, to: version }) },
  responses: {
    200: {
      description: 'The difference',
      content: { 'application/json': { schema: envelope(rulesetDiffSchema) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

const simulateRoute = createRoute({
  method: 'post',
  path: '/rules/{ruleset}/simulate',
  tags,
  summary: "How an edited ruleset would change today's decisions, before it is published",
  description:
    'Evaluates the current version and the candidate side by side on the same facts at `as_of` (today unless given): counts per outcome, the rules diff and every opportunity whose outcome moves. Writes nothing.',
  request: {
    params,
    body: {
      required: true,
      content: {
        'application/json': { schema: rulesetTextSchema.extend({ as_of: isoDate.optional() }) },
      },
    },
  },
  responses: {
    200: {
      description: 'The simulation',
      content: { 'application/json': { schema: envelope(simulationReportSchema) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

export const rulesRoutes = createRouter()
  .openapi(configRoute, async (c) => {
    const tenant = await c.get('deps').loadTenant(c.get('tenantId'))
    const { ruleset } = c.req.valid('param')
    return ok(c, await readRulesetConfig(c.get('sql'), tenant, ruleset, c.req.valid('query').version))
  })
  .openapi(publishRoute, async (c) => {
    const tenant = await c.get('deps').loadTenant(c.get('tenantId'))
    const { ruleset } = c.req.valid('param')
    const body = c.req.valid('json')
    const sql = c.get('sql')
    // A body publishing ruleset `x` through /rules/y/config would surprise everyone reading the log.
    const { version, created } = await publishRulesetText(sql, body.yaml, {
      expectName: ruleset,
      tenantId: tenant.config.tenant_id,
      author: c.get('principal').name,
      authorKeyId: c.get('principal').keyId,
      authorDisplayName: body.author,
      rulesDir: rulesDirOf(tenant),
      fileName: `${ruleset}.yaml`,
    })
    const config = await readRulesetConfig(sql, tenant, ruleset, version.version)
    return created ? ok(c, config, 201) : ok(c, config, 200)
  })
  .openapi(versionsRoute, async (c) =>
    ok(c, await listRulesetVersions(c.get('sql'), c.get('tenantId'), c.req.valid('param').ruleset)),
  )
  .openapi(diffRoute, async (c) => {
    const { from, to } = c.req.valid('query')
    const { ruleset } = c.req.valid('param')
    return ok(c, await diffRulesetVersions(c.get('sql'), c.get('tenantId'), ruleset, from, to))
  })
  .openapi(simulateRoute, async (c) => {
    const tenant = await c.get('deps').loadTenant(c.get('tenantId'))
    const { ruleset } = c.req.valid('param')
    const body = c.req.valid('json')
    const report = await simulateRuleset(c.get('sql'), {
      expectName: ruleset,
      tenant,
      text: body.yaml,
      fileName: `${ruleset}.yaml`,
      asOf: body.as_of ?? todayIso(),
    })
    return ok(c, report)
  })
