// Shown without an API key: where to find one, and a field to paste it.
import { createSignal, Show } from 'solid-js'
import { signIn, signInReason } from '../lib/api-key.ts'

export function SignIn() {
  const [value, setValue] = createSignal('')
  const [touched, setTouched] = createSignal(false)
  return (
    <main class="sign-in">
      <div class="panel">
        <div class="brand" style={{ color: 'var(--text)' }}>
          <span class="brand-mark" aria-hidden="true">
            P
          </span>
          RevOps POD
        </div>
        <h1 style={{ 'margin-top': '16px' }}>Sign in with an API key</h1>
        <Show when={signInReason()}>
          <p class="notice error" role="alert" style={{ 'margin-top': '12px' }}>
            {signInReason()}
          </p>
        </Show>
        <p class="muted">
          <code>npm start</code> prints a local key and a link that signs you in (
          <code>http://localhost:3000/#key=…</code>). Any key of the tenant works;{' '}
          <code>revops keys create</code> makes a new one.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            setTouched(true)
            signIn(value())
          }}
        >
          <div class="field">
            <label for="api-key">API key</label>
            <input
              id="api-key"
              name="api-key"
              type="password"
              autocomplete="off"
              spellcheck={false}
              required
              aria-invalid={touched() && !value().trim()}
              aria-describedby="api-key-error"
              value={value()}
              onInput={(event) => setValue(event.currentTarget.value)}
            />
            <div id="api-key-error" class="field-error">
              {touched() && !value().trim() ? 'Paste the key to sign in.' : ''}
            </div>
          </div>
          <button type="submit" class="button primary">
            Sign in
          </button>
        </form>
      </div>
    </main>
  )
}
