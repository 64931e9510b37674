import { ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { Role } from '../auth/roles';
import type { RequestContext } from '../context';
import { DuplicateError, MutationError, MutationErrorCode, NotFoundError, NotPermittedError, Problems, TransitionNotAllowedError } from '../common/mutation-errors';
import { actorOf, ok, type Outcome, refused } from '../common/outcome';
import { type ForwardPageArgs, Page, pageRequest } from '../common/pagination';
import { readRows } from '../db/read-objects';
import { EventKind } from './event-kind';
import { RECIPIENTS } from './recipients';
import { recipientOf } from './notification.service';
import { allowingEntry, parseAllowEntry, parseAllowList, parseWebhookUrl } from './webhook-allow-list';
import { WebhookDeliveryStatus } from './webhook.entity';
import { MAX_SECRET_LENGTH, MIN_SECRET_LENGTH, encryptSecret } from './webhook-secrets';
import {
  DELIVERY_ID,
  type DeliveryRow,
  WEBHOOK_ID,
  Webhook,
  WebhookAllowList,
  WebhookDelivery,
  type WebhookDeliveriesArgs,
  type WebhookRow,
  type RegisterWebhookInput,
  type UpdateWebhookInput,
} from './webhook.types';

/** The most webhooks one organization may have: a few systems, not one per person. */
export const MAX_WEBHOOKS_PER_OWNER = 20;
/** The most entries the allow-list holds. */
export const MAX_ALLOW_ENTRIES = 100;

@ObjectType({
  implements: MutationError,
  description:
    'The URL is not on the zone’s webhook allow-list (`webhookAllowList`), or points at an address webhooks never reach ' +
    '(link-local, a metadata service): INVALID_INPUT at `path`. Nothing was written; ask the zone’s administrators to allow the origin.',
})
export class WebhookUrlNotAllowedError extends MutationError {
  constructor(field: string, message: string) {
    super();
    this.code = MutationErrorCode.INVALID_INPUT;
    this.field = field;
    this.message = message;
  }
}

/** The kinds of event each role is ever told of (RECIPIENTS applied to a payload naming everyone): what it may subscribe to. */
export const KINDS_TOLD_TO: Record<Role, ReadonlySet<EventKind>> = (() => {
  const everyone = { proposerIds: ['x'], unitIds: ['x'], creditCode: 'x', bankCreditCode: 'x', accountId: 'x' };
  const table = Object.fromEntries(Object.values(Role).map((r) => [r, new Set<EventKind>()])) as Record<Role, Set<EventKind>>;
  for (const kind of Object.values(EventKind)) for (const r of RECIPIENTS[kind](everyone)) table[r.role].add(kind);
  return table;
})();

const SELECT_WEBHOOK = `select w.id, w.owner_role, w.owner_org, w.url, array_to_string(w.events, ',') as events, w.disabled_at, w.created_at, w.created_by, w.updated_at from webhook w`;

const toWebhook = (r: Omit<WebhookRow, 'events'> & { events: string }) => new Webhook({ ...r, events: r.events ? (r.events.split(',') as EventKind[]) : [] });

/** The webhooks the viewer sees (`w`): the zone's administrators every one, any other its organization's own. */
function visibleTo(ctx: RequestContext): { sql: string; bindings: unknown[] } {
  if (ctx.viewer!.role === Role.ZONE_ADMIN) return { sql: 'true', bindings: [] };
  const me = recipientOf(ctx);
  return { sql: 'w.owner_role = ? and w.owner_org is not distinct from ?', bindings: [me.role, me.org] };
}

/** The viewer's webhooks (every one for the zone), oldest registered first. */
export async function listWebhooks(ctx: RequestContext, page: ForwardPageArgs): Promise<Page<Webhook>> {
  const request = pageRequest(page, 2);
  const visible = visibleTo(ctx);
  const after = request.cursor ? ' and (w.created_at, w.id) > (?::timestamptz, ?::uuid)' : '';
  const rows = await readRows<Omit<WebhookRow, 'events'> & { events: string; created_key: string }>(
    ctx.em,
    `${SELECT_WEBHOOK.replace(' from webhook w', `, to_char(w.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key from webhook w`)}
     where ${visible.sql}${after} order by w.created_at, w.id limit ?`,
    [...visible.bindings, ...(request.cursor ?? []), request.limit + 1],
  );
  return Page.fromRows(rows, request, toWebhook, (r) => [r.created_key, r.id], async () => {
    const [n] = await readRows<{ n: string }>(ctx.em, `select count(*) as n from webhook w where ${visible.sql}`, visible.bindings);
    return Number(n!.n);
  });
}

/** A webhook the viewer sees, by its id (null: none, or another's). */
async function findWebhook(ctx: RequestContext, id: string): Promise<Webhook | null> {
  const uuid = WEBHOOK_ID.uuid(id);
  if (!uuid) return null;
  const visible = visibleTo(ctx);
  const [row] = await readRows<Omit<WebhookRow, 'events'> & { events: string }>(ctx.em, `${SELECT_WEBHOOK} where w.id = ? and ${visible.sql}`, [uuid, ...visible.bindings]);
  return row ? toWebhook(row) : null;
}

const SELECT_DELIVERY = `select d.id, d.event_id, e.seq, e.kind, d.status, d.attempt_log::text as attempt_log, d.created_at, d.delivered_at, d.dead_at
  from webhook_delivery d join outbox_event e on e.id = d.event_id`;

const toDelivery = (r: Omit<DeliveryRow, 'attempt_log'> & { attempt_log: string }) => new WebhookDelivery({ ...r, attempt_log: JSON.parse(r.attempt_log) });

/** Per request and arguments: the pages of several webhooks' deliveries in one statement, and their counts in another. */
const deliveryLoaders = new WeakMap<RequestContext, Map<string, { page: DataLoader<string, Page<WebhookDelivery>> }>>();

/** A webhook's deliveries, newest event first: batched over the webhooks of a page (one statement for all). */
export function webhookDeliveries(ctx: RequestContext, webhook: Webhook, args: WebhookDeliveriesArgs): Promise<Page<WebhookDelivery>> {
  const request = pageRequest(args, 1);
  const key = JSON.stringify([args.first ?? null, args.after ?? null, args.status ?? null]);
  let byArgs = deliveryLoaders.get(ctx);
  if (!byArgs) deliveryLoaders.set(ctx, (byArgs = new Map()));
  let loaders = byArgs.get(key);
  if (!loaders) {
    const status = args.status ? ' and d.status = ?' : '';
    const after = request.cursor ? ' and e.seq < ?::bigint' : '';
    const counts = new DataLoader<string, number>(async (ids) => {
      const rows = await readRows<{ webhook_id: string; n: string }>(
        ctx.em,
        `select d.webhook_id, count(*) as n from webhook_delivery d where d.webhook_id = any(?::uuid[])${status} group by d.webhook_id`,
        [`{${ids.join(',')}}`, ...(args.status ? [args.status] : [])],
      );
      const n = new Map(rows.map((r) => [r.webhook_id, Number(r.n)]));
      return ids.map((id) => n.get(id) ?? 0);
    });
    const page = new DataLoader<string, Page<WebhookDelivery>>(async (ids) => {
      const rows = await readRows<Omit<DeliveryRow, 'attempt_log'> & { attempt_log: string; webhook_id: string }>(
        ctx.em,
        `select x.* from unnest(?::uuid[]) as w(id) cross join lateral (
           ${SELECT_DELIVERY.replace('select d.id,', 'select d.webhook_id, d.id,')} where d.webhook_id = w.id${status}${after} order by e.seq desc limit ?) x`,
        [`{${ids.join(',')}}`, ...(args.status ? [args.status] : []), ...(request.cursor ? [String(request.cursor[0])] : []), request.limit + 1],
      );
      return ids.map((id) =>
        Page.fromRows(
          rows.filter((r) => r.webhook_id === id),
          request,
          toDelivery,
          (r) => [String(r.seq)],
          () => counts.load(id),
        ),
      );
    });
    byArgs.set(key, (loaders = { page }));
  }
  return loaders.page.load(webhook.uuid);
}

/** The allow-list as stored (no row yet: empty). */
async function readAllowList(ctx: RequestContext): Promise<WebhookAllowList> {
  const [row] = await readRows<{ entries: string | null; updated_at: string | null; updated_by: string | null }>(
    ctx.em,
    `select array_to_string(allow_list, ' ') as entries, updated_at, updated_by from webhook_settings where id`,
  );
  return new WebhookAllowList(row?.entries ? row.entries.split(' ') : [], row?.updated_at ?? null, row?.updated_by ?? null);
}

export const webhookAllowList = (ctx: RequestContext) => readAllowList(ctx);

/** Sets the allow-list, whole: each entry an origin; a wrong one is INVALID_INPUT at its place, and nothing is written. */
export async function setWebhookAllowList(ctx: RequestContext, entries: readonly string[]): Promise<Outcome<WebhookAllowList>> {
  const problems = new Problems();
  if (entries.length > MAX_ALLOW_ENTRIES) problems.invalid('input.entries', `The allow-list holds at most ${MAX_ALLOW_ENTRIES} entries.`);
  const parsed = entries.map((e, i) => {
    const entry = parseAllowEntry(e);
    if (typeof entry === 'string') problems.add(new WebhookUrlNotAllowedError(`input.entries.${i}`, entry));
    return entry;
  });
  if (problems.any) return refused(problems.list);
  const texts = [...new Set(parsed.map((e) => (typeof e === 'string' ? e : e.text)))];
  await ctx.em.execute(
    `insert into webhook_settings (id, allow_list, updated_at, updated_by) values (true, ?::text[], now(), ?)
     on conflict (id) do update set allow_list = excluded.allow_list, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [`{${texts.map((t) => `"${t}"`).join(',')}}`, actorOf(ctx)],
  );
  return ok(await readAllowList(ctx));
}

/** Checks a URL against the allow-list: the error to return, or null. */
async function urlProblem(ctx: RequestContext, field: string, text: string): Promise<MutationError | null> {
  const url = parseWebhookUrl(text);
  if (typeof url === 'string') return new WebhookUrlNotAllowedError(field, url);
  const list = await readAllowList(ctx);
  if (!allowingEntry(url, parseAllowList(list.entries))) {
    return new WebhookUrlNotAllowedError(field, `${url.origin} is not on the zone’s webhook allow-list: ask the zone’s administrators to allow it.`);
  }
  return null;
}

function eventsProblems(ctx: RequestContext, problems: Problems, events: readonly EventKind[]): void {
  if (events.length === 0) problems.invalid('input.events', 'Choose at least one kind of event.');
  const told = KINDS_TOLD_TO[ctx.viewer!.role];
  events.forEach((kind, i) => {
    if (!told.has(kind)) problems.invalid(`input.events.${i}`, `${ctx.viewer!.role} is never told of ${kind}: a webhook of yours would never receive it.`);
  });
}

function secretProblems(problems: Problems, secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH || secret.length > MAX_SECRET_LENGTH) {
    problems.invalid('input.secret', `A secret has ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} characters (e.g. 32 random bytes in hex).`);
  }
}

/** Registers a webhook for the viewer's organization (as its events are addressed: role and organization). */
export async function registerWebhook(ctx: RequestContext, input: RegisterWebhookInput): Promise<Outcome<Webhook>> {
  const problems = new Problems();
  const bad = await urlProblem(ctx, 'input.url', input.url);
  if (bad) problems.add(bad);
  const events = [...new Set(input.events)];
  eventsProblems(ctx, problems, events);
  secretProblems(problems, input.secret);
  const me = recipientOf(ctx);
  const [mine] = await readRows<{ n: string; same: string }>(
    ctx.em,
    'select count(*) as n, count(*) filter (where url = ?) as same from webhook where owner_role = ? and owner_org is not distinct from ?',
    [input.url, me.role, me.org],
  );
  if (Number(mine!.same) > 0) problems.add(new DuplicateError('input.url', 'Your organization has a webhook at this URL already.'));
  else if (Number(mine!.n) >= MAX_WEBHOOKS_PER_OWNER) problems.invalid('input.url', `An organization has at most ${MAX_WEBHOOKS_PER_OWNER} webhooks: delete one first.`);
  if (problems.any) return refused(problems.list);
  const id = randomUUID();
  await ctx.em.execute(
    `insert into webhook (id, owner_role, owner_org, url, events, secret_ciphertext, created_by) values (?, ?, ?, ?, ?::text[], ?, ?)`,
    [id, me.role, me.org, input.url, `{${events.join(',')}}`, encryptSecret(input.secret, id), actorOf(ctx)],
  );
  return ok((await findWebhook(ctx, WEBHOOK_ID.of(id)))!);
}

/**
 * The webhook a write names, if the viewer may make it: its own organization's, or (`byAdministrator`) any for the
 * zone's administrators. Another's it sees is NOT_PERMITTED; one it does not see NOT_FOUND.
 */
async function writable(ctx: RequestContext, id: string, byAdministrator: boolean): Promise<Webhook | MutationError> {
  const webhook = await findWebhook(ctx, id);
  if (!webhook) return new NotFoundError('input.id', 'No such webhook.');
  const me = recipientOf(ctx);
  const own = webhook.recipientRole === me.role && webhook.recipientOrg === me.org;
  if (!own && !(byAdministrator && ctx.viewer!.role === Role.ZONE_ADMIN)) {
    return new NotPermittedError('input.id', 'Only the organization it belongs to changes its URL, events or secret.');
  }
  return webhook;
}

export async function updateWebhook(ctx: RequestContext, input: UpdateWebhookInput): Promise<Outcome<Webhook>> {
  const webhook = await writable(ctx, input.id, false);
  if (webhook instanceof MutationError) return refused([webhook]);
  const problems = new Problems();
  if (input.url != null) {
    const bad = await urlProblem(ctx, 'input.url', input.url);
    if (bad) problems.add(bad);
  }
  const events = input.events == null ? null : [...new Set(input.events)];
  if (events) eventsProblems(ctx, problems, events);
  if (input.secret != null) secretProblems(problems, input.secret);
  if (problems.any) return refused(problems.list);
  await ctx.em.execute(
    `update webhook set url = coalesce(?, url), events = coalesce(?::text[], events), secret_ciphertext = coalesce(?, secret_ciphertext), updated_at = now() where id = ?`,
    [input.url ?? null, events ? `{${events.join(',')}}` : null, input.secret != null ? encryptSecret(input.secret, webhook.uuid) : null, webhook.uuid],
  );
  return ok((await findWebhook(ctx, input.id))!);
}

/** Disables or enables a webhook (its organization's, or any for the zone's administrators). */
export async function setWebhookEnabled(ctx: RequestContext, id: string, enabled: boolean): Promise<Outcome<Webhook>> {
  const webhook = await writable(ctx, id, true);
  if (webhook instanceof MutationError) return refused([webhook]);
  if (webhook.isEnabled === enabled) return refused([new TransitionNotAllowedError('input.id', `The webhook is ${enabled ? 'enabled' : 'disabled'} already.`)]);
  await ctx.em.execute(`update webhook set disabled_at = ${enabled ? 'null' : 'now()'}, updated_at = now() where id = ?`, [webhook.uuid]);
  return ok((await findWebhook(ctx, id))!);
}

/** Deletes a webhook and its deliveries (its organization's, or any for the zone's administrators). */
export async function deleteWebhook(ctx: RequestContext, id: string): Promise<Outcome<Webhook>> {
  const webhook = await writable(ctx, id, true);
  if (webhook instanceof MutationError) return refused([webhook]);
  await ctx.em.execute('delete from webhook where id = ?', [webhook.uuid]);
  return ok(webhook);
}

/**
 * Sends a DEAD delivery again: PENDING, with a new job (attempts start again from the retry limit), enqueued by the
 * next relay run, which the notification wakes on every instance listening.
 */
export async function redeliverWebhookDelivery(ctx: RequestContext, id: string): Promise<Outcome<WebhookDelivery>> {
  const uuid = DELIVERY_ID.uuid(id);
  const [owner] = uuid ? await readRows<{ webhook_id: string; status: string; disabled_at: string | null }>(ctx.em, 'select d.webhook_id, d.status, w.disabled_at from webhook_delivery d join webhook w on w.id = d.webhook_id where d.id = ?', [uuid]) : [];
  const webhook = owner ? await writable(ctx, WEBHOOK_ID.of(owner.webhook_id), true) : null;
  if (!owner || !webhook || (webhook instanceof NotFoundError)) return refused([new NotFoundError('input.id', 'No such delivery.')]);
  if (webhook instanceof MutationError) return refused([webhook]);
  if (owner.status !== WebhookDeliveryStatus.DEAD) return refused([new TransitionNotAllowedError('input.id', `Only a DEAD delivery is sent again; this one is ${owner.status}.`)]);
  if (owner.disabled_at) return refused([new TransitionNotAllowedError('input.id', 'Its webhook is disabled: enable it first.')]);
  await ctx.em.execute(`update webhook_delivery set status = 'PENDING', job_id = gen_random_uuid(), queued_at = null, dead_at = null where id = ?`, [uuid]);
  await ctx.em.execute(`select pg_notify('innozone_outbox', '')`);
  const [row] = await readRows<Omit<DeliveryRow, 'attempt_log'> & { attempt_log: string }>(ctx.em, `${SELECT_DELIVERY} where d.id = ?`, [uuid]);
  return ok(toDelivery(row!));
}
