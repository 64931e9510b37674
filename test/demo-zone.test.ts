import { Role } from '../src/auth/roles';
import { searchGrams } from '../src/modules/enterprise/enterprise.queries';
import { sqlArray } from '../src/common/sql';
import { DEMO_ENTERPRISES, loadDemoZone, NAMED_ENTERPRISES } from '../seeds/zone';
import { EnterpriseNamesDocument, PortfolioPageDocument, PortfolioSummaryDocument } from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { coveringEnterprises } from './support/demo';
import { resetRegistry } from './support/registry';

const admin = as(Role.ZONE_ADMIN);

describe('the demo zone', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
  });
  afterAll(() => app.close());

  const sql = <T>(query: string, params: unknown[] = []) => app.orm.em.fork().execute<T[]>(query, params);

  it('finds 华工科技 when an administrator searches 华工, over HTTP with a real token', async () => {
    const result = await app.http(EnterpriseNamesDocument, { filter: { search: '华工' } }, { token: await app.token(Role.ZONE_ADMIN) });
    expect(result).toEqual({ status: 200, data: { enterprises: { edges: [{ node: { name: '华工科技产业股份有限公司' } }] } } });
  });

  it('holds the enterprises the source text names, with their universities', async () => {
    const rows = await sql<{ name: string; university: string | null }>(
      `select e.name, i.name as university from enterprise e left join institution i on i.id = e.university_id
       where e.credit_code = any(?::text[]) order by e.credit_code`,
      [sqlArray(NAMED_ENTERPRISES.map((e) => e.creditCode))],
    );
    expect(rows).toEqual([
      { name: '华工科技产业股份有限公司', university: '华中科技大学' },
      { name: '武汉武大有机硅新材料股份有限公司', university: '武汉大学' },
      { name: '武汉理工新能源有限公司', university: '武汉理工大学' },
      { name: '武汉邮电科学研究院有限公司', university: null },
      { name: '中冶南方工程技术有限公司', university: null },
    ]);
    const keyUnits = await sql<{ name: string }>(
      `select distinct e.name from equity_incentive_plan p join enterprise e on e.id = p.enterprise_id where p.pilot_key_unit order by e.name`,
    );
    expect(keyUnits.map((r) => r.name).sort()).toEqual(['中冶南方工程技术有限公司', '华工科技产业股份有限公司', '武汉邮电科学研究院有限公司'].sort());
  });

  it('shows every instrument kind, project shape and incentive form several times', async () => {
    const { data } = await app.execute(PortfolioSummaryDocument, {}, admin);
    const summary = data!.portfolioSummary;
    expect(summary.enterpriseCount).toBe(DEMO_ENTERPRISES);
    for (const kind of summary.byInstrumentKind) expect([kind.kind, kind.count >= 3]).toEqual([kind.kind, true]);
    // The summary agrees with the same figures computed independently.
    const independent = await sql<{ kind: string; n: string; amount: string }>(
      `select i.kind, count(distinct i.id) as n, round(sum(i.amount * h.share / 100), 2)::text as amount
       from financing_instrument i join instrument_holder h on h.instrument_id = i.id group by i.kind`,
    );
    expect(Object.fromEntries(summary.byInstrumentKind.map((k) => [k.kind, [String(k.count), k.totalAmount]]))).toEqual(
      Object.fromEntries(independent.map((r) => [r.kind, [r.n, r.amount]])),
    );
    const forms = await sql<{ form: string; n: string }>('select form, count(*) as n from equity_incentive_plan group by form');
    expect(forms).toHaveLength(7);
    for (const f of forms) expect([f.form, Number(f.n) >= 2]).toEqual([f.form, true]);
    const shapes = await sql<{ platform: boolean; pilot: boolean; n: string }>(
      `select platform is not null as platform, disposal_rights_pilot as pilot, count(*) as n from research_project group by 1, 2`,
    );
    expect(shapes).toHaveLength(4);
    for (const s of shapes) expect(Number(s.n)).toBeGreaterThanOrEqual(3);
  });

  it('shows qualifications and the zone’s talent programmes: the named enterprises’ as written, every kind among the others', async () => {
    const named = await sql<{ name: string; kind: string; number: string; valid_from: string; valid_to: string; issuer: string }>(
      `select e.name, q.kind, q.number, q.valid_from::text, q.valid_to::text, q.issuer from qualification q join enterprise e on e.id = q.enterprise_id
       where e.credit_code = any(?::text[]) order by e.credit_code, q.valid_from`,
      [sqlArray(NAMED_ENTERPRISES.map((e) => e.creditCode))],
    );
    expect(named).toEqual([
      { name: '华工科技产业股份有限公司', kind: 'SINGLE_ITEM_CHAMPION', number: 'DXGJ2023000000', valid_from: '2023-12-01', valid_to: '2026-11-30', issuer: '工业和信息化部' },
      { name: '武汉武大有机硅新材料股份有限公司', kind: 'PROVINCIAL_SPECIALISED_SME', number: 'ZJTX202242000001', valid_from: '2022-03-01', valid_to: '2025-02-28', issuer: '湖北省经济和信息化厅' },
      { name: '武汉武大有机硅新材料股份有限公司', kind: 'LITTLE_GIANT', number: 'XJR2024000001', valid_from: '2024-07-15', valid_to: '2027-07-14', issuer: '工业和信息化部' },
      { name: '武汉理工新能源有限公司', kind: 'INNOVATIVE_SME', number: 'CX202442000002', valid_from: '2024-06-10', valid_to: '2027-06-09', issuer: '湖北省经济和信息化厅' },
      { name: '武汉理工新能源有限公司', kind: 'TECH_SME', number: '2025420100000002', valid_from: '2025-05-20', valid_to: '2026-05-19', issuer: '湖北省科学技术厅' },
    ]);
    const kinds = await sql<{ kind: string }>('select distinct kind::text from qualification order by kind');
    expect(kinds.map((k) => k.kind)).toEqual(['GAZELLE', 'INNOVATIVE_SME', 'LITTLE_GIANT', 'POTENTIAL_UNICORN', 'PROVINCIAL_SPECIALISED_SME', 'SINGLE_ITEM_CHAMPION', 'TECH_SME', 'UNICORN']);
    // Every award of a named programme states its batch and year; the kinds of support the source text names, none.
    const awards = await sql<{ scheme: string; n: string; stated: string }>(
      `select scheme::text, count(*) as n, count(*) filter (where batch is not null and year is not null) as stated from talent_award group by scheme order by scheme`,
    );
    for (const a of awards) expect([a.scheme, a.stated]).toEqual([a.scheme, ['OPTICS_VALLEY_3551', 'WUHAN_YINGCAI'].includes(a.scheme) ? a.n : '0']);
    expect(awards.find((a) => a.scheme === 'OPTICS_VALLEY_3551')).toBeDefined();
  });

  const coveringFive = () => coveringEnterprises(app.orm);

  it('runs the portfolio page of 50 enterprises in as many SQL statements as that of 5 (no N+1)', async () => {
    const five = await coveringFive();
    const others = (await sql<{ code: string }>('select credit_code as code from enterprise order by credit_code'))
      .map((r) => r.code)
      .filter((c) => !five.includes(c))
      .slice(0, 45);
    const small = await app.countStatements(() => app.execute(PortfolioPageDocument, { first: 5, filter: { creditCodes: five } }, admin));
    const large = await app.countStatements(() =>
      app.execute(PortfolioPageDocument, { first: 50, filter: { creditCodes: [...five, ...others] } }, admin),
    );
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(small.result.data!.enterprises.edges).toHaveLength(5);
    expect(large.result.data!.enterprises.edges).toHaveLength(50);
    const typenames = (r: typeof small) => new Set(r.result.data!.enterprises.edges.flatMap((e) => e.node.instruments!.edges.map((i) => i.node.__typename)));
    expect(typenames(small).size).toBe(12);
    if (process.env['SHOW_SQL']) console.log(small.sql.join('\n'));
    expect(large.statements).toBe(small.statements);
    // The page; everything its selection follows, read ahead in one statement (src/db/read-plan.ts), each
    // enterprise's totalCount of instruments with its first page. It was 35, one per relation and level.
    expect(small.sql.map((s) => s.slice(0, 30))).toEqual(['select "e".* from "enterprise"', 'with r0 as (select * from "ent']);
  });

  it('runs on a locale whose character classes see Chinese, yet searches by grams, which also serve 2 characters', async () => {
    // pg_trgm finds trigrams in Chinese text only under a UTF-8 ctype; innozone's cluster is initialised so.
    const [trigrams] = await sql<{ n: number }>(`select cardinality(show_trgm('华工科技')) as n`);
    expect(trigrams!.n).toBeGreaterThan(0);
    // But a 2-character query has no trigram to look up, which is why search uses 1- and 2-character grams.
    const [grams] = await sql<{ n: number }>(`select cardinality(innozone_ngrams('华工')) as n`);
    expect(grams!.n).toBe(3);
  });

  it('answers name search from the gram index', async () => {
    const knex = app.orm.em.getKnex();
    const plan = await knex.transaction(async (trx) => {
      // The demo zone is small enough for a sequential scan; forbid it to see that the index can answer. Fresh
      // statistics first: right after the load, whether autovacuum has analysed the table yet decides the plan.
      await trx.raw('analyze enterprise');
      await trx.raw('set local enable_seqscan = off');
      const result = await trx.raw(
        `explain select id from enterprise e
         where innozone_ngrams(e.name || ' ' || coalesce(e.name_en, '')) @> ?::text[] and e.name ilike '%华工%'`,
        [sqlArray(searchGrams('华工'))],
      );
      return (result.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('Bitmap Index Scan on enterprise_search_idx');
  });
});
