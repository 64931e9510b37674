import { Role } from '../src/auth/roles';
import { BANKS } from '../seeds/reference';
import {
  InstitutionsDocument,
  PartnerBanksDocument,
  RecordBankBranchDocument,
  RecordBankDocument,
  RecordParkDocument,
  RecordRiskCompensationPoolDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { creditCode, resetRegistry } from './support/registry';

const admin = as(Role.ZONE_ADMIN);

describe('reference data and counterparties', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  it('records a partner bank and its tech sub-branch, which then appear among the partner banks', async () => {
    const code = creditCode('420000', '17770001X');
    const bank = await app.execute(RecordBankDocument, { input: { creditCode: code, name: '武汉农村商业银行', isPartner: true, isPlanned: false } }, admin);
    expect(bank.data!.recordBank).toEqual({ bank: { creditCode: code, name: '武汉农村商业银行', isPartner: true, isPlanned: false }, errors: [] });
    const branch = await app.execute(RecordBankBranchDocument, { input: { bankCreditCode: code, name: '武汉农商行光谷科技支行', isTechSubBranch: true } }, admin);
    expect(branch.data!.recordBankBranch).toEqual({ bankBranch: { name: '武汉农商行光谷科技支行', isTechSubBranch: true, bank: { name: '武汉农村商业银行' } }, errors: [] });
    const partners = (await app.execute(PartnerBanksDocument, {}, admin)).data!.partnerBanks;
    expect(partners.find((b) => b.creditCode === code)).toEqual({
      creditCode: code,
      name: '武汉农村商业银行',
      subBranches: [{ name: '武汉农商行光谷科技支行', isTechSubBranch: true }],
    });
  });

  it('refuses a bank with a bad check character, a planned partner, or a duplicate, and a branch of no bank', async () => {
    const good = creditCode('420000', '17770002X');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const bad = await app.execute(RecordBankDocument, { input: { creditCode: wrong, name: '某银行', isPartner: true, isPlanned: true } }, admin);
    expect(bad.data!.recordBank.errors.map((e) => e.field)).toEqual(['input.creditCode', 'input.isPartner']);
    // A bank of the reference data every test starts with.
    const dup = await app.execute(RecordBankDocument, { input: { creditCode: BANKS[0]!.creditCode, name: '重复', isPartner: false, isPlanned: false } }, admin);
    expect(dup.data!.recordBank.errors.map((e) => e.code)).toEqual(['DUPLICATE']);
    const orphan = await app.execute(RecordBankBranchDocument, { input: { bankCreditCode: good, name: '无主支行', isTechSubBranch: false } }, admin);
    expect(orphan.data!.recordBankBranch.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('lists every counterparty an input takes by id, by name in pinyin order, each id reading back as its record', async () => {
    const lists = await app.execute<any, any>(
      `{ banks { id name creditCode isPartner } insurers { id name isReinsurer } funds { id name } riskCompensationPools { id name }
         partnerBanks { id } }`,
      {},
      as(Role.BANK_OFFICER, BANKS[0]!.creditCode),
    );
    expect(lists.errors).toBeUndefined();
    const { banks, insurers, funds, riskCompensationPools, partnerBanks } = lists.data;
    // Every bank on record (the reference data's, partners or not, and any recorded above); the partner banks among them.
    const stored = await app.orm.em.fork().execute<{ code: string }[]>('select credit_code as code from bank');
    expect(new Set(banks.map((b: any) => b.creditCode))).toEqual(new Set(stored.map((r) => r.code)));
    expect(BANKS.every((b) => banks.some((x: any) => x.creditCode === b.creditCode))).toBe(true);
    expect(partnerBanks.every((p: any) => banks.some((b: any) => b.id === p.id && b.isPartner))).toBe(true);
    expect(banks.some((b: any) => !b.isPartner)).toBe(true);
    // Pinyin order, as ICU's Chinese collation in Node (not the code point order PostgreSQL's "C" collation gives).
    const pinyin = new Intl.Collator('zh-CN');
    for (const list of [banks, insurers, funds, riskCompensationPools]) {
      const names = list.map((x: any) => x.name);
      expect(names.length).toBeGreaterThan(0);
      expect(names).toEqual([...names].sort(pinyin.compare));
    }
    expect(insurers.some((i: any) => i.isReinsurer)).toBe(true);
    // Each id is the record's own: node() reads it back.
    const ids = [banks[0], insurers[0], funds[0], riskCompensationPools[0]].map((x: any) => x.id);
    const back = await app.execute<any, any>('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Bank { name } ... on Insurer { name } ... on Fund { name } ... on RiskCompensationPool { name } } }', { ids }, admin);
    expect(back.data.nodes).toEqual([
      { __typename: 'Bank', name: banks[0].name },
      { __typename: 'Insurer', name: insurers[0].name },
      { __typename: 'Fund', name: funds[0].name },
      { __typename: 'RiskCompensationPool', name: riskCompensationPools[0].name },
    ]);
  });

  it('records parks by code and risk compensation pools with their contributors', async () => {
    const park = await app.execute(RecordParkDocument, { input: { code: 'AEROSPACE_CITY', name: '光谷航天城', nameEn: 'Optics Valley Aerospace City' } }, admin);
    expect(park.data!.recordPark).toEqual({ park: { code: 'AEROSPACE_CITY', name: '光谷航天城', nameEn: 'Optics Valley Aerospace City' }, errors: [] });
    const badCode = await app.execute(RecordParkDocument, { input: { code: 'aerospace city', name: '光谷航天城' } }, admin);
    expect(badCode.data!.recordPark.errors.map((e) => e.field)).toEqual(['input.code']);
    const pool = await app.execute(
      RecordRiskCompensationPoolDocument,
      { input: { name: '光谷知识产权质押风险补偿基金', manager: '东湖高新区知识产权局', contributors: ['东湖高新区管委会', '合作银行'], coverageRatio: '50.0000', capPerLoan: '3000000.00' } },
      admin,
    );
    expect(pool.data!.recordRiskCompensationPool).toEqual({
      riskCompensationPool: { name: '光谷知识产权质押风险补偿基金', contributors: ['东湖高新区管委会', '合作银行'], coverageRatio: '50.0000', capPerLoan: '3000000.00' },
      errors: [],
    });
  });

  describe('institutions, a connection', () => {
    const page = (variables: { first?: number; after?: string | null; filter?: { kind?: 'UNIVERSITY' | 'RESEARCH_INSTITUTE'; search?: string } }) =>
      app.execute(InstitutionsDocument, variables, as(Role.BANK_OFFICER, BANKS[0]!.creditCode)).then((r) => {
        expect(r.errors).toBeUndefined();
        return r.data!.institutions;
      });
    const names = (p: Awaited<ReturnType<typeof page>>) => p.edges.map((e) => e.node.name);

    it('pages universities, then research institutes, each by name in pinyin order', async () => {
      const first = await page({ first: 4 });
      expect([names(first), first.totalCount, first.pageInfo.hasNextPage]).toEqual([['华中科技大学', '华中农业大学', '华中师范大学', '武汉大学'], 9, true]);
      expect(first.edges[0]!.node).toEqual({ id: expect.any(String), name: '华中科技大学', nameEn: 'Huazhong University of Science and Technology', kind: 'UNIVERSITY' });
      const second = await page({ first: 4, after: first.pageInfo.endCursor });
      expect([names(second), second.pageInfo.hasNextPage]).toEqual([['武汉理工大学', '中国地质大学（武汉）', '武汉光电国家研究中心', '中国科学院精密测量科学与技术创新研究院'], true]);
      const third = await page({ first: 4, after: second.pageInfo.endCursor });
      expect([names(third), third.pageInfo.hasNextPage]).toEqual([['中国科学院武汉病毒研究所'], false]);
    });

    it('filters by kind and by a part of the Chinese or English name', async () => {
      expect(names(await page({ filter: { kind: 'RESEARCH_INSTITUTE' } }))).toEqual(['武汉光电国家研究中心', '中国科学院精密测量科学与技术创新研究院', '中国科学院武汉病毒研究所']);
      expect(names(await page({ filter: { search: '光电' } }))).toEqual(['武汉光电国家研究中心']);
      const wuhan = await page({ filter: { kind: 'UNIVERSITY', search: 'wuhan' } });
      expect([names(wuhan), wuhan.totalCount]).toEqual([['武汉大学', '武汉理工大学', '中国地质大学（武汉）'], 3]);
      // LIKE's wildcards are searched as themselves.
      expect(names(await page({ filter: { search: '%' } }))).toEqual([]);
    });

    it('costs one statement a page, and one more for totalCount, however large the page', async () => {
      const query = (total: boolean) => `query ($first: Int) { institutions(first: $first) { ${total ? 'totalCount' : ''} edges { node { id name kind } } } }`;
      const counted = async (first: number, total: boolean) => (await app.countStatements(() => app.execute(query(total), { first }, admin))).statements;
      expect([await counted(2, false), await counted(100, false), await counted(2, true), await counted(100, true)]).toEqual([1, 1, 2, 2]);
    });
  });
});
