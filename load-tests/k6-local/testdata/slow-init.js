// A script whose loading takes half a second of CPU in every virtual user (as a heavy k6 init stage does).
import http from 'k6/http'

const until = Date.now() + 500
while (Date.now() < until) {}

export const options = { vus: 6, duration: '1s' }

export default function () {
  http.get(`${__ENV.BASE_URL}/slow-init`)
}
