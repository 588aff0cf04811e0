// Sending one message over its channel: e-mail over SMTP (nodemailer), or a webhook POST of Slack-style
// JSON signed with HMAC-SHA256. Both carry the message's delivery id (the idempotency key), so a
// receiver can drop the one duplicate a crash between sending and recording can cause.
import { createHmac } from 'node:crypto'
import nodemailer from 'nodemailer'
import type { ResolvedChannel } from '../config/load-tenant-config.ts'

export interface OutgoingMessage {
  tenantId: string
  deliveryId: string
  event: string
  subject: string
  body: string
  details: Record<string, unknown>
}

export type SendMessage = (channel: ResolvedChannel, message: OutgoingMessage) => Promise<void>

/** The header names a webhook receiver checks. */
export const SIGNATURE_HEADER = 'x-revops-signature'
export const TIMESTAMP_HEADER = 'x-revops-timestamp'
export const DELIVERY_HEADER = 'x-revops-delivery'

/** `sha256=<hex>` over `<timestamp>.<body>`, as Slack and Stripe sign theirs. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export const sendMessage: SendMessage = async (channel, message) => {
  if (channel.kind === 'email') {
    const transport = nodemailer.createTransport(channel.smtpUrl)
    try {
      await transport.sendMail({
        from: channel.from,
        to: channel.to,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.deliveryId.replace(/[^A-Za-z0-9._-]/g, '.')}.${message.tenantId}@revops-pod>`,
        headers: { 'X-RevOps-Delivery': message.deliveryId },
      })
    } finally {
      transport.close()
    }
    return
  }
  const body = JSON.stringify({
    text: `*${message.subject}*\n${message.body}`,
    event: message.event,
    tenant: message.tenantId,
    details: message.details,
  })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const response = await fetch(channel.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(channel.secret, timestamp, body),
      [TIMESTAMP_HEADER]: timestamp,
      [DELIVERY_HEADER]: message.deliveryId,
    },
    body,
    signal: AbortSignal.timeout(15_000),
  })
  if (!response.ok) throw new Error(`the webhook answered ${response.status} ${response.statusText}`)
}
