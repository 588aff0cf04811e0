// Any other path: a page that says so, with the way back.
import { PageHeader } from '../ui/Panel.tsx'
import { EmptyState } from '../ui/States.tsx'

export default function NotFoundPage() {
  return (
    <div class="page">
      <PageHeader title="Page not found" />
      <div class="panel">
        <EmptyState
          title="There is no page at this address"
          actions={
            <a class="button" href="/">
              Go to the dashboard
            </a>
          }
        />
      </div>
    </div>
  )
}
