// k6 run -e BASE_URL=http://localhost:3000 -e API_KEY=... load-tests/k6/match-one.js
// Single-opportunity matching through the API (POST /api/v1/matching/generate with an ace_id).
// Goal: p95 ≤ 100 ms for one user.

import { check } from 'k6'
import http from 'k6/http'
import { aceIds, arrive, BASE_URL, HEADERS, pick, scenario, think } from './common.js'

export const options = {
  scenarios: scenario('match_one', 1, '30s'),
  thresholds: { http_req_duration: ['p(95)<100'], http_req_failed: ['rate<0.01'] },
}

export function setup() {
  return { ids: aceIds(http) }
}

export default function (data) {
  arrive()
  const response = http.post(
    `${BASE_URL}/api/v1/matching/generate`,
    JSON.stringify({ ace_id: pick(data.ids) }),
    {
      headers: HEADERS,
      tags: { name: 'match one' },
    },
  )
  check(response, { 'status 200': (r) => r.status === 200 })
  think()
}
