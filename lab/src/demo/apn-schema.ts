// The APN tables a sync application fills from AWS Partner Central (ACE): string ids, a tenant column
// and create/sync/write timestamps on every table (see SOURCE_CONTRACT.md).
import type { TableSpec } from './table-spec.ts'

const COMMON = [
  'id character varying primary key',
  'tenant character varying',
  'create_ts timestamp with time zone not null',
  'sync_ts timestamp with time zone',
  'write_ts timestamp with time zone',
]

export type ApnTableName =
  | 'users'
  | 'opportunity'
  | 'end_user'
  | 'funding_request'
  | 'funding_request_history'
  | 'cash_claim'

export function apnTableSpecs(): Record<ApnTableName, TableSpec> {
  const specs: Record<ApnTableName, readonly string[]> = {
    users: ['name character varying', 'email character varying', 'role character varying', 'active boolean'],
    opportunity: [
      'name character varying',
      'partner_project_title character varying',
      'project_description_business_need text',
      'customer_first_name character varying',
      'customer_last_name character varying',
      'customer_title character varying',
      'customer_email character varying',
      'customer_phone character varying',
      'customer_website character varying',
      'customer_street character varying',
      'customer_city character varying',
      'customer_state character varying',
      'customer_postal_code character varying',
      'customer_country character varying',
      'industry character varying',
      'use_case character varying',
      'opportunity_type character varying',
      'delivery_model character varying',
      'primary_need_from_aws character varying',
      'stage_name character varying',
      'status character varying',
      'aws_status character varying',
      'partner_acceptance_status character varying',
      'opportunity_ownership character varying',
      'aws_account character varying',
      'project_budget numeric',
      'currency_code character varying',
      'close_date date',
      'next_step text',
      'closed_lost_reason character varying',
      'owner_id character varying',
      'partner_crm_unique_identifier character varying',
      'partner_sales_rep_name character varying',
      'partner_sales_rep_email character varying',
      'aws_sales_rep_name character varying',
      'aws_sales_rep_email character varying',
      'psm_name character varying',
      'psm_email character varying',
      'aws_create_date timestamp with time zone',
      'aws_last_modified_date timestamp with time zone',
    ],
    end_user: [
      'opportunity_id character varying',
      'aws_account character varying',
      'company_name character varying',
      'domain character varying',
      'city character varying',
      'state character varying',
      'postal_code character varying',
      'country character varying',
      'usage_type character varying',
      'government_advising boolean',
      'reported_date date',
    ],
    funding_request: [
      'opportunity_id character varying',
      'name character varying',
      'program character varying',
      'amount numeric',
      'currency_code character varying',
      'status character varying',
      'start_date date',
      'end_date date',
    ],
    funding_request_history: [
      'funding_request_id character varying',
      'opportunity_id character varying',
      'amount numeric',
      'status character varying',
      'changed_at timestamp with time zone',
      'comment text',
    ],
    cash_claim: [
      'funding_request_id character varying',
      'opportunity_id character varying',
      'amount numeric',
      'status character varying',
      'invoice_number character varying',
      'claim_date date',
    ],
  }
  const indexes: Partial<Record<ApnTableName, string[][]>> = {
    opportunity: [['owner_id'], ['partner_crm_unique_identifier']],
    end_user: [['opportunity_id']],
    funding_request: [['opportunity_id']],
    funding_request_history: [['funding_request_id']],
    cash_claim: [['funding_request_id']],
  }
  const result = {} as Record<ApnTableName, TableSpec>
  for (const [name, columns] of Object.entries(specs) as [ApnTableName, readonly string[]][]) {
    result[name] = { name, columns: [...COMMON, ...columns], indexes: indexes[name] ?? [] }
  }
  return result
}
