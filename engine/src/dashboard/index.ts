// The dashboard's figures.
export { readDashboard } from './read-dashboard.ts'
