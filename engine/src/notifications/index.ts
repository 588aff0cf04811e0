// Notifications: events collected into an outbox, delivered by e-mail or signed webhook, retried, rate
// limited, optionally as a daily digest — the `notify` stage.
export { type CollectedEvent, collectEvents } from './collect-events.ts'
export { deliverMessages } from './deliver-messages.ts'
export {
  listNotifications,
  NOTIFICATION_STATUSES,
  type NotificationStatus,
  type NotificationView,
} from './list-notifications.ts'
export { type NotifyReport, notifyStage, runNotifications } from './notify-stage.ts'
export {
  DELIVERY_HEADER,
  type SendMessage,
  SIGNATURE_HEADER,
  sendMessage,
  signWebhook,
  TIMESTAMP_HEADER,
} from './send-message.ts'
