import { Role } from '../src/auth/roles';
import { Industry } from '../src/modules/enterprise/enums';
import { InstrumentKind } from '../src/modules/finance/enums';
import { loadDemoZone } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { zoneToday } from './support/clock';
import { resetRegistry } from './support/registry';

/**
 * The administrators' dashboard (issue 15): portfolioSummary as of a quarter's last day, and by industry cluster. The
 * oracle is SQL written here by hand over the registry's tables, not the service's statements.
 */
const SUMMARY = `query ($filter: EnterpriseFilter, $asOf: Date) { portfolioSummary(filter: $filter, asOf: $asOf) {
  asOf enterpriseCount highTechCount universityAffiliatedCount registeredCapital
  byIndustry { industry count } byPark { park { code } count } byCluster { cluster { code } count }
  byInstrumentKind { kind count totalAmount activeCount activeAmount }
  byFiscalYear { fiscalYear reporting revenue rdExpense highTechRevenue employees scienceAndTechnologyStaff }
} }`;

/** The last day of the quarter before the one `day` is in. */
function lastQuarterEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const previous = Math.floor((m - 1) / 3); // quarters of the year already over: 0–3
  return previous === 0 ? `${y - 1}-12-31` : `${y}-${['03-31', '06-30', '09-30'][previous - 1]}`;
}

type Counted = { count: number };
const byCountThenCode = <T extends Counted>(code: (t: T) => string) => (a: T, b: T) => b.count - a.count || code(a).localeCompare(code(b));

describe('portfolioSummary as of a day, and by cluster', () => {
  let app: TestApp;
  const admin = as(Role.ZONE_ADMIN);
  const sql = <T>(q: string) => app.orm.em.fork().execute<T[]>(q);

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!, zoneToday());
  });
  afterAll(() => app.close());

  /** What the summary must say of the enterprises `where` selects (SQL over `e`, `$1` the day), as of `day`. */
  async function expected(day: string, where = 'true', role: Role = Role.ZONE_ADMIN) {
    // `$1` is the day (a date literal: the test's own).
    const sql = <T>(q: string, _p: unknown[]) => app.orm.em.fork().execute<T[]>(q.replaceAll('$1', `'${day}'::date`));
    const chosen = `select e.* from enterprise e where e.founded_on <= $1 and (${where})`;
    const [totals] = await sql<{ n: number; university: number; capital: string; high_tech: number }>(
      `with f as (${chosen})
       select count(*)::int as n, count(university_id)::int as university, coalesce(sum(registered_capital), 0)::numeric(20, 2)::text as capital,
              (select count(*)::int from f where exists (select 1 from high_tech_certificate c
                 where c.enterprise_id = f.id and c.issued_on <= $1 and c.expires_on >= $1)) as high_tech
       from f`,
      [day],
    );
    const industries = await sql<{ industry: string; count: number }>(`with f as (${chosen}) select industry, count(*)::int as count from f group by industry`, [day]);
    const parks = await sql<{ code: string; count: number }>(
      `with f as (${chosen}) select p.code, count(*)::int as count from f join park p on p.id = f.park_id group by p.code`,
      [day],
    );
    const clusters = await sql<{ code: string; count: number }>(
      `with f as (${chosen}) select c.code, count(*)::int as count from f join industry_cluster c on c.id = f.cluster_id group by c.code`,
      [day],
    );
    // In force on the day: begun, not pending now, not past its end, not yet in default.
    const kinds = await sql<{ kind: string; count: number; amount: string; active: number; active_amount: string }>(
      `with f as (${chosen}),
       held as (select i.id, i.kind, i.amount * h.share / 100 as part,
                       i.status <> 'PENDING' and (i.end_date is null or i.end_date >= $1) and (i.defaulted_on is null or i.defaulted_on > $1) as in_force
                from financing_instrument i join instrument_holder h on h.instrument_id = i.id join f on f.id = h.enterprise_id
                where i.voided_at is null and i.start_date <= $1)
       select kind::text, count(distinct id)::int as count, round(sum(part), 2)::text as amount,
              count(distinct id) filter (where in_force)::int as active, round(coalesce(sum(part) filter (where in_force), 0), 2)::text as active_amount
       from held group by kind`,
      [day],
    );
    const years = await sql<Record<string, unknown>>(
      `with f as (${chosen})
       select y.fiscal_year as "fiscalYear", count(*)::int as reporting, sum(y.revenue)::numeric(20, 2)::text as revenue,
              sum(y.rd_expense)::numeric(20, 2)::text as "rdExpense", sum(y.high_tech_revenue)::numeric(20, 2)::text as "highTechRevenue",
              sum(y.employees)::int as employees, sum(y.st_staff)::int as "scienceAndTechnologyStaff"
       from f join fiscal_year_financials y on y.enterprise_id = f.id
       where y.fiscal_year < extract(year from $1::date) or $1::date >= make_date(y.fiscal_year, 12, 31)
       group by y.fiscal_year having ${role === Role.ZONE_ADMIN ? 'true' : 'count(*) >= 5'} order by y.fiscal_year desc`,
      [day],
    );
    const kindRow = new Map(kinds.map((k) => [k.kind, k]));
    return {
      portfolioSummary: {
        asOf: day,
        enterpriseCount: totals!.n,
        highTechCount: totals!.high_tech,
        universityAffiliatedCount: totals!.university,
        registeredCapital: totals!.capital,
        // Ties in the order of the schema's Industry.
        byIndustry: industries.sort(byCountThenCode((i) => String(Object.values(Industry).indexOf(i.industry as Industry)).padStart(2, '0'))),
        byPark: parks.sort(byCountThenCode((p) => p.code)).map((p) => ({ park: { code: p.code }, count: p.count })),
        byCluster: clusters.sort(byCountThenCode((c) => c.code)).map((c) => ({ cluster: { code: c.code }, count: c.count })),
        byInstrumentKind: Object.values(InstrumentKind).map((kind) => {
          const k = kindRow.get(kind);
          return { kind, count: k?.count ?? 0, totalAmount: k?.amount ?? '0.00', activeCount: k?.active ?? 0, activeAmount: k?.active_amount ?? '0.00' };
        }),
        byFiscalYear: years,
      },
    };
  }

  it('answers the whole zone at the end of the last quarter and of an early one as the tables say, and they differ', async () => {
    const quarter = lastQuarterEnd(zoneToday());
    const lastQuarter = await app.execute(SUMMARY, { asOf: quarter }, admin);
    expect(lastQuarter).toEqual({ data: await expected(quarter) });
    const early = await app.execute(SUMMARY, { asOf: '2015-12-31' }, admin);
    expect(early).toEqual({ data: await expected('2015-12-31') });
    // The dates do count: fewer enterprises and instruments then, and no fiscal year after 2015.
    const [now, then] = [lastQuarter, early].map((r) => (r.data as Awaited<ReturnType<typeof expected>>).portfolioSummary);
    expect(then!.enterpriseCount).toBeLessThan(now!.enterpriseCount);
    expect(then!.byInstrumentKind.reduce((n, k) => n + k.count, 0)).toBeLessThan(now!.byInstrumentKind.reduce((n, k) => n + k.count, 0));
    expect(then!.byFiscalYear.every((y) => Number(y.fiscalYear) <= 2015)).toBe(true);
    expect(now!.byCluster.length).toBeGreaterThan(1);
  });

  it('applies a filter on the day, its high-tech condition a certificate valid then', async () => {
    const quarter = lastQuarterEnd(zoneToday());
    const [park] = await sql<{ code: string }>(`select p.code from park p join enterprise e on e.park_id = p.id group by p.code order by count(*) desc, p.code limit 1`);
    const filter = { parks: [park!.code], isHighTech: true };
    const where = `e.park_id = (select id from park where code = '${park!.code}') and exists (select 1 from high_tech_certificate c
      where c.enterprise_id = e.id and c.issued_on <= $1 and c.expires_on >= $1)`;
    expect(await app.execute(SUMMARY, { filter, asOf: '2021-06-30' }, admin)).toEqual({ data: await expected('2021-06-30', where) });
    expect(await app.execute(SUMMARY, { filter, asOf: quarter }, admin)).toEqual({ data: await expected(quarter, where) });
    // The CPPCC office sees the same figures but for years fewer than five enterprises reported.
    const office = await app.execute(SUMMARY, { filter, asOf: quarter }, as(Role.CPPCC_OFFICE));
    expect(office).toEqual({ data: await expected(quarter, where, Role.CPPCC_OFFICE) });
  });

  it('says which day it is of: today when not asked, and refuses a day to come', async () => {
    const today = await app.execute(`{ portfolioSummary { asOf } }`, {}, admin);
    expect(today).toEqual({ data: { portfolioSummary: { asOf: zoneToday() } } });
    const tomorrow = await app.execute(SUMMARY, { asOf: '2999-01-01' }, admin);
    expect({ data: tomorrow.data, errors: tomorrow.errors?.map((e) => ({ message: e.message, code: e.extensions?.['code'] })) }).toEqual({
      data: null,
      errors: [{ message: `asOf is at most today (${zoneToday()}): the registry holds no figures of days to come.`, code: 'BAD_USER_INPUT' }],
    });
  });
});
