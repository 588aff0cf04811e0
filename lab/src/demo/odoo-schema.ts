// The Odoo tables the demo fills, shaped as Odoo 14–17 and the first customer's custom modules create
// them (see SOURCE_CONTRACT.md). Translated names are varchar in 14 and jsonb from 16.
import type { OdooVersion } from './demo-world.ts'
import type { TableSpec } from './table-spec.ts'

const AUDIT = [
  'create_uid integer',
  'create_date timestamp without time zone',
  'write_uid integer',
  'write_date timestamp without time zone',
]

/** Every Odoo table spec for a version, in load order. */
export function odooTableSpecs(version: OdooVersion): Record<OdooTableName, TableSpec> {
  const translated = version >= 16 ? 'jsonb' : 'character varying'
  const v14 = version === 14
  // biome-ignore format: column lists read best packed
  const specs = {
    res_country: {
      columns: [
        'id serial primary key', `name ${translated} not null`, 'code character varying(2)',
        'phone_code integer', 'currency_id integer', 'address_format text',
      ],
    },
    res_country_state: {
      columns: [
        'id serial primary key', 'country_id integer not null', 'name character varying not null',
        'code character varying not null',
      ],
      indexes: [['country_id']],
    },
    res_currency: {
      columns: [
        'id serial primary key', 'name character varying not null', 'symbol character varying not null',
        'rounding numeric', 'decimal_places integer', 'active boolean', 'position character varying',
      ],
    },
    res_partner: {
      columns: [
        'id serial primary key', 'name character varying',
        v14 ? 'display_name character varying' : 'complete_name character varying', 'company_id integer',
        'title integer', 'parent_id integer', 'ref character varying', 'lang character varying',
        'tz character varying', 'user_id integer', 'vat character varying', 'website character varying',
        'comment text', 'active boolean', 'employee boolean', 'function character varying',
        'type character varying', 'street character varying', 'street2 character varying',
        'zip character varying', 'city character varying', 'state_id integer', 'country_id integer',
        'email character varying', 'phone character varying', 'mobile character varying',
        'is_company boolean', 'industry_id integer', 'color integer', 'partner_share boolean',
        'commercial_partner_id integer', 'commercial_company_name character varying',
        'company_name character varying', 'customer_rank integer', 'supplier_rank integer',
      ],
      indexes: [['parent_id'], ['commercial_partner_id'], ['name']],
    },
    res_users: {
      columns: [
        'id serial primary key', 'login character varying not null', 'password character varying',
        'partner_id integer not null', 'active boolean', 'share boolean', 'company_id integer',
        'notification_type character varying',
      ],
    },
    crm_team: {
      columns: [
        'id serial primary key', `name ${translated} not null`, 'active boolean', 'company_id integer',
        'user_id integer', 'sequence integer', 'use_leads boolean', 'use_opportunities boolean',
      ],
    },
    crm_stage: {
      columns: [
        'id serial primary key', `name ${translated} not null`, 'sequence integer', 'is_won boolean',
        'fold boolean', 'requirements text', 'team_id integer',
      ],
    },
    crm_lead: {
      columns: [
        'id serial primary key', 'name character varying not null', 'type character varying not null',
        'active boolean', 'partner_id integer', 'partner_name character varying',
        'contact_name character varying', 'email_from character varying',
        'email_normalized character varying', 'phone character varying', 'mobile character varying',
        'website character varying', 'function character varying', 'street character varying',
        'zip character varying', 'city character varying', 'state_id integer', 'country_id integer',
        'stage_id integer', 'team_id integer', 'user_id integer', 'company_id integer',
        'priority character varying', 'expected_revenue numeric', 'prorated_revenue numeric',
        'probability double precision', 'automated_probability double precision', 'date_deadline date',
        'date_closed timestamp without time zone', 'date_open timestamp without time zone',
        'date_last_stage_update timestamp without time zone', 'date_conversion timestamp without time zone',
        'description text', 'lost_reason integer', 'referred character varying', 'color integer',
        'aws_ace_id integer', 'origination character varying', 'status character varying',
        '"c_aws_ace_useCase" character varying', '"c_aws_ace_aWSSalesRepName" character varying',
        '"c_aws_ace_aWSPartnerSuccessManagerName" character varying',
      ],
      indexes: [['partner_id'], ['stage_id'], ['user_id'], ['email_from']],
    },
    product_template: {
      columns: [
        'id serial primary key', `name ${translated} not null`, 'default_code character varying',
        'list_price numeric', 'type character varying', 'active boolean', 'sale_ok boolean',
        'purchase_ok boolean', 'categ_id integer', 'uom_id integer', 'description_sale text',
      ],
    },
    product_product: {
      columns: [
        'id serial primary key', 'product_tmpl_id integer not null', 'default_code character varying',
        'active boolean', 'barcode character varying',
      ],
      indexes: [['product_tmpl_id']],
    },
    sale_order: {
      columns: [
        'id serial primary key', 'name character varying not null', 'origin character varying',
        'client_order_ref character varying', 'state character varying',
        'date_order timestamp without time zone not null', 'partner_id integer not null',
        'partner_invoice_id integer', 'user_id integer', 'team_id integer', 'currency_id integer',
        'amount_untaxed numeric', 'amount_tax numeric', 'amount_total numeric', 'opportunity_id integer',
        'company_id integer',
      ],
      indexes: [['partner_id'], ['opportunity_id']],
    },
    account_move: {
      columns: [
        'id serial primary key', 'name character varying', 'ref character varying', 'date date not null',
        'move_type character varying not null', 'state character varying not null',
        'journal_id integer not null', 'company_id integer', 'currency_id integer', 'partner_id integer',
        'commercial_partner_id integer', 'invoice_date date', 'invoice_date_due date',
        'invoice_origin character varying', 'invoice_user_id integer', 'invoice_payment_term_id integer',
        'amount_untaxed numeric', 'amount_tax numeric', 'amount_total numeric', 'amount_residual numeric',
        'amount_untaxed_signed numeric', 'amount_total_signed numeric', 'payment_state character varying',
        'reversed_entry_id integer', 'invoice_period character varying',
      ],
      indexes: [['partner_id'], ['invoice_date']],
    },
    account_move_line: {
      columns: [
        'id serial primary key', 'move_id integer not null', 'move_name character varying', 'date date',
        'sequence integer', 'name character varying', 'product_id integer', 'quantity numeric',
        'price_unit double precision', 'discount numeric', 'price_subtotal numeric', 'price_total numeric',
        'debit numeric', 'credit numeric', 'balance numeric', 'display_type character varying',
        'account_id integer', 'partner_id integer', 'tax_line_id integer', 'currency_id integer',
        ...(v14 ? ['exclude_from_invoice_tab boolean'] : []),
      ],
      indexes: [['move_id'], ['product_id']],
    },
    project_project: {
      columns: [
        'id serial primary key', `name ${translated} not null`, 'active boolean', 'partner_id integer',
        'user_id integer', 'company_id integer', 'date_start date', 'date date', 'sale_line_id integer',
        'description text',
      ],
    },
    c_aws_accounts: {
      columns: [
        'id serial primary key', 'name character varying', 'c_aws_account_name character varying',
        'c_aws_account_alias character varying', 'c_aws_company_id integer',
        'c_aws_primary_contact_id integer', 'is_payer boolean', 'payer_id integer',
        'is_not_billable boolean', 'account_status character varying', 'root_email character varying',
        'c_org_join_date date', 'is_distribution boolean', 'active boolean',
      ],
      indexes: [['c_aws_company_id'], ['name']],
    },
    c_billing_internal_cur: {
      columns: [
        'id serial primary key', 'account_id integer', 'payer_id integer', 'company_id integer',
        'service character varying', 'charge_type character varying', 'cost numeric',
        'company_currency_id integer', 'period character varying', 'period_date date',
      ],
      indexes: [['account_id', 'period']],
    },
    c_billing_bill: {
      columns: [
        'id serial primary key', 'name character varying', 'account_id integer', 'payer_id integer',
        'partner_id integer', 'invoice_id integer', 'cost numeric', 'currency_id integer',
        'period character varying', 'period_date date', 'state character varying',
        'is_not_billable boolean',
      ],
      indexes: [['account_id', 'period'], ['invoice_id']],
    },
    c_billing_bill_line: {
      columns: [
        'id serial primary key', 'bill_id integer', 'product_id integer', 'name character varying',
        'cost numeric', 'usage text', 'line_type character varying', 'uom_id integer',
        'currency_id integer', 'date date',
      ],
      indexes: [['bill_id']],
    },
    c_billing_spp_bill: {
      columns: [
        'id serial primary key', 'linked_account_id integer', 'payer_id integer', 'period_date date',
        'total_eligible_revenue numeric', 'total_discount_earned numeric',
        'total_percentage_discount_earned character varying', 'discounts_earned character varying',
        '"EUR_compliance" character varying',
      ],
      indexes: [['linked_account_id', 'period_date']],
    },
    c_billing_ingram_bill: {
      columns: [
        'id serial primary key', 'linked_account_id integer', 'payer_id integer', 'period_date date',
        '"sum" numeric', 'base numeric', 'tech_linked numeric', 'internal numeric',
        'partner_originated numeric', 'no_eur numeric', 'support numeric', 'net_new_business numeric',
        'share_shift numeric', '"exception" numeric', 'psp_plus numeric', 'total_discount numeric',
        'ingram_invoice_ref character varying',
      ],
      indexes: [['linked_account_id', 'period_date']],
    },
    c_aws_funding_request: {
      columns: [
        'id serial primary key', 'name character varying', 'partner_id integer', 'lead_id integer',
        'state character varying', 'amount numeric', 'program character varying', 'submitted_date date',
      ],
    },
  }
  const withAudit = {} as Record<OdooTableName, TableSpec>
  for (const [name, spec] of Object.entries(specs) as [OdooTableName, Omit<TableSpec, 'name'>][]) {
    withAudit[name] = { ...spec, name, columns: [...spec.columns, ...AUDIT] }
  }
  return withAudit
}

export type OdooTableName =
  | 'res_country'
  | 'res_country_state'
  | 'res_currency'
  | 'res_partner'
  | 'res_users'
  | 'crm_team'
  | 'crm_stage'
  | 'crm_lead'
  | 'product_template'
  | 'product_product'
  | 'sale_order'
  | 'account_move'
  | 'account_move_line'
  | 'project_project'
  | 'c_aws_accounts'
  | 'c_billing_internal_cur'
  | 'c_billing_bill'
  | 'c_billing_bill_line'
  | 'c_billing_spp_bill'
  | 'c_billing_ingram_bill'
  | 'c_aws_funding_request'
