// The tenant's schedules: what runs by itself, when it last ran and how that ended, and when it runs next.
import { createRoute, z } from '@hono/zod-openapi'
import { SCHEDULE_TASK_NAMES } from '@revops/engine/config'
import { listSchedules } from '@revops/engine/schedules'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'

const scheduleSchema = z
  .object({
    name: z.string(),
    task: z.enum(SCHEDULE_TASK_NAMES),
    cron: z.string().openapi({ example: '0 * * * *' }),
    timezone: z.string().openapi({ example: 'Europe/Berlin' }),
    enabled: z.boolean(),
    catch_up_minutes: z.number().int(),
    last_run_at: z.string().nullable().openapi({ description: 'the scheduled minute of the last run' }),
    last_job_id: z.string().nullable(),
    last_outcome: z.string().nullable().openapi({
      description: 'queued, running, succeeded, failed, or joined (the previous run was still going)',
    }),
    last_error: z.string().nullable(),
    next_run_at: z.string().nullable(),
  })
  .openapi('Schedule')

const listRoute = createRoute({
  method: 'get',
  path: '/schedules',
  tags: ['Schedules'],
  summary: 'The tenant’s schedules (tenant.yaml) with their last and next run',
  responses: {
    200: {
      description: 'Each schedule',
      content: { 'application/json': { schema: envelope(z.array(scheduleSchema)) } },
    },
    ...errorResponses(401),
  },
})

export const scheduleRoutes = createRouter().openapi(listRoute, async (c) => {
  const tenant = await c.get('deps').loadTenant(c.get('tenantId'))
  return ok(c, await listSchedules(c.get('sql'), tenant.config, new Date()))
})
