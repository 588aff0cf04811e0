// Shared settings of the k6 scripts: BASE_URL and API_KEY come from the environment (k6 -e), and the
// thresholds every journey meets. These files are what users run with k6 (`k6 run -e …`) and what the
// local runner (load-tests/k6-local) runs here: one definition, so the two cannot drift.
import { sleep } from 'k6'

export const BASE_URL = __ENV.BASE_URL || 'http://localhost:3000'
export const HEADERS = {
  'content-type': 'application/json',
  ...(__ENV.API_KEY ? { authorization: `Bearer ${__ENV.API_KEY}` } : {}),
}

/** Virtual users and duration: VUS / DURATION from the environment, else the journey's defaults. */
export function scenario(name, vus, duration) {
  return {
    [name]: {
      executor: 'constant-vus',
      vus: Number(__ENV.VUS || vus),
      duration: __ENV.DURATION || duration,
    },
  }
}

/** A person's pause between one screen and the next: THINK seconds on average (default 1), drawn
 *  from 0.5–1.5× so users do not move in lockstep; THINK=0 sends back to back, which measures capacity
 *  rather than users. */
export const THINK_SECONDS = __ENV.THINK === undefined || __ENV.THINK === '' ? 1 : Number(__ENV.THINK)

export function think() {
  if (THINK_SECONDS > 0) sleep(THINK_SECONDS * (0.5 + Math.random()))
}

/** Users arrive over a moment, not in one instant: a virtual user's first iteration waits 0–THINK
 *  seconds (k6's constant-vus starts every user at once, and fifty first screens sent in the same
 *  millisecond are a burst no team of people produces; it alone set the p95 of a 15 s run). */
export function arrive() {
  if (__ITER === 0 && THINK_SECONDS > 0) sleep(THINK_SECONDS * Math.random())
}

/** Reads: p95 under 200 ms with no errors (the product's goal at 50 users). */
export const READ_THRESHOLDS = {
  http_req_duration: ['p(95)<200'],
  http_req_failed: ['rate<0.01'],
  checks: ['rate>0.99'],
}

/** ACE opportunity ids to work on, read once from the API in setup(). */
export function aceIds(http, limit = 200) {
  const response = http.get(`${BASE_URL}/api/v1/opportunities?source=ace&limit=${limit}`, {
    headers: HEADERS,
  })
  return JSON.parse(response.body).data.items.map((item) => item.source_id)
}

export function pick(list) {
  return list[Math.floor(Math.random() * list.length)]
}
