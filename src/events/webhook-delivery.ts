import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../common/global-id';
import { type EventKind, SUBJECT_OF } from './event-kind';
import type { EventPayload } from './outbox';
import { TITLES } from './titles';
import { checkDestination, type Destination, type Resolve, resolveHost } from './webhook-allow-list';
import { type DeliveryAttempt, WebhookDeliveryStatus } from './webhook.entity';
import { decryptSecret, signatureHeader } from './webhook-secrets';

/** An event's id as receivers see it (`Innozone-Event-Id`, and `id` in the body): opaque, the same for every webhook. */
export const eventId = (uuid: string) => `EVT_${Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url')}`;

const SUBJECT_TYPE = { PROPOSAL: 'Proposal', AUTHORIZATION: 'DataAuthorization', IMPORT: 'Import', ENTERPRISE: 'Enterprise' } as const;

/** What a delivery's body says of an event: its public names only, nothing a recipient could not read elsewhere. */
export interface DeliveryBody {
  id: string;
  kind: EventKind;
  occurredAt: string;
  /** The global id of what it is about, for `node(id:)` (which applies the access policy as to any client). */
  subjectId: string | null;
  title: { chinese: string; english: string };
  /** The facts of the event a client may act on, in the API's names; absent when the kind has none. */
  data: { date?: string; enterpriseCreditCode?: string; bankCreditCode?: string; facts?: string[]; importStatus?: string };
}

interface EventRow {
  id: string;
  kind: EventKind;
  occurred_at: Date;
  payload: EventPayload;
  proposal_id: string | null;
  authorization_id: string | null;
  import_id: string | null;
  enterprise_id: string | null;
}

/**
 * The body of an event's delivery. Internal fields of the payload (the uuids of proposers, units and the account that
 * ran an import) are left out: a receiver gets ids only as the API issues them.
 */
export function deliveryBody(row: EventRow): DeliveryBody {
  const subject = SUBJECT_OF[row.kind];
  const uuid = { PROPOSAL: row.proposal_id, AUTHORIZATION: row.authorization_id, IMPORT: row.import_id, ENTERPRISE: row.enterprise_id }[subject];
  const [chinese, english] = TITLES[row.kind](row.payload);
  const p = row.payload;
  const data: DeliveryBody['data'] = {
    ...(p.date ? { date: p.date } : {}),
    ...(p.creditCode ? { enterpriseCreditCode: p.creditCode } : {}),
    ...(p.bankCreditCode ? { bankCreditCode: p.bankCreditCode } : {}),
    ...(p.facts?.length ? { facts: p.facts } : {}),
    ...(p.status ? { importStatus: p.status } : {}),
  };
  return {
    id: eventId(row.id),
    kind: row.kind,
    occurredAt: new Date(row.occurred_at).toISOString(),
    subjectId: uuid ? toGlobalId(SUBJECT_TYPE[subject], uuid) : null,
    title: { chinese, english },
    data,
  };
}

/** How one POST ended: the receiver's status (null: none came) and what went wrong (null: a 2xx). */
interface PostResult {
  statusCode: number | null;
  error: string | null;
}

/** The longest answer read from a receiver (it is discarded; reading it lets the connection close cleanly). */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs `body` to the checked address of `to`, sending its host name as Host and as TLS SNI (and checking the
 * certificate against it). A redirect is an answer like any other non-2xx: not followed.
 */
function post(to: Destination, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  return new Promise((resolve) => {
    const secure = to.url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: 'POST',
      host: to.address,
      port: to.url.port ? Number(to.url.port) : secure ? 443 : 80,
      path: `${to.url.pathname}${to.url.search}`,
      headers: { ...headers, host: to.url.host, 'content-length': String(Buffer.byteLength(body)) },
      timeout: timeoutMs,
      ...(secure && !net.isIP(to.host) ? { servername: to.host } : {}),
      agent: false,
    };
    const request = (secure ? https : http).request(options, (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      const status = res.statusCode ?? 0;
      const done = () =>
        resolve({
          statusCode: status,
          error:
            status >= 200 && status < 300
              ? null
              : status >= 300 && status < 400
                ? `HTTP ${status}: redirects are not followed (to ${String(res.headers.location ?? 'nowhere')})`
                : `HTTP ${status}`,
        });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on('error', (err) => resolve({ statusCode: null, error: err.message }));
    request.on('close', () => clearTimeout(timer));
    request.end(body);
  });
}

export interface DeliverOptions {
  timeoutMs: number;
  /** Is this the last attempt pg-boss will make? A failure then makes the delivery DEAD rather than RETRYING. */
  final: boolean;
  /** How host names are resolved (tests give their own); the system resolver by default. */
  resolve?: Resolve;
}

interface DeliveryRow extends EventRow {
  delivery_id: string;
  status: WebhookDeliveryStatus;
  webhook_id: string;
  url: string;
  secret_ciphertext: Buffer;
  disabled_at: Date | null;
}

/**
 * Makes one attempt of a delivery and records it: DELIVERED on a 2xx, else RETRYING, or DEAD on the last attempt. A
 * delivery already DELIVERED or DEAD is left as it is (a job run again after a crash sends nothing twice that was
 * recorded). Returns the status it ended in.
 */
export async function deliverOnce(em: EntityManager, deliveryId: string, options: DeliverOptions): Promise<WebhookDeliveryStatus> {
  const [row] = await em.execute<DeliveryRow[]>(
    `select d.id as delivery_id, d.status, w.id as webhook_id, w.url, w.secret_ciphertext, w.disabled_at,
       e.id, e.kind, e.occurred_at, e.payload, e.proposal_id, e.authorization_id, e.import_id, e.enterprise_id
     from webhook_delivery d join webhook w on w.id = d.webhook_id join outbox_event e on e.id = d.event_id where d.id = ?`,
    [deliveryId],
  );
  // Deleted with its webhook: nothing to send.
  if (!row) return WebhookDeliveryStatus.DEAD;
  if (row.status === WebhookDeliveryStatus.DELIVERED || row.status === WebhookDeliveryStatus.DEAD) return row.status;
  const at = new Date();
  let result: PostResult;
  if (row.disabled_at) {
    result = { statusCode: null, error: 'The webhook was disabled before this delivery was sent.' };
  } else {
    try {
      const [settings] = await em.execute<{ allow_list: string[] }[]>('select allow_list from webhook_settings where id');
      const to = await checkDestination(row.url, settings?.allow_list ?? [], options.resolve ?? resolveHost);
      const body = JSON.stringify(deliveryBody(row));
      const secret = decryptSecret(row.secret_ciphertext, row.webhook_id);
      const headers = {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'innozone-webhooks/1',
        'innozone-event-id': eventId(row.id),
        'innozone-event-kind': row.kind,
        'innozone-signature': signatureHeader(secret, Math.floor(at.getTime() / 1000), body),
      };
      result = await post(to, headers, body, options.timeoutMs);
    } catch (err) {
      result = { statusCode: null, error: (err as Error).message };
    }
  }
  const delivered = result.error === null;
  const status = delivered ? WebhookDeliveryStatus.DELIVERED : options.final || row.disabled_at ? WebhookDeliveryStatus.DEAD : WebhookDeliveryStatus.RETRYING;
  const attempt: DeliveryAttempt = { at: at.toISOString(), statusCode: result.statusCode, error: result.error?.slice(0, 500) ?? null };
  await em.execute(
    `update webhook_delivery set status = ?, attempt_log = attempt_log || ?::jsonb,
       delivered_at = case when ? then now() else delivered_at end, dead_at = case when ? then now() else dead_at end
     where id = ? and status in ('PENDING', 'RETRYING')`,
    [status, JSON.stringify([attempt]), status === WebhookDeliveryStatus.DELIVERED, status === WebhookDeliveryStatus.DEAD, deliveryId],
  );
  return status;
}
