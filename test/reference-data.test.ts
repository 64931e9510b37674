import { Role } from '../src/auth/roles';
import { BANKS } from '../seeds/reference';
import {
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
    const bank = await app.execute(RecordBankDocument, { input: { creditCode: code, name: '武汉农村商业银行', partner: true, planned: false } }, admin);
    expect(bank.data!.recordBank).toEqual({ bank: { creditCode: code, name: '武汉农村商业银行', isPartner: true, isPlanned: false }, errors: [] });
    const branch = await app.execute(RecordBankBranchDocument, { input: { bankCreditCode: code, name: '武汉农商行光谷科技支行', techSubBranch: true } }, admin);
    expect(branch.data!.recordBankBranch).toEqual({ branch: { name: '武汉农商行光谷科技支行', isTechSubBranch: true, bank: { name: '武汉农村商业银行' } }, errors: [] });
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
    const bad = await app.execute(RecordBankDocument, { input: { creditCode: wrong, name: '某银行', partner: true, planned: true } }, admin);
    expect(bad.data!.recordBank.errors.map((e) => e.field)).toEqual(['input.creditCode', 'input.partner']);
    // A bank of the reference data every test starts with.
    const dup = await app.execute(RecordBankDocument, { input: { creditCode: BANKS[0]!.creditCode, name: '重复', partner: false, planned: false } }, admin);
    expect(dup.data!.recordBank.errors.map((e) => e.code)).toEqual(['DUPLICATE']);
    const orphan = await app.execute(RecordBankBranchDocument, { input: { bankCreditCode: good, name: '无主支行', techSubBranch: false } }, admin);
    expect(orphan.data!.recordBankBranch.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
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
      pool: { name: '光谷知识产权质押风险补偿基金', contributors: ['东湖高新区管委会', '合作银行'], coverageRatio: '50.0000', capPerLoan: '3000000.00' },
      errors: [],
    });
  });
});
