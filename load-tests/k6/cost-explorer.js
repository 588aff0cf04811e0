// k6 run -e BASE_URL=http://localhost:3000 -e API_KEY=... load-tests/k6/cost-explorer.js
// The Cost Explorer: the summary of every account, the breakdown by customer, then one customer's
// breakdown by service and its CSV export.

import { check } from 'k6'
import http from 'k6/http'
import { arrive, BASE_URL, HEADERS, pick, READ_THRESHOLDS, scenario, think } from './common.js'

export const options = { scenarios: scenario('cost_explorer', 10, '30s'), thresholds: READ_THRESHOLDS }

export default function () {
  arrive()
  const summary = http.get(`${BASE_URL}/api/v1/billing/summary`, {
    headers: HEADERS,
    tags: { name: 'summary' },
  })
  check(summary, { 'summary 200': (r) => r.status === 200 })
  const byCustomer = http.get(
    `${BASE_URL}/api/v1/billing/breakdown?group_by=customer&sort=cost&order=desc&limit=20`,
    {
      headers: HEADERS,
      tags: { name: 'breakdown' },
    },
  )
  check(byCustomer, { 'breakdown 200': (r) => r.status === 200 })
  const groups = byCustomer.status === 200 ? JSON.parse(byCustomer.body).data.groups : []
  const customers = groups.filter((group) => group.customer_id)
  const customer = customers.length > 0 ? pick(customers).customer_id : null
  const filter = customer ? `&customers=${encodeURIComponent(customer)}` : ''
  const services = http.get(`${BASE_URL}/api/v1/billing/breakdown?group_by=service${filter}`, {
    headers: HEADERS,
    tags: { name: 'drill-down' },
  })
  check(services, { 'drill-down 200': (r) => r.status === 200 })
  const csv = http.get(`${BASE_URL}/api/v1/billing/breakdown?group_by=service&format=csv${filter}`, {
    headers: HEADERS,
    tags: { name: 'csv' },
  })
  check(csv, { 'csv 200': (r) => r.status === 200 && r.body.length > 0 })
  think()
}
