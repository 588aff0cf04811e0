// `/cost`: AWS cost against customer invoices (to come; the page exists so the navigation is complete).
import { PageHeader } from '../components/Panel.tsx'
import { EmptyState } from '../components/States.tsx'

export default function CostPage() {
  return (
    <div class="page">
      <PageHeader title="Cost" subtitle="AWS cost compared with what customers were invoiced" />
      <div class="panel">
        <EmptyState title="Not available yet">This page is being built.</EmptyState>
      </div>
    </div>
  )
}
