// Read model over CORE — opportunities as the API lists and shows them.
export { getOpportunity, listOpportunities, OPPORTUNITY_SORTS } from './list-opportunities.ts'
