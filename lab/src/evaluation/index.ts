// Matching quality against ground truth.
export { evaluateTenant } from './evaluate-tenant.ts'
