// Which errors mean "the database cannot be reached right now" (worth a retry, a 503), as opposed to a
// query that is wrong. One list for the product database and the source databases alike.

const CONNECTION_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  CONNECT_TIMEOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  CONNECTION_CLOSED: 'connection closed',
  CONNECTION_ENDED: 'connection ended',
  CONNECTION_DESTROYED: 'connection destroyed',
  '08000': 'connection failure',
  '08001': 'connection failure',
  '08003': 'connection closed',
  '08004': 'connection rejected',
  '08006': 'connection failure',
  '28P01': 'authentication failed',
  '28000': 'access denied',
  '3D000': 'database does not exist',
  '53300': 'too many connections',
  '57P01': 'server shut down',
  '57P02': 'server crashed',
  '57P03': 'server is starting up or shutting down',
}

/** Why the database could not be reached, or undefined when the error is not a connection failure. */
export function connectionFailureReason(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? CONNECTION_FAILURES[code] : undefined
}
