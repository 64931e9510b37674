import { Role } from '../auth/roles';
import { zoneToday } from '../clock';
import type { RequestContext } from '../context';
import { toGlobalId } from '../common/global-id';
import { InvalidInputError, NotFoundError, Problems } from '../common/mutation-errors';
import { ok, type Outcome, refused } from '../common/outcome';
import { type ForwardPageArgs, Page, pageRequest } from '../common/pagination';
import { readRows } from '../db/read-objects';
import { type EventKind, SUBJECT_OF } from './event-kind';
import { Notification, notificationUuid } from './notification.types';
import { type Recipient, recipientOfViewer } from './recipients';
import type { EventPayload } from './outbox';

/** The most notifications one `markNotificationsRead` names. */
export const MAX_MARKED = 100;

/** The recipient the viewer is (src/events/recipients.ts), as the relay addresses notifications. */
export const recipientOf = (ctx: RequestContext): Recipient => recipientOfViewer(ctx.viewer!, (type) => ctx.access.actingFor(type));

/** Notifications addressed to `r` (`n`): its role and organization, and its account where one is named. */
function addressedTo(r: Recipient): { sql: string; bindings: unknown[] } {
  return {
    sql: 'n.recipient_role = ? and n.recipient_org is not distinct from ? and (n.recipient_account is null or n.recipient_account = ?::uuid)',
    bindings: [r.role, r.org, r.account],
  };
}

const NONE = { sql: 'false', bindings: [] as unknown[] };

/**
 * Whether the viewer may see an event's subject (`e`), in SQL: the access policy's row rules (src/auth/policy.ts TYPES
 * Proposal, DataAuthorization, Import, Enterprise) for the subjects notifications name. A notification links to its
 * subject only where this holds.
 */
function subjectVisible(ctx: RequestContext): Record<'PROPOSAL' | 'AUTHORIZATION' | 'IMPORT' | 'ENTERPRISE', { sql: string; bindings: unknown[] }> {
  const { role, org } = recipientOf(ctx);
  const submitted = { sql: `exists (select 1 from proposal p where p.id = e.proposal_id and p.status <> 'DRAFT')`, bindings: [] };
  switch (role) {
    case Role.ZONE_ADMIN:
      return { PROPOSAL: submitted, AUTHORIZATION: { sql: 'true', bindings: [] }, IMPORT: { sql: 'true', bindings: [] }, ENTERPRISE: { sql: 'true', bindings: [] } };
    case Role.CPPCC_MEMBER:
      return { PROPOSAL: { sql: 'true', bindings: [] }, AUTHORIZATION: NONE, IMPORT: NONE, ENTERPRISE: { sql: 'true', bindings: [] } };
    case Role.CPPCC_OFFICE:
      return { PROPOSAL: submitted, AUTHORIZATION: NONE, IMPORT: NONE, ENTERPRISE: { sql: 'true', bindings: [] } };
    case Role.HANDLING_UNIT:
      return {
        PROPOSAL: { sql: 'exists (select 1 from proposal p where p.id = e.proposal_id and (?::text = any(p.lead_unit_ids) or ?::text = any(p.co_handler_ids)))', bindings: [ctx.access.actingFor('HandlingUnit'), ctx.access.actingFor('HandlingUnit')] },
        AUTHORIZATION: NONE,
        IMPORT: NONE,
        ENTERPRISE: { sql: 'true', bindings: [] },
      };
    case Role.ENTERPRISE_REP:
      return {
        PROPOSAL: NONE,
        AUTHORIZATION: { sql: 'exists (select 1 from enterprise x where x.id = e.enterprise_id and x.credit_code = ?)', bindings: [org] },
        IMPORT: NONE,
        ENTERPRISE: { sql: 'exists (select 1 from enterprise x where x.id = e.enterprise_id and x.credit_code = ?)', bindings: [org] },
      };
    case Role.BANK_OFFICER: {
      // Granted to its bank, of an enterprise holding an authorization in force for it today.
      const sql = `exists (select 1 from data_authorization a join bank b on b.id = a.bank_id where a.id = e.authorization_id and b.credit_code = ?
        and exists (select 1 from data_authorization f where f.enterprise_id = a.enterprise_id and f.bank_id = a.bank_id and f.revoked_at is null
          and f.valid_from <= ?::date and f.valid_to >= ?::date))`;
      const today = zoneToday();
      return { PROPOSAL: NONE, AUTHORIZATION: { sql, bindings: [org, today, today] }, IMPORT: NONE, ENTERPRISE: NONE };
    }
  }
}

interface Row {
  id: string;
  recipient_role: Role;
  recipient_org: string | null;
  recipient_account: string | null;
  seq: string;
  kind: EventKind;
  occurred_at: Date | string;
  read_at: Date | string | null;
  payload: EventPayload;
  proposal_id: string | null;
  authorization_id: string | null;
  import_id: string | null;
  enterprise_id: string | null;
  subject_visible: boolean;
}

const TYPE_OF = { PROPOSAL: 'Proposal', AUTHORIZATION: 'DataAuthorization', IMPORT: 'Import', ENTERPRISE: 'Enterprise' } as const;

function toNotification(row: Row): Notification {
  const subject = SUBJECT_OF[row.kind];
  const id = { PROPOSAL: row.proposal_id, AUTHORIZATION: row.authorization_id, IMPORT: row.import_id, ENTERPRISE: row.enterprise_id }[subject];
  return new Notification({
    uuid: row.id,
    kind: row.kind,
    // Read as text (src/db/read-objects.ts reads rows as PostgreSQL writes them).
    occurredAt: new Date(row.occurred_at),
    readAt: row.read_at === null ? null : new Date(row.read_at),
    payload: row.payload,
    subjectId: id && row.subject_visible ? toGlobalId(TYPE_OF[subject], id) : null,
    recipient: { role: row.recipient_role, org: row.recipient_org, account: row.recipient_account },
  });
}

/** The select list of a notification with its event, and whether the viewer sees the subject. */
function selectNotifications(ctx: RequestContext): { sql: string; bindings: unknown[] } {
  const visible = subjectVisible(ctx);
  const kinds = (['PROPOSAL', 'AUTHORIZATION', 'IMPORT', 'ENTERPRISE'] as const).map((s) => ({
    sql: `when e.${s.toLowerCase()}_id is not null and e.kind like ? then (${visible[s].sql})`,
    bindings: [`${s}_%`, ...visible[s].bindings],
  }));
  // CREDIT_FACTS_STALE names an enterprise; its kind does not start with ENTERPRISE_.
  const enterprise = { sql: `when e.kind = 'CREDIT_FACTS_STALE' then (${visible.ENTERPRISE.sql})`, bindings: visible.ENTERPRISE.bindings };
  const cases = [...kinds.filter((_, i) => i < 3), enterprise];
  return {
    sql: `select n.id, n.recipient_role, n.recipient_org, n.recipient_account, e.seq, e.kind, e.occurred_at, n.read_at, e.payload, e.proposal_id, e.authorization_id, e.import_id, e.enterprise_id,
      coalesce(case ${cases.map((c) => c.sql).join(' ')} else false end, false) as subject_visible
      from notification n join outbox_event e on e.id = n.event_id`,
    bindings: cases.flatMap((c) => c.bindings),
  };
}

/** The viewer's notifications, newest first: one statement for the page, one for `totalCount` when asked. */
export async function listNotifications(ctx: RequestContext, page: ForwardPageArgs, unreadOnly: boolean): Promise<Page<Notification>> {
  const request = pageRequest(page, 1);
  const to = addressedTo(recipientOf(ctx));
  const where = `where ${to.sql}${unreadOnly ? ' and n.read_at is null' : ''}`;
  const select = selectNotifications(ctx);
  const after = request.cursor ? ' and e.seq < ?::bigint' : '';
  const rows = await readRows<Row>(ctx.em, `${select.sql} ${where}${after} order by e.seq desc limit ?`, [
    ...select.bindings,
    ...to.bindings,
    ...(request.cursor ? [String(request.cursor[0])] : []),
    request.limit + 1,
  ]);
  return Page.fromRows(
    rows,
    request,
    toNotification,
    (r) => [String(r.seq)],
    () => countNotifications(ctx.em, recipientOf(ctx), unreadOnly),
  );
}

/** How many notifications `r` has (unread only, or all): `notifications { totalCount }`, and the live unread count. */
export async function countNotifications(em: RequestContext['em'], r: Recipient, unreadOnly: boolean): Promise<number> {
  const to = addressedTo(r);
  const rows = await readRows<{ n: string }>(em, `select count(*) as n from notification n where ${to.sql}${unreadOnly ? ' and n.read_at is null' : ''}`, to.bindings);
  return Number(rows[0]!.n);
}

/**
 * Marks the viewer's notifications read. An id that is not one of the viewer's notifications is NOT_FOUND, worded as
 * for an id of none (another's notification does not exist for it); then nothing is marked.
 */
export async function markNotificationsRead(ctx: RequestContext, ids: readonly string[]): Promise<Outcome<Notification[]>> {
  const problems = new Problems();
  if (ids.length === 0 || ids.length > MAX_MARKED) {
    return refused([new InvalidInputError('input.ids', `Name 1 to ${MAX_MARKED} notifications.`)]);
  }
  const uuids = ids.map((id) => notificationUuid(id));
  const to = addressedTo(recipientOf(ctx));
  const known = uuids.filter((u): u is string => u !== null);
  const mine = known.length
    ? await readRows<{ id: string }>(ctx.em, `select n.id from notification n where n.id = any(?::uuid[]) and ${to.sql}`, [`{${known.join(',')}}`, ...to.bindings])
    : [];
  const found = new Set(mine.map((r) => r.id));
  uuids.forEach((u, i) => {
    if (!u || !found.has(u)) problems.add(new NotFoundError(`input.ids.${i}`, 'No such notification.'));
  });
  if (problems.any) return refused(problems.list);
  await ctx.em.execute('update notification set read_at = now() where id = any(?::uuid[]) and read_at is null', [`{${[...found].join(',')}}`]);
  const select = selectNotifications(ctx);
  const rows = await readRows<Row>(ctx.em, `${select.sql} where n.id = any(?::uuid[])`, [...select.bindings, `{${[...found].join(',')}}`]);
  const byId = new Map(rows.map((r) => [r.id, toNotification(r)]));
  return ok(uuids.map((u) => byId.get(u!)!));
}
