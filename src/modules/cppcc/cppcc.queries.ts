import type { Knex } from '@mikro-orm/postgresql';
import { Condition, TYPES } from '../../auth/policy';
import type { RequestContext } from '../../context';
import { badUserInput } from '../../common/errors';
import { type ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { zoneToday } from '../../clock';
import { type CppccLevel, CppccMember, HandlingUnit, PolicyRequest, Proposal, ProposalStatus } from './cppcc.entity';
import { type CppccMemberFilter, HandlingUnitScore, MAX_DUE_WITHIN_DAYS, type PolicyRequestFilter, type ProposalFilter, UnitEvaluation } from './cppcc.types';
import { readObject, readObjects, readRows } from '../../db/read-objects';

/**
 * A row's creation time as its cursor holds it: to the microsecond, as PostgreSQL keeps it. A JavaScript Date keeps
 * only milliseconds: a cursor made from one points past the rows that follow its own within the same millisecond
 * (every row tied with it included), and the next page skipped them.
 */
const exactCreatedAt = (alias: string) => `to_char(${alias}.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`;

/**
 * The proposals the viewer may read, as an SQL condition on the proposal row `p`: the Proposal row rule of the policy
 * (policy.ts), so lists and counts hold exactly what `proposal(id)` would show.
 */
export function proposalVisibleSql(ctx: RequestContext, p: string): { sql: string; bindings: unknown[] } {
  const role = ctx.viewer?.role;
  const grant = role ? TYPES['Proposal']!.rows[role] : undefined;
  switch (grant) {
    case true:
      return { sql: 'true', bindings: [] };
    case Condition.SUBMITTED:
      // Past its draft: submitted once (a draft withdrawn before submission stays its proposers').
      return { sql: `${p}.submitted_at is not null`, bindings: [] };
    case Condition.ASSIGNED_TO_UNIT: {
      const unit = ctx.access.actingFor('HandlingUnit');
      if (!unit) return { sql: 'false', bindings: [] };
      return { sql: `(?::text = any(${p}.lead_unit_ids) or ?::text = any(${p}.co_handler_ids))`, bindings: [unit, unit] };
    }
    default:
      return { sql: 'false', bindings: [] };
  }
}

/** Proposals, newest first, filtered; only those the viewer may read. */
export async function findProposals(ctx: RequestContext, given: ProposalFilter | null, page: ForwardPageArgs): Promise<Page<Proposal>> {
  // The pre-v1 names, deprecated aliases until 2027-06-30: the v1 name wins when both are given.
  const filter = given && { ...given, isKey: given.isKey ?? given.key, isOverdue: given.isOverdue ?? given.overdue, isMine: given.isMine ?? given.mine };
  const request = pageRequest(page, 2);
  const knex = ctx.em.getKnex();
  const today = zoneToday();
  const visible = proposalVisibleSql(ctx, 'p');
  const where = (q: Knex.QueryBuilder) => {
    q.whereRaw(visible.sql, visible.bindings as Knex.Value[]);
    if (filter?.status?.length) q.whereIn('p.status', filter.status);
    if (filter?.level) q.where('p.level', filter.level);
    if (filter?.isKey != null) q.where('p.is_key', filter.isKey);
    if (filter?.number != null) q.where('p.number', filter.number);
    if (filter?.session?.term != null) q.where('p.session_term', filter.session.term);
    if (filter?.session?.sessionNumber != null) q.where('p.session_number', filter.session.sessionNumber);
    if (filter?.session?.isDuringPlenary != null) q.where('p.is_during_plenary', filter.session.isDuringPlenary);
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
    if (filter?.isOverdue != null) {
      const overdue = `p.status = 'ASSIGNED' and p.due_on < ?`;
      if (filter.isOverdue) q.whereRaw(overdue, [today]);
      else q.whereRaw(`not (${overdue})`, [today]);
    }
    if (filter?.dueWithinDays != null) {
      const days = filter.dueWithinDays;
      if (!Number.isInteger(days) || days < 0 || days > MAX_DUE_WITHIN_DAYS) {
        throw badUserInput(`dueWithinDays is from 0 to ${MAX_DUE_WITHIN_DAYS}.`, 'filter.dueWithinDays');
      }
      q.whereRaw(`p.status = 'ASSIGNED' and p.due_on between ?::date and ?::date + ?::int`, [today, today, days]);
    }
    if (filter?.isMine != null) {
      const member = ctx.access.actingFor('CppccMember');
      if (!member) throw badUserInput('isMine is for CPPCC members.', 'filter.isMine');
      // Also the proposal one of the viewer's was merged into (并案): it answers the viewer's too.
      const mine = `(?::text = any(p.proposer_ids) or ?::text = any(p.cosigner_ids)
        or exists (select 1 from proposal m where m.merged_into_id = p.id and ?::text = any(m.proposer_ids)))`;
      q.whereRaw(filter.isMine ? mine : `not ${mine}`, [member, member, member]);
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

/** Handling units, by level (municipal first) and name in pinyin order. */
export async function findHandlingUnits(ctx: RequestContext, level: CppccLevel | null, page: ForwardPageArgs): Promise<Page<HandlingUnit>> {
  const request = pageRequest(page, 3);
  const knex = ctx.em.getKnex();
  const where = (q: Knex.QueryBuilder) => (level ? q.where('u.level', level) : q);
  const q = where(knex('handling_unit as u').select('u.*'));
  if (request.cursor) {
    q.whereRaw('(u.level, u.name collate "zh-x-icu", u.id) > (?::cppcc_level, ?::text collate "zh-x-icu", ?::uuid)', request.cursor as Knex.Value[]);
  }
  q.orderByRaw('u.level, u.name collate "zh-x-icu", u.id').limit(request.limit + 1);
  const rows: Record<string, unknown>[] = await readRows(ctx.em, q);
  return Page.fromRows(
    ctx.loaders.remember(readObjects(ctx.em, HandlingUnit, rows)),
    request,
    (u) => u,
    (u) => [u.level, u.name, u.id],
    async () => {
      const [row] = (await readRows(ctx.em, where(knex('handling_unit as u').count({ n: '*' })))) as { n: string }[];
      return Number(row!.n);
    },
  );
}

/**
 * The democratic evaluation (民主评议) of handling units for a year: the lead replies each gave in it and how their
 * proposers rated them, best rate first (units none of whose replies was rated last), then by name in pinyin order.
 * One statement for the page (and one for its count, when asked).
 */
export async function handlingUnitScores(ctx: RequestContext, year: number, page: ForwardPageArgs): Promise<Page<HandlingUnitScore>> {
  const request = pageRequest(page, 3);
  const scores = `select r.unit_id,
            count(*)::int as replies,
            count(r.rating)::int as rated,
            count(*) filter (where r.rating = 'SATISFIED')::int as satisfied,
            count(*) filter (where r.rating = 'BASICALLY_SATISFIED')::int as basically,
            count(*) filter (where r.rating = 'DISSATISFIED')::int as dissatisfied
     from proposal_reply r
     where r.is_lead and extract(year from r.replied_on) = ?
     group by r.unit_id`;
  // The rate in millionths of one, truncated (percent with four places); -1 when nothing was rated, so it sorts last.
  const ranked = `select s.*, u.name, case when s.rated = 0 then -1 else (s.satisfied + s.basically)::bigint * 1000000 / s.rated end as rate
     from (${scores}) s join handling_unit u on u.id = s.unit_id`;
  const bindings: unknown[] = [year];
  let after = '';
  if (request.cursor) {
    after = 'where (-x.rate, x.name collate "zh-x-icu", x.unit_id) > (-(?::bigint), ?::text collate "zh-x-icu", ?::uuid)';
    bindings.push(...request.cursor);
  }
  const rows = await readRows<{ unit_id: string; name: string; replies: number; rated: number; satisfied: number; basically: number; dissatisfied: number; rate: string }>(
    ctx.em,
    `select x.* from (${ranked}) x ${after} order by x.rate desc, x.name collate "zh-x-icu", x.unit_id limit ?`,
    [...bindings, request.limit + 1],
  );
  const units = await ctx.loaders.byIds(HandlingUnit, rows.map((r) => r.unit_id));
  const percent = (millionths: number) => `${Math.floor(millionths / 10_000)}.${String(millionths % 10_000).padStart(4, '0')}`;
  return Page.fromRows(
    rows,
    request,
    (r) =>
      Object.assign(new HandlingUnitScore(), {
        unit: units.find((u) => u.id === r.unit_id)!,
        year,
        replies: r.replies,
        rated: r.rated,
        satisfied: r.satisfied,
        basicallySatisfied: r.basically,
        dissatisfied: r.dissatisfied,
        satisfactionRate: Number(r.rate) < 0 ? null : percent(Number(r.rate)),
      }),
    (r) => [String(r.rate), r.name, r.unit_id],
    async () => {
      const [row] = await readRows<{ n: string }>(ctx.em, `select count(*) as n from (${scores}) s`, [year]);
      return Number(row!.n);
    },
  );
}

/**
 * The democratic evaluation report (民主评议) of a year: per handling unit, its lead replies given in the year (every
 * round), the proposals they answered, their categories, how many were on time, and the ratings of them (attitude and
 * result, merged proposals' included) with the score (`UnitEvaluation.score`). One statement, and one for the units.
 */
export async function unitEvaluation(ctx: RequestContext, year: number): Promise<UnitEvaluation[]> {
  const rows = await readRows<Record<string, number | string | null> & { unit_id: string; name: string; score: string | null }>(
    ctx.em,
    `with r as (select * from proposal_reply where is_lead and extract(year from replied_on) = ?),
          g as (select g.* from reply_rating g join r on r.id = g.reply_id),
          per_reply as (
            select r.unit_id,
                   count(distinct r.proposal_id)::int as proposals,
                   count(*)::int as replies,
                   count(*) filter (where r.category = 'RESOLVED_OR_ADOPTED')::int as a,
                   count(*) filter (where r.category = 'BEING_ADDRESSED')::int as b,
                   count(*) filter (where r.category = 'FOR_REFERENCE')::int as c,
                   count(*) filter (where r.is_on_time)::int as on_time
            from r group by r.unit_id),
          points as (
            select r.unit_id,
                   count(*)::int as ratings,
                   count(*) filter (where g.attitude = 'SATISFIED')::int as att_s,
                   count(*) filter (where g.attitude = 'BASICALLY_SATISFIED')::int as att_b,
                   count(*) filter (where g.attitude = 'DISSATISFIED')::int as att_d,
                   count(*) filter (where g.result = 'SATISFIED')::int as res_s,
                   count(*) filter (where g.result = 'BASICALLY_SATISFIED')::int as res_b,
                   count(*) filter (where g.result = 'DISSATISFIED')::int as res_d
            from g join r on r.id = g.reply_id group by r.unit_id)
     select x.*, u.name,
            coalesce(pt.ratings, 0) as ratings, coalesce(pt.att_s, 0) as att_s, coalesce(pt.att_b, 0) as att_b, coalesce(pt.att_d, 0) as att_d,
            coalesce(pt.res_s, 0) as res_s, coalesce(pt.res_b, 0) as res_b, coalesce(pt.res_d, 0) as res_d,
            to_char(s.score, 'FM990.00') as score
     from per_reply x join handling_unit u on u.id = x.unit_id left join points pt on pt.unit_id = x.unit_id
     cross join lateral (select case when pt.ratings > 0 then round(
              (0.4 * (100 * pt.att_s + 80 * pt.att_b) + 0.6 * (100 * pt.res_s + 80 * pt.res_b))::numeric / pt.ratings, 2) end as score) s
     order by s.score desc nulls last, u.name collate "zh-x-icu", u.id`,
    [year],
  );
  const units = await ctx.loaders.byIds(HandlingUnit, rows.map((r) => r.unit_id));
  const n = (v: unknown) => Number(v);
  return rows.map((r) =>
    Object.assign(new UnitEvaluation(), {
      unit: units.find((u) => u.id === r.unit_id)!,
      year,
      proposalsHandled: n(r['proposals']),
      replies: n(r['replies']),
      categoryA: n(r['a']),
      categoryB: n(r['b']),
      categoryC: n(r['c']),
      onTime: n(r['on_time']),
      ratings: n(r['ratings']),
      attitudeSatisfied: n(r['att_s']),
      attitudeBasicallySatisfied: n(r['att_b']),
      attitudeDissatisfied: n(r['att_d']),
      resultSatisfied: n(r['res_s']),
      resultBasicallySatisfied: n(r['res_b']),
      resultDissatisfied: n(r['res_d']),
      score: r.score,
    }),
  );
}
