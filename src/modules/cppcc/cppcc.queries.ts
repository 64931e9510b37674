import type { Knex } from '@mikro-orm/postgresql';
import { Condition, TYPES } from '../../auth/policy';
import type { RequestContext } from '../../context';
import { badUserInput } from '../../common/errors';
import { type ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { zoneToday } from '../../clock';
import { CppccMember, HandlingUnit, PolicyRequest, Proposal, ProposalStatus, Satisfaction } from './cppcc.entity';
import { type CppccMemberFilter, HandlingUnitScore, type PolicyRequestFilter, type ProposalFilter } from './cppcc.types';
import { readObject, readObjects, readRows, readWhereIn } from '../../db/read-objects';

/**
 * A row's creation time as its cursor holds it: to the microsecond, as PostgreSQL keeps it. A JavaScript Date keeps
 * only milliseconds: a cursor made from one points past the rows that follow its own within the same millisecond
 * (every row tied with it included), and the next page skipped them.
 */
const exactCreatedAt = (alias: string) => `to_char(${alias}.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`;

/**
 * The proposals the viewer may read, in SQL: the Proposal row rule of the policy (policy.ts), so lists and counts
 * hold exactly what `proposal(id)` would show.
 */
function proposalRows(ctx: RequestContext, q: Knex.QueryBuilder): void {
  const role = ctx.viewer?.role;
  const grant = role ? TYPES['Proposal']!.rows[role] : undefined;
  switch (grant) {
    case true:
      return;
    case Condition.SUBMITTED:
      q.whereNot('p.status', ProposalStatus.DRAFT);
      return;
    case Condition.ASSIGNED_TO_UNIT: {
      const unit = ctx.access.actingFor('HandlingUnit');
      if (!unit) q.whereRaw('false');
      else q.where((w) => w.where('p.lead_unit_id', unit).orWhereRaw('?::text = any(p.co_handler_ids)', [unit]));
      return;
    }
    default:
      q.whereRaw('false');
  }
}

/** Proposals, newest first, filtered; only those the viewer may read. */
export async function findProposals(ctx: RequestContext, filter: ProposalFilter | null, page: ForwardPageArgs): Promise<Page<Proposal>> {
  const request = pageRequest(page, 2);
  const knex = ctx.em.getKnex();
  const today = zoneToday();
  const where = (q: Knex.QueryBuilder) => {
    proposalRows(ctx, q);
    if (filter?.status?.length) q.whereIn('p.status', filter.status);
    if (filter?.level) q.where('p.level', filter.level);
    if (filter?.key != null) q.where('p.key', filter.key);
    if (filter?.sector) {
      // Proposed by the sector itself, or by a member of it.
      q.where((w) =>
        w
          .whereIn('p.sector_id', (s: Knex.QueryBuilder) => s.select('id').from('sector').where('code', filter.sector!))
          .orWhereRaw(
            'exists (select 1 from cppcc_member m join sector s on s.id = m.sector_id where m.id::text = any(p.proposer_ids) and s.code = ?)',
            [filter.sector!],
          ),
      );
    }
    if (filter?.overdue != null) {
      const overdue = `p.status = 'ASSIGNED' and p.due_date < ?`;
      if (filter.overdue) q.whereRaw(overdue, [today]);
      else q.whereRaw(`not (${overdue})`, [today]);
    }
    if (filter?.mine) {
      const member = ctx.access.actingFor('CppccMember');
      if (!member) throw badUserInput('mine is for CPPCC members.', 'filter.mine');
      q.where((w) => w.whereRaw('?::text = any(p.proposer_ids)', [member]).orWhereRaw('?::text = any(p.cosigner_ids)', [member]));
    }
    return q;
  };
  const q = where(knex('proposal as p').select('p.*', knex.raw(exactCreatedAt('p'))));
  if (request.cursor) q.whereRaw('(p.created_at, p.id) < (?::timestamptz, ?::uuid)', request.cursor as Knex.Value[]);
  const rows: Record<string, unknown>[] = await readRows(ctx.em, q.orderBy([{ column: 'p.created_at', order: 'desc' }, { column: 'p.id', order: 'desc' }]).limit(request.limit + 1));
  return Page.fromRows(
    rows,
    request,
    ({ cursor_at, ...row }) => ctx.loaders.remember([readObject(ctx.em, Proposal, row)])[0]!,
    (row) => [row['cursor_at'], row['id']],
    async () => {
      const [row] = (await readRows(ctx.em, where(knex('proposal as p').count({ n: '*' })))) as { n: string }[];
      return Number(row!.n);
    },
  );
}

/** Members, by name in pinyin order. */
export async function findMembers(ctx: RequestContext, filter: CppccMemberFilter | null, page: ForwardPageArgs): Promise<Page<CppccMember>> {
  const request = pageRequest(page, 2);
  const knex = ctx.em.getKnex();
  const where = (q: Knex.QueryBuilder) => {
    if (filter?.sector) q.whereIn('m.sector_id', (s: Knex.QueryBuilder) => s.select('id').from('sector').where('code', filter.sector!));
    if (filter?.party) q.whereIn('m.party_id', (s: Knex.QueryBuilder) => s.select('id').from('party').where('code', filter.party!));
    if (filter?.level) q.whereRaw('?::cppcc_level = any(m.levels)', [filter.level]);
    if (filter?.search?.trim()) q.whereRaw("m.name like ? escape '\\'", [`%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    return q;
  };
  const q = where(knex('cppcc_member as m').select('m.*'));
  if (request.cursor) q.whereRaw('(m.name collate "zh-x-icu", m.id) > (?::text collate "zh-x-icu", ?::uuid)', request.cursor as Knex.Value[]);
  q.orderByRaw('m.name collate "zh-x-icu", m.id').limit(request.limit + 1);
  const rows: Record<string, unknown>[] = await readRows(ctx.em, q);
  return Page.fromRows(
    readObjects(ctx.em, CppccMember, rows),
    request,
    (m) => m,
    (m) => [m.name, m.id],
    async () => {
      const [row] = (await readRows(ctx.em, where(knex('cppcc_member as m').count({ n: '*' })))) as { n: string }[];
      return Number(row!.n);
    },
  );
}

/** Policy requests, newest first: a representative's own, everything for the zone and the CPPCC. */
export async function findPolicyRequests(ctx: RequestContext, filter: PolicyRequestFilter | null, page: ForwardPageArgs): Promise<Page<PolicyRequest>> {
  const request = pageRequest(page, 2);
  const knex = ctx.em.getKnex();
  const role = ctx.viewer!.role;
  const grant = TYPES['PolicyRequest']!.rows[role];
  const where = (q: Knex.QueryBuilder) => {
    if (!grant) q.whereRaw('false');
    else if (grant === Condition.FILED_BY_VIEWER) q.where('r.filed_by', `${role}:${ctx.viewer!.organisation}`);
    if (filter?.status) q.where('r.status', filter.status);
    if (filter?.creditCode) {
      q.whereRaw('(select id::text from enterprise where credit_code = ?) = any(r.enterprise_ids)', [filter.creditCode]);
    }
    return q;
  };
  const q = where(knex('policy_request as r').select('r.*', knex.raw(exactCreatedAt('r'))));
  if (request.cursor) q.whereRaw('(r.created_at, r.id) < (?::timestamptz, ?::uuid)', request.cursor as Knex.Value[]);
  const rows: Record<string, unknown>[] = await readRows(ctx.em, q.orderBy([{ column: 'r.created_at', order: 'desc' }, { column: 'r.id', order: 'desc' }]).limit(request.limit + 1));
  return Page.fromRows(
    rows,
    request,
    ({ cursor_at, ...row }) => readObject(ctx.em, PolicyRequest, row),
    (row) => [row['cursor_at'], row['id']],
    async () => {
      const [row] = (await readRows(ctx.em, where(knex('policy_request as r').count({ n: '*' })))) as { n: string }[];
      return Number(row!.n);
    },
  );
}

/**
 * The democratic evaluation (民主评议) of handling units for a year: the lead replies each gave in it and how
 * their proposers rated them. One statement for every unit.
 */
export async function handlingUnitScores(ctx: RequestContext, year: number): Promise<HandlingUnitScore[]> {
  const rows = await readRows<{ unit_id: string; replies: number; rated: number; satisfied: number; basically: number; dissatisfied: number }>(
    ctx.em,
    `select r.unit_id,
            count(*)::int as replies,
            count(r.rating)::int as rated,
            count(*) filter (where r.rating = ?)::int as satisfied,
            count(*) filter (where r.rating = ?)::int as basically,
            count(*) filter (where r.rating = ?)::int as dissatisfied
     from proposal_reply r
     where r.lead and extract(year from r.replied_on) = ?
     group by r.unit_id`,
    [Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED, year],
  );
  const units = await readWhereIn(ctx.em, HandlingUnit, 'id', rows.map((r) => r.unit_id));
  const rate = (good: number, rated: number) => {
    if (rated === 0) return null;
    const basisPoints = Math.floor((good * 1_000_000) / rated); // percent × 10⁴, truncated
    return `${Math.floor(basisPoints / 10_000)}.${String(basisPoints % 10_000).padStart(4, '0')}`;
  };
  return rows
    .map((r) =>
      Object.assign(new HandlingUnitScore(), {
        unit: units.find((u) => u.id === r.unit_id)!,
        year,
        replies: r.replies,
        rated: r.rated,
        satisfied: r.satisfied,
        basicallySatisfied: r.basically,
        dissatisfied: r.dissatisfied,
        satisfactionRate: rate(r.satisfied + r.basically, r.rated),
      }),
    )
    .sort((a, b) => Number(b.satisfactionRate ?? -1) - Number(a.satisfactionRate ?? -1) || a.unit.name.localeCompare(b.unit.name, 'zh'));
}

