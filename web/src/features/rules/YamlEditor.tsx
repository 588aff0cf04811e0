// The ruleset's YAML in a plain textarea (monospace, lines never wrap) with line numbers beside it and
// the lines the API found problems on marked, so "line 54" is easy to find. `onReady` hands out
// `goToLine` for the problem list.
import { createMemo, For } from 'solid-js'
import { lineOffset } from './rules-problems.ts'

/** Must match the textarea's line-height and top padding in rules.css. */
const LINE_HEIGHT = 20
const PADDING_TOP = 8

export interface YamlEditorControls {
  goToLine(line: number): void
}

export function YamlEditor(props: {
  id: string
  value: string
  onInput: (value: string) => void
  errorLines: ReadonlySet<number>
  describedBy?: string
  invalid?: boolean
  onReady?: (controls: YamlEditorControls) => void
}) {
  let textarea: HTMLTextAreaElement | undefined
  let gutter: HTMLDivElement | undefined
  let marks: HTMLDivElement | undefined
  const lineCount = createMemo(() => props.value.split('\n').length)
  const numbers = createMemo(() => Array.from({ length: lineCount() }, (_, index) => index + 1))
  const syncScroll = () => {
    if (!textarea) return
    if (gutter) gutter.scrollTop = textarea.scrollTop
    if (marks) marks.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`
  }
  props.onReady?.({
    goToLine(line) {
      if (!textarea) return
      const start = lineOffset(props.value, line)
      const end = lineOffset(props.value, line + 1)
      textarea.focus()
      textarea.setSelectionRange(start, Math.max(start, end - 1))
      textarea.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - textarea.clientHeight / 3)
      syncScroll()
    },
  })
  return (
    <div class="yaml-editor" classList={{ invalid: props.invalid }}>
      <div class="yaml-gutter" ref={gutter} aria-hidden="true">
        <For each={numbers()}>
          {(line) => <div classList={{ 'error-line': props.errorLines.has(line) }}>{line}</div>}
        </For>
      </div>
      <div class="yaml-body">
        <div class="yaml-marks" ref={marks} aria-hidden="true">
          <For each={[...props.errorLines].filter((line) => line <= lineCount())}>
            {(line) => (
              <div class="yaml-mark" style={{ top: `${PADDING_TOP + (line - 1) * LINE_HEIGHT}px` }} />
            )}
          </For>
        </div>
        <textarea
          id={props.id}
          ref={textarea}
          class="yaml-text"
          value={props.value}
          wrap="off"
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onScroll={syncScroll}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur()
          }}
        />
      </div>
    </div>
  )
}
