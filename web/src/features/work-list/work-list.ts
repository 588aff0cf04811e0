// Data of the ACE work list: the changes approved opportunities still need in ACE (GET /ace-work-list),
// and the same list as CSV, fetched with the key and saved under the API's file name.
import { query } from '@solidjs/router'
import { ApiError, api, type Schemas, unwrap } from '../../lib/api-client.ts'
import { fileName, saveText } from '../reports/reports.ts'

export type WorkList = Schemas['WorkList']
export type WorkItem = Schemas['WorkItem']
export type WorkField = Schemas['WorkListField']

/** The JSON answer (the route also answers CSV, which the generated types fold into `data`). */
export const getWorkList = query(
  () =>
    unwrap(
      api.GET('/api/v1/ace-work-list') as Promise<{
        data?: { data: WorkList }
        error?: unknown
        response: Response
      }>,
    ),
  'ace-work-list',
)

/** Saves the work list as CSV (the API's export of the same items); returns the file name. */
export async function downloadWorkListCsv(): Promise<string> {
  let result: { data?: string; error?: unknown; response: Response }
  try {
    result = await api.GET('/api/v1/ace-work-list', { params: { query: { format: 'csv' } }, parseAs: 'text' })
  } catch {
    throw new ApiError(0, 'unreachable', 'The server cannot be reached. Is `npm start` still running?', null)
  }
  if (!result.response.ok || typeof result.data !== 'string')
    throw new ApiError(
      result.response.status,
      'http_error',
      `The server answered ${result.response.status}`,
      null,
    )
  const name = fileName(result.response.headers.get('content-disposition')) ?? 'ace-work-list.csv'
  saveText(result.data, name, 'text/csv;charset=utf-8')
  return name
}
