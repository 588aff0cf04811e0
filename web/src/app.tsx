// The app: file routes under routes/, inside the shell (navigation, sign-in).
import { Router } from '@solidjs/router'
import { FileRoutes } from '@solidjs/start/router'
import { Shell } from './ui/Shell.tsx'
import './ui/base.css'
import './ui/controls.css'
import './ui/states.css'
import './ui/layout.css'
import './features/dashboard/dashboard.css'
import './features/pod/pod.css'
import './features/cost/cost.css'
import './features/rules/rules.css'
import './features/write-back/write-back.css'
import './features/work-list/work-list.css'
import './features/reports/reports.css'

export default function App() {
  return (
    <Router root={Shell}>
      <FileRoutes />
    </Router>
  )
}
