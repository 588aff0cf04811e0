// Shared settings of the k6 scenarios: BASE_URL and API_KEY come from the environment (k6 -e).
export const BASE_URL = __ENV.BASE_URL || 'http://localhost:3000'
export const HEADERS = {
  'content-type': 'application/json',
  ...(__ENV.API_KEY ? { authorization: `Bearer ${__ENV.API_KEY}` } : {}),
}

/** ACE opportunity ids to work on, read once from the API in setup(). */
export function aceIds(http, limit = 200) {
  const response = http.get(`${BASE_URL}/api/v1/opportunities?source=ace&limit=${limit}`, {
    headers: HEADERS,
  })
  return JSON.parse(response.body).data.items.map((item) => item.source_id)
}
