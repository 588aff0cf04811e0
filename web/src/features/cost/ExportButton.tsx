// Downloads the table on screen as CSV (the API's own export of the same query), saying when it is done
// or why it failed.
import { createSignal, Show } from 'solid-js'
import { type CsvRequest, downloadCostCsv } from './cost.ts'

/** `request` is read when clicked (not while rendering: the figures it names may still be loading). */
export function ExportButton(props: { request: () => CsvRequest | undefined; what: string }) {
  const [busy, setBusy] = createSignal(false)
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null)
  const run = async () => {
    const request = props.request()
    if (!request || busy()) return
    setBusy(true)
    setMessage(null)
    try {
      const name = await downloadCostCsv(request)
      setMessage({ text: `Downloaded ${name}`, error: false })
    } catch (error) {
      setMessage({ text: `The export failed: ${(error as Error).message}`, error: true })
    } finally {
      setBusy(false)
    }
  }
  return (
    <span class="export">
      <span class={message()?.error ? 'export-status error' : 'export-status'} role="status">
        <Show when={message()}>{(shown) => shown().text}</Show>
      </span>
      <button
        type="button"
        class="button small"
        onClick={run}
        disabled={busy()}
        aria-label={`Export ${props.what} as CSV`}
        data-testid="export-csv"
      >
        <span aria-hidden="true">⤓</span> {busy() ? 'Exporting…' : 'Export CSV'}
      </button>
    </span>
  )
}
