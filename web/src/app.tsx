// The app: file routes under routes/, inside the shell (navigation, sign-in).
import { Router } from '@solidjs/router'
import { FileRoutes } from '@solidjs/start/router'
import { Shell } from './components/Shell.tsx'
import './styles/base.css'
import './styles/controls.css'
import './styles/states.css'
import './styles/layout.css'
import './styles/dashboard.css'
import './styles/pod.css'
import './styles/cost.css'
import './styles/rules.css'

export default function App() {
  return (
    <Router root={Shell}>
      <FileRoutes />
    </Router>
  )
}
