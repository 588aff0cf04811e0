// A local AWS Partner Central Selling API that the real SDK talks to through an endpoint override: the
// product points a demo tenant at it, and tests drive the Selling API source against it with faults
// (throttling, conflicts, garbled answers) that the real service only shows now and then.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Catalog, PartnerCentralRecord } from '../opportunity-record.ts'
import { FakeFaults, type FaultInjector } from './fake-faults.ts'
import { OPERATIONS } from './fake-operations.ts'
import { FakeStore } from './fake-store.ts'
import {
  answerError,
  answerJson,
  answerMalformed,
  FakeServiceError,
  parseRequestBody,
  TARGET_PREFIX,
  throttlingError,
  type WireAnswer,
} from './fake-wire.ts'
import { type FakeCredentials, type SignatureCheck, verifySignature } from './verify-signature.ts'

export interface FakePartnerCentralOptions {
  /** Credentials requests must be signed with (SigV4, service `partnercentral-selling`, region us-east-1). */
  credentials?: FakeCredentials
  /** Clock for the LastModifiedDate of updates. */
  now?: () => Date
  /** Port on 127.0.0.1; 0 takes any free one. */
  port?: number
}

/**
 * What the fake accepts unless told otherwise; not a secret: it only opens this fake. Not frozen: the
 * SDK marks the credentials object it is given (`$source`) and throws on a frozen one.
 */
export const FAKE_PARTNER_CENTRAL_CREDENTIALS: Readonly<FakeCredentials> = {
  accessKeyId: 'local-fake-partner-central',
  secretAccessKey: 'local-fake-partner-central-signing-key',
}

/** One request as the fake received and answered it. */
export interface FakeRequestLogEntry {
  operation: string
  catalog: string | null
  /** Arrival, ms since the epoch (the real clock, not `now`: it measures the client's pacing). */
  at: number
  accessKeyId: string | null
  signatureValid: boolean
  status: number
}

const MAX_BODY_BYTES = 10 * 1024 * 1024
const MAX_LOGGED_REQUESTS = 20_000

export class FakePartnerCentral {
  /** Every request received, in order. */
  readonly requests: ReadonlyArray<FakeRequestLogEntry>
  readonly faults: FaultInjector
  readonly endpoint: string

  readonly #server: Server
  readonly #store: FakeStore
  readonly #faults: FakeFaults
  readonly #credentials: FakeCredentials
  readonly #log: FakeRequestLogEntry[] = []

  /** Starts a fake listening on 127.0.0.1 (any free port unless `port` is given). */
  static async start(options: FakePartnerCentralOptions = {}): Promise<FakePartnerCentral> {
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    return new FakePartnerCentral(server, options)
  }

  private constructor(server: Server, options: FakePartnerCentralOptions) {
    this.#server = server
    this.#store = new FakeStore(options.now ?? (() => new Date()))
    this.#faults = new FakeFaults()
    this.#credentials = { ...(options.credentials ?? FAKE_PARTNER_CENTRAL_CREDENTIALS) }
    this.faults = this.#faults
    this.requests = this.#log
    const { port } = server.address() as AddressInfo
    this.endpoint = `http://127.0.0.1:${port}`
    server.on('request', (request, response) => {
      void this.#serve(request, response)
    })
  }

  /** Inserts or replaces a record (keyed by opportunity.Id); its dates are the caller's to set. */
  put(catalog: Catalog, record: PartnerCentralRecord): void {
    this.#store.put(catalog, record)
  }

  /** A deep copy of the stored record, hidden ones included. */
  record(catalog: Catalog, id: string): PartnerCentralRecord | undefined {
    return this.#store.record(catalog, id)
  }

  /** A change made in Partner Central by someone else: applied, with LastModifiedDate moved past the last. */
  modify(catalog: Catalog, id: string, change: (record: PartnerCentralRecord) => void): void {
    this.#store.write(catalog, id, change)
  }

  /** The partner no longer sees the record: List leaves it out and Get answers ResourceNotFoundException. */
  hide(catalog: Catalog, id: string): void {
    this.#store.hide(catalog, id)
  }

  /** How many records the partner sees in the catalog. */
  size(catalog: Catalog): number {
    return this.#store.size(catalog)
  }

  /** Stops listening and drops open connections (the SDK keeps them alive). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()))
    })
    this.#server.closeAllConnections()
    await closed
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = await readBody(request)
      const target = String(request.headers['x-amz-target'] ?? '')
      const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target
      const entry: FakeRequestLogEntry = {
        operation,
        catalog: peekCatalog(body),
        at: Date.now(),
        accessKeyId: null,
        signatureValid: false,
        status: 0,
      }
      this.#log.push(entry)
      // A demo's fake lives as long as its worker: the log keeps the latest requests only.
      if (this.#log.length > MAX_LOGGED_REQUESTS) this.#log.splice(0, this.#log.length - MAX_LOGGED_REQUESTS)
      const check = await verifySignature(
        { method: request.method ?? '', url: request.url ?? '/', headers: request.headers, body },
        this.#credentials,
      )
      entry.accessKeyId = check.accessKeyId
      entry.signatureValid = check.valid
      const answer = this.#answer(request.method ?? '', operation, body, check)
      entry.status = answer.status
      response.writeHead(answer.status, answer.headers).end(answer.body)
    } catch (error) {
      // Only reading the request can fail here (a client that went away); nobody is left to answer.
      response.destroy(error instanceof Error ? error : undefined)
    }
  }

  #answer(method: string, operation: string, text: string, check: SignatureCheck): WireAnswer {
    let answer: WireAnswer
    try {
      if (check.failure) throw check.failure
      const body = parseRequestBody(text)
      if (this.#faults.takeThrottle(operation)) throw throttlingError()
      const run = method === 'POST' ? OPERATIONS[operation] : undefined
      if (!run) throw new FakeServiceError('UnknownOperationException', 400, `Unknown operation ${operation}`)
      answer = answerJson(run(body, { store: this.#store, takeConflict: () => this.#faults.takeConflict() }))
    } catch (error) {
      answer = answerError(
        error instanceof FakeServiceError
          ? error
          : new FakeServiceError('InternalServerException', 500, String(error)),
      )
    }
    // The operation has run (a write is applied): a garbled answer leaves the client not knowing that.
    if (check.valid && this.#faults.takeMalform(operation)) return answerMalformed()
    return answer
  }
}

/** The Catalog a request names, for the log, whether or not it is then answered. */
function peekCatalog(text: string): string | null {
  try {
    const catalog = (JSON.parse(text) as { Catalog?: unknown } | null)?.Catalog
    return typeof catalog === 'string' ? catalog : null
  } catch {
    return null
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
