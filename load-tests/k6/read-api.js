// k6 run -e BASE_URL=http://localhost:3000 -e API_KEY=... load-tests/k6/read-api.js
// What the UI reads most: opportunity lists, a record's match candidates, health. Run it alone, and
// while a pipeline runs (load-tests/stack-load.ts does both).

import { check } from 'k6'
import http from 'k6/http'
import { aceIds, arrive, BASE_URL, HEADERS, pick, READ_THRESHOLDS, scenario, think } from './common.js'

export const options = { scenarios: scenario('read', 10, '30s'), thresholds: READ_THRESHOLDS }

export function setup() {
  return { ids: aceIds(http) }
}

export default function (data) {
  arrive()
  const responses = http.batch([
    [
      'GET',
      `${BASE_URL}/api/v1/opportunities?source=ace&sort=close_date&limit=50`,
      null,
      { headers: HEADERS, tags: { name: 'opportunities' } },
    ],
    [
      'GET',
      `${BASE_URL}/api/v1/matches?ace_id=${pick(data.ids)}`,
      null,
      { headers: HEADERS, tags: { name: 'matches' } },
    ],
    ['GET', `${BASE_URL}/api/v1/health`, null, { headers: HEADERS, tags: { name: 'health' } }],
  ])
  for (const response of responses) check(response, { 'status 200': (r) => r.status === 200 })
  think()
}
