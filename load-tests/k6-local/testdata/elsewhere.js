// A k6 script that tries to send traffic off this machine: the local runner refuses it.
import http from 'k6/http'

export const options = { vus: 1, iterations: 1 }

export default function () {
  http.get('http://example.com/')
}
