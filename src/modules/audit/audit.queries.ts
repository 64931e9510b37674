import type { RequestContext } from '../../context';
import { type ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import { sqlArray } from '../../common/sql';
import { AuditEvent } from './audit.entity';
import type { AuditEventFilter } from './audit.resolver';
import { readObjects, readRows } from '../../db/read-objects';

/**
 * An organization's global id as tokens name it, so as the trail stores it (`actor_org`): a bank's or an enterprise's
 * credit code, a member's or a unit's global id. An id of anything else matches no event ('' is no organization).
 */
async function storedOrganization(ctx: RequestContext, globalId: string): Promise<string> {
  const parsed = fromGlobalId(globalId);
  if (!parsed) return '';
  if (parsed.type === 'CppccMember' || parsed.type === 'HandlingUnit') return toGlobalId(parsed.type, parsed.id);
  if (parsed.type !== 'Bank' && parsed.type !== 'Enterprise') return '';
  const [row] = await readRows<{ code: string }>(ctx.em, `select credit_code as code from ${parsed.type === 'Bank' ? 'bank' : 'enterprise'} where id = ?`, [parsed.id]);
  return row?.code ?? '';
}

/** A page of the audit trail, newest first (keyset on the chain position). */
export async function findAuditEvents(ctx: RequestContext, filter: AuditEventFilter | null, page: ForwardPageArgs): Promise<Page<AuditEvent>> {
  const request = pageRequest(page, 1);
  const knex = ctx.em.getKnex();
  // Row rule (policy.ts): a representative's trail is its own enterprise's events, reads of its data included.
  const visible = await ctx.access.visibleEnterpriseIds();
  const organization = filter?.actorOrganizationId != null ? await storedOrganization(ctx, filter.actorOrganizationId) : null;
  const where = (q: ReturnType<typeof knex>) => {
    if (filter?.operation) q.where('a.operation', filter.operation);
    if (filter?.actorRole) q.where('a.actor_role', filter.actorRole);
    if (filter?.actorOrganizationId != null) q.where('a.actor_org', organization);
    if (filter?.outcome) q.where('a.outcome', filter.outcome);
    if (filter?.occurredFrom) q.where('a.at', '>=', filter.occurredFrom);
    if (filter?.occurredBefore) q.where('a.at', '<', filter.occurredBefore);
    if (filter?.creditCode) q.whereIn('a.enterprise_id', knex('enterprise').select('id').where('credit_code', filter.creditCode));
    if (visible) q.whereRaw('a.enterprise_id = any(?::uuid[])', [sqlArray([...visible])]);
    return q;
  };
  const q = where(knex('audit_event as a').select('a.*'));
  if (request.cursor) q.where('a.seq', '<', String(request.cursor[0]));
  const rows: Record<string, unknown>[] = await readRows(ctx.em, q.orderBy('a.seq', 'desc').limit(request.limit + 1));
  return Page.fromRows(
    readObjects(ctx.em, AuditEvent, rows),
    request,
    (e) => e,
    (e) => [e.seq],
    async () => {
      const [row] = (await readRows(ctx.em, where(knex('audit_event as a').count({ n: '*' })))) as { n: string }[];
      return Number(row!.n);
    },
  );
}
