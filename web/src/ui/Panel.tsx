// A titled card: the building block of every page.
import { type JSX, Show } from 'solid-js'

export function Panel(props: {
  title: string
  subtitle?: JSX.Element
  actions?: JSX.Element
  flush?: boolean
  class?: string
  id?: string
  children: JSX.Element
}) {
  const headingId = () => (props.id ? `${props.id}-title` : undefined)
  return (
    <section class={`panel ${props.class ?? ''}`} id={props.id} aria-labelledby={headingId()}>
      <header class="panel-header">
        <div>
          <h2 id={headingId()}>{props.title}</h2>
          <Show when={props.subtitle}>
            <p>{props.subtitle}</p>
          </Show>
        </div>
        <Show when={props.actions}>
          <div class="page-actions">{props.actions}</div>
        </Show>
      </header>
      <div class={props.flush ? 'panel-body flush' : 'panel-body'}>{props.children}</div>
    </section>
  )
}

export function PageHeader(props: { title: string; subtitle?: JSX.Element; actions?: JSX.Element }) {
  return (
    <div class="page-header">
      <div>
        <h1>{props.title}</h1>
        <Show when={props.subtitle}>
          <p>{props.subtitle}</p>
        </Show>
      </div>
      <Show when={props.actions}>
        <div class="page-actions">{props.actions}</div>
      </Show>
    </div>
  )
}
