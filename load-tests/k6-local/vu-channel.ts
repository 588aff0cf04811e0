// A virtual user's line to the runner: synchronous requests (post, block on the flag, take the answer off
// the port) and fire-and-forget reports (checks, iterations).
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads'
import type { VuMessage, WireRequest, WireResponse } from './protocol.ts'

export interface VuChannel {
  send(requests: WireRequest[]): WireResponse[]
  post(message: VuMessage): void
}

let channel: VuChannel | undefined

export function openVuChannel(port: MessagePort, shared: SharedArrayBuffer): VuChannel {
  const flags = new Int32Array(shared)
  channel = {
    send(requests) {
      Atomics.store(flags, 0, 0)
      port.postMessage({ type: 'request', requests } satisfies VuMessage)
      Atomics.wait(flags, 0, 0)
      const answer = receiveMessageOnPort(port)
      if (!answer) throw new Error('the runner raised the flag without an answer')
      return answer.message as WireResponse[]
    },
    post: (message) => port.postMessage(message),
  }
  return channel
}

export function vuChannel(): VuChannel {
  if (!channel) throw new Error('k6 modules work only inside a virtual user of the local runner')
  return channel
}
