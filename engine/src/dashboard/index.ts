// Read model over every stage — the dashboard's figures.
export { readDashboard } from './read-dashboard.ts'
