import { Role } from '../../auth/roles';
import { badUserInput } from '../../common/errors';
import type { RequestContext } from '../../context';
import { fixed } from '../../common/decimal';
import { sqlArray } from '../../common/sql';
import { Industry } from '../enterprise/enums';
import type { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { readRows } from '../../db/read-objects';
import { applyEnterpriseFilter } from '../enterprise/enterprise.queries';
import { zoneToday } from '../../clock';
import { filterScope } from '../eligibility/outreach';
import { Park } from '../enterprise/park.entity';
import { InstrumentKind } from '../finance/enums';
import { notVoidedSql } from '../finance/instrument.entity';
import type { PortfolioSummary } from './portfolio.types';

/** The fewest enterprises a year's summed figures may cover for anyone but the zone's administrators. */
export const MIN_GROUP = 5;

type Rows = Record<string, any>[];

/**
 * The whole zone's figures from the rollups PostgreSQL keeps current (migration zone_rollups): one statement of a
 * few dozen rows at any zone size, in the shapes the live aggregates return. Certificates valid today: counted live.
 */
async function wholeZone(ctx: RequestContext, today: string): Promise<[Rows, Rows, Rows, Rows, Rows, Rows]> {
  const [row] = await readRows<{ zone: Rows; years: Rows; kinds: Rows; high_tech: number }>(
    ctx.em,
    `select
       coalesce((select json_agg(json_build_object('dimension', dimension, 'key', key, 'n', enterprises::int,
         'university', university::int, 'capital', capital::text)) from rollup.zone), '[]') as zone,
       coalesce((select json_agg(json_build_object('fiscal_year', fiscal_year, 'n', reporting::int, 'revenue', revenue::text,
         'rd', rd_expense::text, 'high_tech', high_tech_revenue::text, 'employees', employees::int, 'st_staff', st_staff::int)
         order by fiscal_year desc) from rollup.fiscal_year), '[]') as years,
       coalesce((select json_agg(json_build_object('kind', kind, 'n', n::int, 'amount', round(amount, 2)::text,
         'active_n', active_n::int, 'active_amount', round(active_amount, 2)::text)) from rollup.instrument_kind where n <> 0), '[]') as kinds,
       (select count(distinct enterprise_id)::int from high_tech_certificate where issued_on <= ? and expires_on >= ?) as high_tech`,
    [today, today],
  );
  const zone = row!.zone.find((r) => r['dimension'] === 'zone');
  return [
    [{ enterprises: zone?.['n'] ?? 0, university: zone?.['university'] ?? 0, capital: zone?.['capital'] ?? '0', high_tech: row!.high_tech }],
    row!.zone.filter((r) => r['dimension'] === 'industry').map((r) => ({ industry: r['key'], n: r['n'] })),
    row!.zone.filter((r) => r['dimension'] === 'park').map((r) => ({ park_id: r['key'], n: r['n'] })),
    row!.kinds,
    row!.years,
    row!.zone.filter((r) => r['dimension'] === 'cluster').map((r) => ({ cluster_id: r['key'], n: r['n'] })),
  ];
}

/** The instrument `i` was in force on the day bound at `?` (an as-of summary's "active"): begun, not pending, not ended, not in default. */
const IN_FORCE_ON = `(i.status <> 'PENDING' and i.start_date <= ?::date and (i.end_date is null or i.end_date >= ?::date)
  and (i.defaulted_on is null or i.defaulted_on > ?::date))`;

/**
 * The summary of the enterprises a filter selects, aggregated by PostgreSQL (six statements, whatever the size); the
 * whole zone today, for those who see all of it, from the rollups (one statement). `asOf`: the figures of that day
 * (see PortfolioSummary), always aggregated live, since the rollups hold only the present.
 */
export async function portfolioSummary(ctx: RequestContext, filter: EnterpriseFilter | null, asOf: string | null = null): Promise<PortfolioSummary> {
  const knex = ctx.em.getKnex();
  const today = zoneToday();
  if (asOf != null && asOf > today) throw badUserInput(`asOf is at most today (${today}): the registry holds no figures of days to come.`, 'asOf');
  const day = asOf ?? today;
  // A bank's figures cover only the enterprises that authorised it, and each of them counts as read.
  const scope = await filterScope(ctx, filter);
  const visible = scope.visible;
  const whole = filter == null && visible === null && scope.instruments == null && asOf == null;
  const selected = () => {
    // The filter's "high-tech" is a certificate valid on the summary's day; an enterprise not yet founded is not there.
    const enterprises = applyEnterpriseFilter(knex('enterprise as e').select('e.*'), filter, day, scope);
    if (asOf != null) enterprises.where('e.founded_on', '<=', asOf);
    return knex.queryBuilder().with('f', enterprises);
  };
  if (visible && ctx.viewer?.role === Role.BANK_OFFICER && visible.size > 0) {
    const read = await readRows<{ id: string }>(ctx.em, selected().from('f').select('f.id'));
    ctx.access.noteRead(read.map((r) => r.id), 'portfolioSummary');
  }

  /** The six aggregates over the enterprises the filter and the viewer's scope select. */
  const live = async (): Promise<Rows[]> => {
    const totals = selected()
      .from('f')
      .select(
        knex.raw('count(*)::int as enterprises'),
        knex.raw('count(f.university_id)::int as university'),
        knex.raw('coalesce(sum(f.registered_capital), 0)::text as capital'),
        knex.raw(
          `count(*) filter (where exists (select 1 from high_tech_certificate c
             where c.enterprise_id = f.id and c.issued_on <= ? and c.expires_on >= ?))::int as high_tech`,
          [day, day],
        ),
      );
    const byIndustry = selected().from('f').select('f.industry', knex.raw('count(*)::int as n')).groupBy('f.industry');
    const byPark = selected().from('f').select('f.park_id', knex.raw('count(*)::int as n')).groupBy('f.park_id');
    const byCluster = selected().from('f').whereNotNull('f.cluster_id').select('f.cluster_id', knex.raw('count(*)::int as n')).groupBy('f.cluster_id');
    // Today: the status says what is active. As of a day: what the dates say was in force then.
    const active = asOf == null ? { sql: `i.status = 'ACTIVE'`, bindings: [] } : { sql: IN_FORCE_ON, bindings: [asOf, asOf, asOf] };
    const byKind = selected()
      .from('f')
      .join('instrument_holder as h', 'h.enterprise_id', 'f.id')
      .join('financing_instrument as i', 'i.id', 'h.instrument_id')
      // A voided instrument was never there.
      .whereRaw(notVoidedSql('i'))
      .select(
        'i.kind',
        knex.raw('count(distinct i.id)::int as n'),
        knex.raw('round(sum(i.amount * h.share / 100), 2)::text as amount'),
        knex.raw(`count(distinct i.id) filter (where ${active.sql})::int as active_n`, active.bindings),
        knex.raw(`coalesce(round(sum(i.amount * h.share / 100) filter (where ${active.sql}), 2), 0)::text as active_amount`, active.bindings),
      )
      .groupBy('i.kind');
    if (asOf != null) byKind.where('i.start_date', '<=', asOf);
    // A bank counts only the instruments of enterprises that gave it the INSTRUMENTS scope.
    if (scope.instruments) byKind.whereRaw('f.id = any(?::uuid[])', [sqlArray([...scope.instruments])]);
    const byYear = selected()
      .from('f')
      .join('fiscal_year_financials as y', 'y.enterprise_id', 'f.id')
      .select(
        'y.fiscal_year',
        knex.raw('count(*)::int as n'),
        knex.raw('sum(y.revenue)::text as revenue'),
        knex.raw('sum(y.rd_expense)::text as rd'),
        knex.raw('sum(y.high_tech_revenue)::text as high_tech'),
        knex.raw('sum(y.employees)::int as employees'),
        knex.raw('sum(y.st_staff)::int as st_staff'),
      )
      .groupBy('y.fiscal_year')
      .orderBy('y.fiscal_year', 'desc');
    // A fiscal year (a calendar year in China) counts once it has ended.
    if (asOf != null) byYear.whereRaw('make_date(y.fiscal_year, 12, 31) <= ?::date', [asOf]);
    const statements = [totals, byIndustry, byPark, byKind, byYear, byCluster];
    // Evidence attached to a proposal summarises inside the mutation's transaction: one connection, so one statement
    // at a time (pg refuses a query sent while another runs on the same client from pg 9 on).
    if (ctx.em.isInTransaction()) {
      const results: Rows[] = [];
      for (const q of statements) results.push(await readRows(ctx.em, q));
      return results;
    }
    return Promise.all(statements.map((q) => readRows(ctx.em, q)));
  };
  const results = whole ? await wholeZone(ctx, today) : await live();
  const [[t], industries, parks, kinds, years, clusters] = results as [Rows, Rows, Rows, Rows, Rows, Rows];

  const parkById = new Map(
    (await ctx.loaders.byId(Park).loadMany(parks.map((p) => p.park_id as string))).map((p) => [(p as Park).id, p as Park]),
  );
  const kindRows = new Map(kinds.map((k) => [k['kind'] as InstrumentKind, k]));
  const industryOrder = Object.values(Industry);
  return {
    asOf: day,
    enterpriseCount: t!['enterprises'],
    highTechCount: t!['high_tech'],
    universityAffiliatedCount: t!['university'],
    registeredCapital: fixed(t!['capital']),
    byIndustry: industries
      .map((r) => ({ industry: r['industry'] as Industry, count: r['n'] as number }))
      .sort((a, b) => b.count - a.count || industryOrder.indexOf(a.industry) - industryOrder.indexOf(b.industry)),
    byPark: parks
      .map((r) => ({ park: parkById.get(r['park_id'])!, count: r['n'] as number }))
      .sort((a, b) => b.count - a.count || a.park.code.localeCompare(b.park.code)),
    clusterRows: clusters.map((r) => ({ clusterId: r['cluster_id'] as string, count: r['n'] as number })),
    byInstrumentKind: Object.values(InstrumentKind).map((kind) => {
      const r = kindRows.get(kind);
      return {
        kind,
        count: r?.['n'] ?? 0,
        totalAmount: fixed(r?.['amount'] ?? '0'),
        activeCount: r?.['active_n'] ?? 0,
        activeAmount: fixed(r?.['active_amount'] ?? '0'),
      };
    }),
    // Exact figures summed over fewer than MIN_GROUP enterprises would be one enterprise's own (a filter can name
    // one): only the zone's administrators see such small groups.
    byFiscalYear: years.filter((r) => ctx.viewer?.role === Role.ZONE_ADMIN || r['n'] >= MIN_GROUP).map((r) => ({
      fiscalYear: r['fiscal_year'],
      reporting: r['n'],
      revenue: fixed(r['revenue']),
      rdExpense: fixed(r['rd']),
      highTechRevenue: fixed(r['high_tech']),
      employees: r['employees'],
      scienceAndTechnologyStaff: r['st_staff'],
    })),
  };
}
