// `/rules`: the POD ruleset, its versions and simulations (to come; the page exists so the navigation
// is complete).
import { PageHeader } from '../components/Panel.tsx'
import { EmptyState } from '../components/States.tsx'

export default function RulesPage() {
  return (
    <div class="page">
      <PageHeader title="Rules" subtitle="The POD ruleset, its versions and what-if simulations" />
      <div class="panel">
        <EmptyState title="Not available yet">This page is being built.</EmptyState>
      </div>
    </div>
  )
}
