import { Role } from '../src/auth/roles';
import { searchGrams } from '../src/modules/enterprise/enterprise.queries';
import { sqlArray } from '../src/common/sql';
import { namePinyin } from '../src/modules/enterprise/pinyin';
import { checkCreditCode } from '../src/common/credit-code';
import { isTradingDay } from '../seeds/calendar';
import { DATA_ANCHOR } from '../seeds/generator';
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
      // 华中科技大学 sold control of 华工科技 in 2021 (to 国恒基金, under 武汉市国资委).
      { name: '华工科技产业股份有限公司', university: null },
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
      { name: '武汉武大有机硅新材料股份有限公司', kind: 'PROVINCIAL_SPECIALIZED_SME', number: 'ZJTX202242000001', valid_from: '2022-03-01', valid_to: '2025-02-28', issuer: '湖北省经济和信息化厅' },
      { name: '武汉武大有机硅新材料股份有限公司', kind: 'LITTLE_GIANT', number: 'XJR2024000001', valid_from: '2024-07-15', valid_to: '2027-07-14', issuer: '工业和信息化部' },
      { name: '武汉理工新能源有限公司', kind: 'INNOVATIVE_SME', number: 'CX202442000002', valid_from: '2024-06-10', valid_to: '2027-06-09', issuer: '湖北省经济和信息化厅' },
      { name: '武汉理工新能源有限公司', kind: 'TECH_SME', number: '2025420100000002', valid_from: '2025-05-20', valid_to: '2026-05-19', issuer: '湖北省科学技术厅' },
    ]);
    const kinds = await sql<{ kind: string }>('select distinct kind::text from qualification order by kind');
    expect(kinds.map((k) => k.kind)).toEqual(['GAZELLE', 'INNOVATIVE_SME', 'LITTLE_GIANT', 'POTENTIAL_UNICORN', 'PROVINCIAL_SPECIALIZED_SME', 'SINGLE_ITEM_CHAMPION', 'TECH_SME', 'UNICORN']);
    // Every award of a named programme states its batch and year; the kinds of support the source text names, none.
    const awards = await sql<{ scheme: string; n: string; stated: string }>(
      `select scheme::text, count(*) as n, count(*) filter (where batch is not null and year is not null) as stated from talent_award group by scheme order by scheme`,
    );
    for (const a of awards) expect([a.scheme, a.stated]).toEqual([a.scheme, ['OPTICS_VALLEY_3551', 'WUHAN_YINGCAI'].includes(a.scheme) ? a.n : '0']);
    expect(awards.find((a) => a.scheme === 'OPTICS_VALLEY_3551')).toBeDefined();
  });

  describe('holds no impossibility (issue 13, item 5)', () => {
    it('lists on NEEQ on trading days, each stage after the one before and by the data’s day', async () => {
      const stages = await sql<{ id: string; start: string; n: number; stage: string; on: string; weekday: number }>(
        `select i.id, i.start_date::text as start, s.n::int, s.entry->>'stage' as stage, s.entry->>'on' as on,
                extract(isodow from (s.entry->>'on')::date)::int as weekday
         from financing_instrument i, jsonb_array_elements(i.stage_history) with ordinality as s(entry, n)
         where i.kind = 'NEEQ_LISTING' order by i.id, s.n`,
      );
      expect(stages.length).toBeGreaterThan(20);
      // The first stage is the listing's start; the later ones (filing accepted, feedback, approval, listed) are
      // regulators' acts and the listing itself: weekdays, outside the New Year, Spring Festival, May Day and
      // National Day closures.
      const wrong = stages.filter((s, i) => {
        const previous = stages[i - 1];
        if (s.n === 1) return s.on !== s.start;
        return s.weekday > 5 || !isTradingDay(s.on) || s.on <= previous!.on || s.on > DATA_ANCHOR;
      });
      expect(wrong).toEqual([]);
      expect(stages.filter((s) => s.stage === 'LISTED').length).toBeGreaterThan(10);
      // Nothing filed before the pilot reached East Lake (2012-08-03).
      expect(stages.filter((s) => s.n > 1 && s.on < '2012-08-03')).toEqual([]);
      // A listed one has a stock code; one still under way has none.
      const codes = await sql<{ stage: string; coded: boolean; n: string }>(
        `select stage::text, stock_code is not null as coded, count(*) as n from financing_instrument
         where kind = 'NEEQ_LISTING' group by 1, 2 order by 1, 2`,
      );
      for (const c of codes) expect([c.stage, c.coded]).toEqual([c.stage, c.stage === 'LISTED']);
    });

    it('gives a company one live NEEQ listing at most, and none to 华工科技, listed in Shenzhen', async () => {
      const twice = await sql<{ enterprise_id: string; n: string }>(
        `select h.enterprise_id, count(*) as n from financing_instrument i join instrument_holder h on h.instrument_id = i.id
         where i.kind = 'NEEQ_LISTING' and i.status in ('PENDING', 'ACTIVE') group by h.enterprise_id having count(*) > 1`,
      );
      expect(twice).toEqual([]);
      // Past the reform, only a joint-stock company (股份有限公司) files and lists.
      const holders = await sql<{ name: string; stage: string }>(
        `select e.name, i.stage::text from financing_instrument i join instrument_holder h on h.instrument_id = i.id
         join enterprise e on e.id = h.enterprise_id where i.kind = 'NEEQ_LISTING' and i.stage <> 'JOINT_STOCK_REFORM'`,
      );
      expect(holders.length).toBeGreaterThan(20);
      expect(holders.filter((h) => !h.name.endsWith('股份有限公司'))).toEqual([]);
      const huagong = await sql<{ state_owned: boolean; university_id: string | null; listings: string }>(
        `select e.state_owned, e.university_id,
                (select count(*) from instrument_holder h join financing_instrument i on i.id = h.instrument_id
                 where h.enterprise_id = e.id and i.kind in ('NEEQ_LISTING', 'REGIONAL_OTC_LISTING')) as listings
         from enterprise e where e.name = '华工科技产业股份有限公司'`,
      );
      // Under 武汉市国资委 since 2021: state-controlled, no longer 华中科技大学's.
      expect(huagong).toEqual([{ state_owned: true, university_id: null, listings: '0' }]);
    });

    it('claims methods only in invention patents, and titles designs by their product', async () => {
      const titles = await sql<{ type: string; method: string; one_kind_of: string; n: string }>(
        `select type::text, count(*) filter (where title like '%方法%') as method, count(*) filter (where title like '一种%') as one_kind_of,
                count(*) as n from patent group by type order by type`,
      );
      expect(titles.map((t) => [t.type, Number(t.n) > 0])).toEqual([['DESIGN', true], ['INVENTION', true], ['UTILITY_MODEL', true]]);
      expect(titles.map((t) => [t.type, t.method !== '0', t.one_kind_of === '0'])).toEqual([
        ['DESIGN', false, true],
        ['INVENTION', true, false],
        ['UTILITY_MODEL', false, false],
      ]);
      const designs = await sql<{ title: string }>(`select title from patent where type = 'DESIGN'`);
      for (const d of designs) expect(d.title).toMatch(/（外观）$/);
      // A project's patent output names the patent's kind.
      const outputs = await sql<{ type: string; title: string }>(
        `select distinct p.type::text, o.title from project_output o join patent p on p.id = o.patent_id order by 1`,
      );
      const named: Record<string, string> = { INVENTION: '联合申请发明专利', UTILITY_MODEL: '联合申请实用新型专利', DESIGN: '联合申请外观设计专利' };
      expect(outputs.length).toBeGreaterThan(1);
      expect(outputs.filter((o) => o.title !== named[o.type])).toEqual([]);
    });

    it('registers each bank where its head office is, with a valid code', async () => {
      const banks = await sql<{ name: string; credit_code: string }>('select name, credit_code from bank');
      const divisions = Object.fromEntries(banks.map((b) => [b.name, [b.credit_code.slice(2, 8), checkCreditCode(b.credit_code).ok]]));
      // The big state banks in Beijing, 招商银行 in Shenzhen, 交通银行 in Shanghai, the local ones in Wuhan and Hubei.
      expect(divisions).toEqual({
        中国工商银行: ['110000', true],
        中国银行: ['110000', true],
        中国建设银行: ['110000', true],
        招商银行: ['440300', true],
        汉口银行: ['420100', true],
        湖北银行: ['420000', true],
        交通银行: ['310000', true],
        '光谷银行（筹）': ['420100', true],
      });
    });
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

  it('spells every enterprise’s name in pinyin as the registry does (the seeds spell synthetic names word by word)', async () => {
    const rows = await sql<{ name: string; name_pinyin: string }>(`select name, name_pinyin from enterprise order by credit_code`);
    expect(rows.length).toBe(DEMO_ENTERPRISES);
    expect(rows.map((r) => [r.name, r.name_pinyin])).toEqual(rows.map((r) => [r.name, namePinyin(r.name)]));
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
