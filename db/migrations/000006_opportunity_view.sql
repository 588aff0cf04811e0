-- One list of opportunities from both systems, for the API and the UI. Ids carry their system
-- (`ace:O1234567`, `odoo:42`) because the two id spaces overlap in meaning but not in form.

create view core.opportunities as
select
  a.tenant_id,
  'ace:' || a.ace_id as id,
  'ace'::text as source,
  a.ace_id as source_id,
  a.customer_name,
  a.customer_name_normalized,
  a.title,
  a.stage,
  a.status,
  a.close_date,
  a.project_budget as amount,
  'monthly'::text as amount_period,
  a.aws_account_id,
  coalesce(a.website_domain, a.email_domain) as domain,
  a.ownership as origin,
  a.owner_name as owner,
  a.country_code,
  a.state_code,
  a.created_at,
  a.updated_at
from core.ace_opportunities a
union all
select
  o.tenant_id,
  'odoo:' || o.lead_id,
  'odoo',
  o.lead_id::text,
  o.customer_name,
  o.customer_name_normalized,
  o.title,
  o.stage_name,
  case when o.is_won then 'won' when o.is_lost or not o.active then 'lost' else 'open' end,
  o.date_deadline,
  o.expected_revenue,
  'total',
  null,
  coalesce(o.website_domain, o.email_domain),
  o.origination,
  o.salesperson,
  o.country_code,
  o.state_code,
  o.created_at,
  o.updated_at
from core.odoo_opportunities o;

-- Liveness of worker processes (the job worker and the embedding worker), for /health and the UI.
create table ops.worker_heartbeats (
  worker_id text primary key,
  kind text not null,
  hostname text,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  stopped_at timestamptz
);
