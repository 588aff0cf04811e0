// One kept report's page, shown as it prints: in a frame that may run nothing (sandboxed, no scripts; the
// page's own policy forbids fetching), grown to the page's height so only the app scrolls. Print prints
// the frame alone.
import { createAsync } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { getReportHtml } from './reports.ts'

export function ReportViewer(props: {
  id: string
  title: string
  onFrame?: (frame: HTMLIFrameElement) => void
}) {
  const html = createAsync(() => getReportHtml(props.id))
  const [height, setHeight] = createSignal(900)
  const fit = (frame: HTMLIFrameElement) => {
    const body = frame.contentDocument?.documentElement
    if (body) setHeight(body.scrollHeight + 2)
  }
  return (
    <Show when={html()}>
      {(page) => (
        <iframe
          class="report-frame"
          title={props.title}
          data-testid="report-frame"
          sandbox="allow-same-origin allow-modals"
          srcdoc={page()}
          style={{ height: `${height()}px` }}
          ref={(frame) => props.onFrame?.(frame)}
          onLoad={(event) => fit(event.currentTarget)}
        />
      )}
    </Show>
  )
}
