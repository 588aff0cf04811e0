// k6 run -e BASE_URL=http://localhost:3000 -e API_KEY=... load-tests/k6/review-loop.js
// The POD review loop: the review queue, one decision in detail, then a verdict with a note, sent with
// the If-Match of the state the reviewer saw (a 409 means someone reviewed it since: expected under load,
// and counted apart, not as a failure).

import { check } from 'k6'
import http from 'k6/http'
import { arrive, BASE_URL, HEADERS, pick, READ_THRESHOLDS, scenario, think } from './common.js'

export const options = {
  scenarios: scenario('review_loop', 10, '30s'),
  thresholds: { ...READ_THRESHOLDS, 'http_req_duration{name:verdict}': ['p(95)<300'] },
}

export default function () {
  arrive()
  const queue = http.get(`${BASE_URL}/api/v1/decisions?outcome=needs_review&limit=20`, {
    headers: HEADERS,
    tags: { name: 'queue' },
  })
  check(queue, { 'queue 200': (r) => r.status === 200 })
  const items = queue.status === 200 ? JSON.parse(queue.body).data.items : []
  if (items.length === 0) return
  const id = pick(items).decision_id
  const detail = http.get(`${BASE_URL}/api/v1/decisions/${id}`, {
    headers: HEADERS,
    tags: { name: 'detail' },
  })
  check(detail, { 'detail 200': (r) => r.status === 200 })
  if (detail.status !== 200) return
  const etag = detail.headers.Etag || detail.headers.etag
  const verdict = Math.random() < 0.5 ? 'approve' : 'reject'
  const response = http.put(
    `${BASE_URL}/api/v1/decisions/${id}/${verdict}`,
    JSON.stringify({ note: `load test ${verdict}` }),
    // A verdict another user gave meanwhile is a 409: expected, so not counted as a failed request.
    {
      headers: { ...HEADERS, 'if-match': etag },
      tags: { name: 'verdict' },
      responseCallback: http.expectedStatuses(200, 409),
    },
  )
  check(response, { 'verdict recorded or conflict': (r) => r.status === 200 || r.status === 409 })
  think()
}
