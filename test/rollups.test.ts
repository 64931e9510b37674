import { Role } from '../src/auth/roles';
import { loadDemoZone, NAMED_ENTERPRISES } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * The whole zone's portfolioSummary comes from rollups PostgreSQL keeps by trigger (migration zone_rollups). The
 * oracle is the live aggregate of the same figures, which `filter: {}` (selecting every enterprise) still runs: after
 * every kind of write — through the API, and bulk, partial, cascading and rolled-back SQL — the two must be equal.
 */
const SUMMARY = `query ($filter: EnterpriseFilter) { portfolioSummary(filter: $filter) {
  enterpriseCount highTechCount universityAffiliatedCount registeredCapital
  byIndustry { industry count } byPark { park { code } count }
  byInstrumentKind { kind count totalAmount activeCount activeAmount }
  byFiscalYear { fiscalYear reporting revenue rdExpense highTechRevenue employees scienceAndTechnologyStaff }
} }`;
/** The same with the clusters, which cost one statement more (loading the clusters), and only when asked for. */
const WITH_CLUSTERS = SUMMARY.replace('byPark { park { code } count }', 'byPark { park { code } count } byCluster { cluster { code } count }');

describe('the whole-zone rollups', () => {
  let app: TestApp;
  const admin = as(Role.ZONE_ADMIN);
  const sql = (q: string, p: unknown[] = []) => app.orm.em.fork().execute(q, p);

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());
  /** Each test starts from the demo zone, whatever ran before it (CI runs them in a random order too). */
  const demoZone = async () => {
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
  };

  /** The rollup answer (no filter) and the live one (a filter that keeps every enterprise), for a viewer. */
  async function bothWays(viewer = admin, query = WITH_CLUSTERS) {
    const rolled = await app.countStatements(() => app.execute(query, { filter: null }, viewer));
    const live = await app.execute(query, { filter: {} }, viewer);
    expect(rolled.result.errors).toBeUndefined();
    expect(live.errors).toBeUndefined();
    return { rolled: rolled.result.data, live: live.data, statements: rolled.statements };
  }

  it('answer the demo zone as the live aggregates do, in two statements (the rollups, and the parks)', async () => {
    await demoZone();
    const { rolled, live, statements } = await bothWays(admin, SUMMARY);
    expect(rolled).toEqual(live);
    expect(statements).toBe(2);
    const clusters = await bothWays();
    expect(clusters.rolled).toEqual(clusters.live);
    expect(clusters.statements).toBe(3);
    expect((clusters.rolled as { portfolioSummary: { byCluster: unknown[] } }).portfolioSummary.byCluster.length).toBeGreaterThan(1);
    const summary = (rolled as { portfolioSummary: { enterpriseCount: number; byInstrumentKind: { count: number }[] } }).portfolioSummary;
    expect(summary.enterpriseCount).toBeGreaterThan(100);
    expect(summary.byInstrumentKind.every((k) => k.count > 0)).toBe(true);
    // CPPCC roles see the whole zone too (years under five enterprises hidden alike).
    const office = await bothWays(as(Role.CPPCC_OFFICE));
    expect(office.rolled).toEqual(office.live);
  });

  it('stay exact through every kind of write', async () => {
    await demoZone();
    const steps: [string, () => Promise<unknown>][] = [
      ['an enterprise registered through the API', () => app.execute(
        `mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }`,
        { input: enterpriseInput(testCode(901), '武汉测试光电有限公司', { registeredCapital: '12345678.91' }) }, admin)],
      ['a fiscal year recorded and one corrected through the API', async () => {
        const fy = { creditCode: testCode(901), fiscalYear: 2025, revenue: '1000000.07', rdExpense: '80000.03', rdExpenseInChina: '80000.03', highTechRevenue: '700000.01', employees: 41, scienceAndTechnologyStaff: 12 };
        await app.execute(`mutation ($input: RecordFiscalYearInput!) { recordFiscalYear(input: $input) { errors { code } } }`, { input: fy }, admin);
        await app.execute(`mutation ($input: RecordFiscalYearInput!) { recordFiscalYear(input: $input) { errors { code } } }`, { input: { ...fy, revenue: '1000001.07', version: 1 } }, admin);
      }],
      ['a collective bond of three issuers with odd shares through the API', () => app.execute(
        `mutation ($input: RecordBondIssueInput!) { recordBondIssue(input: $input) { errors { code } } }`,
        { input: { kind: 'COLLECTIVE_BOND', amount: '123456789.01', startsOn: '2025-03-01', code: '2580901', underwriter: '国家开发银行湖北省分行',
          couponRate: '4.1000', tenorMonths: 36, issuers: [
            { creditCode: testCode(901), share: '33.3333' }, { creditCode: NAMED_ENTERPRISES[0]!.creditCode, share: '33.3333' },
            { creditCode: NAMED_ENTERPRISES[1]!.creditCode, share: '33.3334' }] } }, admin)],
      ['enterprises moved between industries, parks and clusters, capital and universities changed, in one statement', () => sql(
        `update enterprise set industry = case when industry = 'BIOMEDICINE' then 'NEW_ENERGY' else 'BIOMEDICINE' end::industry,
           park_id = (select id from park order by code desc limit 1), registered_capital = registered_capital + 0.01,
           cluster_id = case when cluster_id is null then (select id from industry_cluster order by code limit 1) end,
           university_id = case when university_id is null then (select id from institution order by name limit 1) end
         where id in (select id from enterprise order by credit_code limit 7)`)],
      ['fiscal years changed, deleted and copied into a new year', async () => {
        await sql(`update fiscal_year_financials set revenue = revenue + 1.23, employees = employees + 1 where id in (select id from fiscal_year_financials order by id limit 9)`);
        await sql(`delete from fiscal_year_financials where id in (select id from fiscal_year_financials order by id desc limit 4)`);
        await sql(`insert into fiscal_year_financials select gen_random_uuid(), now(), now(), 1, enterprise_id, 2014, revenue, rd_expense, rd_expense_in_china,
                     high_tech_revenue, employees, st_staff from fiscal_year_financials where fiscal_year = 2024 order by id limit 6`);
      }],
      ['instruments repriced, repaid, re-kinded', async () => {
        await sql(`update financing_instrument set amount = amount + 0.07 where id in (select id from financing_instrument order by id limit 11)`);
        await sql(`update financing_instrument set status = 'COMPLETED' where status = 'ACTIVE' and id in (select id from financing_instrument order by id desc limit 5)`);
        await sql(`update financing_instrument set kind = 'SME_COLLECTIVE_NOTE' where kind = 'COLLECTIVE_BOND' and id in (select id from financing_instrument where kind = 'COLLECTIVE_BOND' order by id limit 1)`);
      }],
      ['shares changed, holders deleted, and an instrument given its first two holders in one statement', async () => {
        await sql(`update instrument_holder set share = share - 0.0001 where id in (select id from instrument_holder order by id limit 5)`);
        await sql(`delete from instrument_holder where id in (select id from instrument_holder order by id desc limit 3)`);
        // A loan recorded without holders counts for nothing; its first two holders, in one statement, count it once.
        const [loan] = (await sql(
          `insert into financing_instrument (id, kind, status, amount, start_date, lender_id, contract_no, interest_rate, term_months)
           select gen_random_uuid(), 'CREDIT_LOAN', 'ACTIVE', 98765.43, '2025-06-01', id, 'RB-2025-901', 3.85, 12 from bank order by name limit 1
           returning id`,
        )) as { id: string }[];
        expect((await bothWays()).rolled).toEqual((await bothWays()).live);
        await sql(
          `insert into instrument_holder (id, instrument_id, enterprise_id, share, lead)
           select gen_random_uuid(), ?, id, 50, row_number() over (order by credit_code) = 1 from enterprise order by credit_code limit 2`,
          [loan!.id],
        );
      }],
      ['an instrument deleted with its holders (cascade)', () => sql(`delete from financing_instrument where id in (select instrument_id from instrument_holder order by id limit 2)`)],
      ['an enterprise deleted with its years and holdings (cascade)', () => sql(
        `delete from enterprise where id in (select h.enterprise_id from instrument_holder h join fiscal_year_financials y on y.enterprise_id = h.enterprise_id
           where not exists (select 1 from patent p join ip_pledge x on x.patent_id = p.id where p.owner_id = h.enterprise_id)
           order by h.id desc limit 1)`,
      )],
      ['writes rolled back', async () => {
        const knex = app.orm.em.getKnex();
        await knex.transaction(async (trx) => {
          await trx.raw(`update enterprise set registered_capital = registered_capital * 2`);
          await trx.raw(`delete from instrument_holder`);
          throw new Error('rolled back');
        }).catch(() => undefined);
      }],
    ];
    for (const [name, step] of steps) {
      await step();
      const { rolled, live } = await bothWays();
      expect([name, rolled]).toEqual([name, live]);
    }
  });

  it('start again from nothing when the tables are emptied', async () => {
    await demoZone();
    await resetRegistry(app.orm);
    const { rolled, live } = await bothWays();
    expect(rolled).toEqual(live);
    expect((rolled as { portfolioSummary: { enterpriseCount: number } }).portfolioSummary.enterpriseCount).toBe(0);
  });
});
