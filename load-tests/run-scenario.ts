// The k6 scenarios of load-tests/k6, driven by autocannon (k6 cannot be installed everywhere).
// node load-tests/run-scenario.ts --url http://localhost:3000 --scenario match-one|read-api [--seconds 20]
import { parseArgs } from 'node:util'
import { runScenario } from './scenarios.ts'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    scenario: { type: 'string', default: 'match-one' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string' },
    'api-key': { type: 'string' },
  },
})
const result = await runScenario({
  url: values.url!,
  scenario: values.scenario as 'match-one' | 'read-api',
  seconds: Number(values.seconds),
  connections: values.connections ? Number(values.connections) : undefined,
  apiKey: values['api-key'] ?? process.env.API_KEY,
})
console.log(JSON.stringify(result, null, 2))
