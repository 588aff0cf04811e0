// A k6 script whose request gets a status it did not expect: counted as failed, and said which.
import http from 'k6/http'

export const options = { vus: 1, iterations: 2 }

export default function () {
  http.put(`${__ENV.BASE_URL}/conflict`, null, { tags: { name: 'conflict' } })
}
