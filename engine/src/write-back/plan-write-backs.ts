// Which links should be written back, worked out again from the current state each time (so planning
// twice changes nothing): an ACE opportunity of the Selling API source whose confirmed Odoo counterpart
// (or, when the tenant allows, its auto-linked one) differs from its PartnerOpportunityIdentifier gets one
// open write; an open write whose link no longer stands, or that is already in Partner Central, is
// superseded.
import type { Sql } from '@revops/db'
import type { WriteBackConfig } from '../config/tenant-config.ts'

export interface PlanWriteBacksInput {
  tenantId: string
  /** The Selling API source's name and catalog. */
  source: string
  catalog: string
  config: WriteBackConfig
}

export interface WritePlanReport {
  planned: number
  changed: number
  superseded: number
}

export async function planWriteBacks(sql: Sql, input: PlanWriteBacksInput): Promise<WritePlanReport> {
  const { tenantId } = input
  return sql.begin(async (tx) => {
    // Plans of one tenant are serialised (a pipeline and an approval may plan at once).
    await tx`select pg_advisory_xact_lock(hashtextextended(${`write-back-plan:${tenantId}`}, 0))`
    await tx`
      create temp table wanted_links on commit drop as
      with confirmed as (
        select distinct on (left_id) left_id as ace_id, right_id as lead_id, decision
        from match.reviews
        where tenant_id = ${tenantId} and left_entity = 'ace_opportunity'
        order by left_id, created_at desc, review_id desc
      ),
      links as (
        select ace_id, lead_id, 'confirmed'::text as reason from confirmed where decision = 'confirm'
        union all
        select c.left_id, c.right_id, 'auto_link' from match.candidates c
        where ${input.config.include_auto_links} and c.tenant_id = ${tenantId}
          and c.left_entity = 'ace_opportunity' and c.selected and c.band = 'auto_link'
          and not exists (select 1 from confirmed r where r.ace_id = c.left_id and r.decision = 'confirm')
      )
      select l.ace_id, l.lead_id, l.reason, a.partner_crm_id, a.aws_modified_at
      from links l
      join core.ace_opportunities a on a.tenant_id = ${tenantId} and a.ace_id = l.ace_id and a.source = ${input.source}`
    const superseded = await tx`
      update ops.partner_central_writes w
      set status = 'superseded', updated_at = now(), done_at = now(),
          message = case when exists (select 1 from wanted_links l where l.ace_id = w.ace_id and l.partner_crm_id = w.lead_id)
                         then 'Partner Central already holds this link'
                         else 'the link no longer stands' end
      where w.tenant_id = ${tenantId} and w.status in ('pending_approval', 'approved', 'held')
        and not exists (select 1 from wanted_links l
                        where l.ace_id = w.ace_id and l.lead_id = w.lead_id and l.partner_crm_id is distinct from l.lead_id)`
    const initial = input.config.require_approval ? 'pending_approval' : 'approved'
    const planned = await tx`
      insert into ops.partner_central_writes (tenant_id, source, catalog, ace_id, lead_id, reason, status, mode)
      select ${tenantId}, ${input.source}, ${input.catalog}, l.ace_id, l.lead_id, l.reason, ${initial}, ${input.config.mode}
      from wanted_links l
      where l.partner_crm_id is distinct from l.lead_id
        and not exists (select 1 from ops.partner_central_writes w
                        where w.tenant_id = ${tenantId} and w.ace_id = l.ace_id
                          and w.status in ('pending_approval', 'approved', 'held'))
        -- Written already (or, in a dry run, recorded) and the record has not changed in Partner Central
        -- since: CORE catches up at the next sync, and nothing needs approving again meanwhile.
        and not exists (select 1 from ops.partner_central_writes w
                        where w.tenant_id = ${tenantId} and w.ace_id = l.ace_id and w.lead_id = l.lead_id
                          and (w.status = 'succeeded' or (w.status = 'dry_run' and ${input.config.mode} = 'dry_run'))
                          and w.done_at >= coalesce(l.aws_modified_at, '-infinity'))`
    // The mode may have changed since an open write was planned: it runs in the mode of today's config.
    const changed = await tx`
      update ops.partner_central_writes set mode = ${input.config.mode}, updated_at = now()
      where tenant_id = ${tenantId} and status in ('pending_approval', 'approved', 'held') and mode <> ${input.config.mode}`
    return { planned: planned.count, changed: changed.count, superseded: superseded.count }
  })
}
