// k6 run -e BASE_URL=http://localhost:3000 -e API_KEY=... load-tests/k6/match-one.js
// Single-opportunity matching through the API (POST /api/v1/matching/generate with an ace_id).
// Goal: p95 ≤ 100 ms.

import { check } from 'k6'
import http from 'k6/http'
import { aceIds, BASE_URL, HEADERS } from './common.js'

export const options = {
  scenarios: { match_one: { executor: 'constant-vus', vus: 1, duration: '30s' } },
  thresholds: { http_req_duration: ['p(95)<100'], http_req_failed: ['rate<0.01'] },
}

export function setup() {
  return { ids: aceIds(http) }
}

export default function (data) {
  const id = data.ids[Math.floor(Math.random() * data.ids.length)]
  const response = http.post(`${BASE_URL}/api/v1/matching/generate`, JSON.stringify({ ace_id: id }), {
    headers: HEADERS,
  })
  check(response, { 'status 200': (r) => r.status === 200 })
}
