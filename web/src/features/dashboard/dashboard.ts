// Data of the dashboard: its figures and the job list (polled while work runs).
import { query } from '@solidjs/router'
import { api, unwrap } from '../../lib/api-client.ts'

export const getDashboard = query(
  () => unwrap(api.GET('/api/v1/dashboard', { params: { query: { days: 30 } } })),
  'dashboard',
)

export const getJobs = query(
  () => unwrap(api.GET('/api/v1/jobs', { params: { query: { limit: 8 } } })),
  'jobs',
)

export const getSchedules = query(() => unwrap(api.GET('/api/v1/schedules')), 'schedules')

export const getNotifications = query(
  () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 6 } } })),
  'notifications',
)
