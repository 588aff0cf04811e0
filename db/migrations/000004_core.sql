-- CORE: normalised entities, one row per source record (raw_source, raw_table, raw_pk point back to
-- the RAW row it came from). Normalised fields sit beside the original values so a reviewer can see
-- both. Ids from the sources keep their meaning: Odoo ids are bigint, ACE ids text.

create table core.companies (
  tenant_id text not null references ops.tenants,
  company_id bigint not null,               -- res_partner.id of the commercial (top-level) partner
  name text,
  name_normalized text,                     -- folded, punctuation and legal suffixes removed
  name_is_placeholder boolean not null default false,
  is_company boolean not null,
  website text,
  website_domain text,
  email_domains text[] not null default '{}', -- company domains seen on the partner and its contacts
  phone text,
  city text,
  zip text,
  state_code text,
  country_code text,
  vat text,
  ref text,
  active boolean not null default true,
  raw_source text not null,
  raw_table text not null,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, company_id)
);
create index companies_name_trgm_idx on core.companies using gin (name_normalized gin_trgm_ops);
create index companies_website_domain_idx on core.companies (tenant_id, website_domain);

-- Every res_partner (companies and contacts) with the company it belongs to.
create table core.partners (
  tenant_id text not null references ops.tenants,
  partner_id bigint not null,
  company_id bigint not null,
  is_company boolean not null,
  name text,
  email text,
  email_domain text,
  active boolean not null default true,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, partner_id)
);
create index partners_company_idx on core.partners (tenant_id, company_id);

create table core.aws_accounts (
  tenant_id text not null references ops.tenants,
  account_ref bigint not null,              -- c_aws_accounts.id (the Odoo key, not the AWS number)
  aws_account_id_raw text,
  aws_account_id text check (aws_account_id ~ '^[0-9]{12}$'),
  aws_account_id_status text not null check (aws_account_id_status in ('valid', 'missing', 'malformed')),
  account_name text,
  account_alias text,
  company_id bigint,
  primary_contact_id bigint,
  is_payer boolean not null default false,
  payer_ref bigint,
  is_not_billable boolean not null default false,
  is_distribution boolean not null default false,
  account_status text,
  root_email text,
  root_email_domain text,
  org_join_date date,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, account_ref)
);
create index aws_accounts_number_idx on core.aws_accounts (tenant_id, aws_account_id);
create index aws_accounts_company_idx on core.aws_accounts (tenant_id, company_id);

create table core.odoo_opportunities (
  tenant_id text not null references ops.tenants,
  lead_id bigint not null,
  lead_type text,
  title text,
  active boolean not null default true,
  stage_name text,
  is_won boolean not null default false,
  is_lost boolean not null default false,
  company_id bigint,                        -- resolved through partner_id's hierarchy
  partner_id bigint,
  partner_name text,                        -- company as typed on the lead
  customer_name text,                       -- best company name: the resolved company, else partner_name
  customer_name_normalized text,
  contact_name text,
  email text,
  email_domain text,                        -- registrable, free-mail excluded
  website text,
  website_domain text,
  phone text,
  city text,
  zip text,
  state_code text,
  country_code text,
  team_name text,
  salesperson text,
  expected_revenue numeric,
  probability double precision,
  date_deadline date,
  date_closed timestamptz,
  description_text text,                    -- HTML stripped
  origination text check (origination in ('partner', 'aws')),
  origination_raw text,
  ace_id_hint text,
  use_case text,
  aws_sales_rep_name text,
  psm_name text,
  created_at timestamptz,
  updated_at timestamptz,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, lead_id)
);
create index odoo_opps_company_idx on core.odoo_opportunities (tenant_id, company_id);
create index odoo_opps_name_trgm_idx on core.odoo_opportunities using gin (customer_name_normalized gin_trgm_ops);
create index odoo_opps_email_domain_idx on core.odoo_opportunities (tenant_id, email_domain);
create index odoo_opps_website_domain_idx on core.odoo_opportunities (tenant_id, website_domain);

create table core.ace_opportunities (
  tenant_id text not null references ops.tenants,
  ace_id text not null,
  customer_name text,
  customer_name_normalized text,
  customer_name_is_placeholder boolean not null default false,
  title text,
  description text,
  contact_first_name text,
  contact_last_name text,
  email text,
  email_domain text,
  website text,
  website_domain text,
  city text,
  state_code text,
  postal_code text,
  country_code text,
  industry text,
  use_case text,
  opportunity_type text,
  delivery_model text,
  stage text,
  status text,
  aws_status text,
  partner_acceptance text,
  ownership text,
  aws_account_id_raw text,
  aws_account_id text check (aws_account_id ~ '^[0-9]{12}$'),
  aws_account_id_status text not null check (aws_account_id_status in ('valid', 'missing', 'malformed')),
  project_budget numeric,
  close_date date,
  next_step text,
  owner_name text,
  owner_email text,
  partner_crm_id text,
  partner_sales_rep_name text,
  partner_sales_rep_email text,
  aws_sales_rep_name text,
  aws_sales_rep_email text,
  psm_name text,
  psm_email text,
  aws_created_at timestamptz,
  aws_modified_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, ace_id)
);
create index ace_opps_account_idx on core.ace_opportunities (tenant_id, aws_account_id);
create index ace_opps_name_trgm_idx on core.ace_opportunities using gin (customer_name_normalized gin_trgm_ops);
create index ace_opps_stage_idx on core.ace_opportunities (tenant_id, stage);

-- What AWS charged the partner: one row per cost-and-usage roll-up row
-- (linked account x service x charge type x month).
create table core.billing_cost (
  tenant_id text not null references ops.tenants,
  cost_ref bigint not null,                 -- c_billing_internal_cur.id
  account_ref bigint,
  aws_account_id text,
  payer_ref bigint,
  company_id bigint,
  service_raw text,
  service text,                             -- canonical service name
  charge_type text,
  charge_category text not null,            -- usage | fee | tax | credit | refund | discount | savings_plan | other
  month date not null,
  cost numeric not null,
  source_created_at timestamptz,
  source_updated_at timestamptz,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, cost_ref)
);
create index billing_cost_account_month_idx on core.billing_cost (tenant_id, account_ref, month);
create index billing_cost_month_idx on core.billing_cost (tenant_id, month);

-- What the partner charged the customer: staging bill lines (basis 'bill', per AWS account) and final
-- invoice lines (basis 'invoice', per customer), one row per source line.
create table core.billing_invoice (
  tenant_id text not null references ops.tenants,
  basis text not null check (basis in ('bill', 'invoice')),
  line_ref bigint not null,                 -- c_billing_bill_line.id or account_move_line.id
  document_ref bigint,                      -- c_billing_bill.id or account_move.id
  document_name text,
  document_state text,
  invoice_ref bigint,                       -- the final invoice a bill was invoiced on
  account_ref bigint,
  aws_account_id text,
  payer_ref bigint,
  company_id bigint,
  product_id bigint,
  product_name text,
  line_type text,
  month date,
  amount numeric not null,
  document_date date,
  source_created_at timestamptz,
  source_updated_at timestamptz,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, basis, line_ref)
);
create index billing_invoice_account_month_idx on core.billing_invoice (tenant_id, account_ref, month);
create index billing_invoice_company_month_idx on core.billing_invoice (tenant_id, company_id, month);

-- Discounts AWS paid the partner (Solution Provider Program long format, distributor wide format
-- unpivoted), per linked account x month x kind.
create table core.billing_discounts (
  tenant_id text not null references ops.tenants,
  program text not null check (program in ('spp', 'distributor')),
  discount_ref text not null,               -- source id, plus the column for unpivoted rows
  account_ref bigint,
  aws_account_id text,
  payer_ref bigint,
  month date,
  discount_kind text not null,
  eligible_revenue numeric,
  amount numeric not null,
  raw_pk text not null,
  normalized_at timestamptz not null default now(),
  primary key (tenant_id, program, discount_ref)
);
create index billing_discounts_account_month_idx on core.billing_discounts (tenant_id, account_ref, month);
