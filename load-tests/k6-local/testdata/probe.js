// A k6 script exercising what the local runner implements (its test serves the URLs).
import { check, sleep } from 'k6'
import http from 'k6/http'

export const options = {
  scenarios: { probe: { executor: 'constant-vus', vus: 3, duration: '1s' } },
  thresholds: { http_req_duration: ['p(95)<1000'], http_req_failed: ['rate<0.5'], checks: ['rate>0.99'] },
}

export function setup() {
  return { token: JSON.parse(http.get(`${__ENV.BASE_URL}/setup`).body).token }
}

export default function (data) {
  const [a, b] = http.batch([
    [
      'GET',
      `${__ENV.BASE_URL}/echo?vu=${__VU}&iter=${__ITER}`,
      null,
      { headers: { 'x-token': data.token }, tags: { name: 'echo' } },
    ],
    [
      'POST',
      `${__ENV.BASE_URL}/echo`,
      JSON.stringify({ vu: __VU }),
      { headers: { 'content-type': 'application/json' } },
    ],
  ])
  check(a, { 'echo carries the token': (r) => r.json('headers.x-token') === data.token })
  check(b, { 'post echoes the body': (r) => r.json().body === JSON.stringify({ vu: __VU }) })
  const conflict = http.put(`${__ENV.BASE_URL}/conflict`, null, {
    responseCallback: http.expectedStatuses(200, 409),
    tags: { name: 'conflict' },
  })
  check(conflict, { 'conflict is 409': (r) => r.status === 409 })
  sleep(0.05)
}
