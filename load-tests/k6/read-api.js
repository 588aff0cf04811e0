// k6 run -e BASE_URL=http://localhost:3000 -e API_KEY=... load-tests/k6/read-api.js
// What the UI reads most: opportunity lists, a record's match candidates, health.

import { check } from 'k6'
import http from 'k6/http'
import { aceIds, BASE_URL, HEADERS } from './common.js'

export const options = {
  scenarios: { read: { executor: 'constant-vus', vus: 10, duration: '30s' } },
  thresholds: { http_req_duration: ['p(95)<200'], http_req_failed: ['rate<0.01'] },
}

export function setup() {
  return { ids: aceIds(http) }
}

export default function (data) {
  const id = data.ids[Math.floor(Math.random() * data.ids.length)]
  const responses = http.batch([
    [
      'GET',
      `${BASE_URL}/api/v1/opportunities?source=ace&sort=close_date&limit=50`,
      null,
      { headers: HEADERS },
    ],
    ['GET', `${BASE_URL}/api/v1/matches?ace_id=${id}`, null, { headers: HEADERS }],
    ['GET', `${BASE_URL}/api/v1/health`, null, { headers: HEADERS }],
  ])
  for (const response of responses) check(response, { 'status 200': (r) => r.status === 200 })
}
