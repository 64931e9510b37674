import { Role } from '../src/auth/roles';
import { as, TestApp } from './support/app';
import { checkCharacter, creditCode, enterpriseInput, patentNumber, resetRegistry } from './support/registry';

/**
 * Check characters of the Unified Social Credit Code (GB 32100-2015), pinned to codes that were really issued
 * (DOMAIN.md "Enterprise identity") and to one-character changes of them, with the check character each calls for
 * worked out by hand from the weights 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28.
 */
const admin = as(Role.ZONE_ADMIN);

/** Real codes: a Shenzhen enterprise (440300), a Yichang one (420500), a Wuhan one (420100). */
const REAL = ['914403001922038216', '91420500309804832J', '91420100MA4K0A1B6L'];

/** One character changed: [code, the check character its first 17 call for]. */
const CHANGED: [string, string][] = [
  ['914403001922038217', '6'], // check character 6 → 7
  ['91420500309804832K', 'J'], // J → K
  ['91420100MA4K0A1B6M', 'L'], // L → M
  ['914403001922038226', '9'], // 17th character 1 → 2
  ['91420500319804832J', 'L'], // 10th character 0 → 1
  ['91420100MA4L0A1B6L', '7'], // 12th character K → L
  ['91420100AM4K0A1B6L', 'E'], // 9th and 10th swapped (MA → AM)
];

const CREATE = `
  mutation Create($input: CreateEnterpriseInput!) {
    createEnterprise(input: $input) {
      enterprise { creditCode name creditCodeOverride { reason by { role name } } }
      errors { __typename code field message ... on CheckCharacterMismatchError { expected } }
    }
  }`;

describe('credit code check characters, pinned to real codes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  beforeEach(() => resetRegistry(app.orm));
  afterAll(() => app.close());

  const create = (code: string, name: string) => app.execute<any, any>(CREATE, { input: enterpriseInput(code, name) }, admin);

  it('the tests’ own code generator gives the check characters of the real codes (and of patent numbers)', () => {
    expect(REAL.map((c) => checkCharacter(c.slice(0, 17)))).toEqual(['6', 'J', 'L']);
    expect([creditCode('440300', '192203821'), creditCode('420500', '309804832'), creditCode('420100', 'MA4K0A1B6')]).toEqual(REAL);
    expect(CHANGED.map(([c]) => checkCharacter(c.slice(0, 17)))).toEqual(CHANGED.map(([, expected]) => expected));
    // And its patent numbers: Σ dᵢ·[2,3,4,5,6,7,8,9,2,3,4,5] mod 11, 10 written X.
    expect(['201410012345', '201510000001', '202010000005'].map(patentNumber)).toEqual(['ZL201410012345.9', 'ZL201510000001.0', 'ZL202010000005.X']);
  });

  it('registers each real code as valid, with no override', async () => {
    const names = ['深圳测试科技有限公司', '宜昌测试化工有限公司', '武汉测试光电有限公司'];
    const results = [];
    for (const [i, code] of REAL.entries()) results.push((await create(code, names[i]!)).data);
    expect(results).toEqual(
      REAL.map((code, i) => ({ createEnterprise: { enterprise: { creditCode: code, name: names[i], creditCodeOverride: null }, errors: [] } })),
    );
  });

  it('refuses a one-character change of each real code as CHECK_CHARACTER_MISMATCH, naming the character it calls for', async () => {
    const results = [];
    for (const [code] of CHANGED) results.push((await create(code, '武汉校验位错误有限公司')).data);
    expect(results).toEqual(
      CHANGED.map(([code, expected]) => ({
        createEnterprise: {
          enterprise: null,
          errors: [
            {
              __typename: 'CheckCharacterMismatchError',
              code: 'CHECK_CHARACTER_MISMATCH',
              field: 'input.creditCode',
              expected,
              message: `The check character of ${code} should be ${expected}, not ${code[17]}. Give checkCharacterOverride with a reason if this code was legally issued so.`,
            },
          ],
        },
      })),
    );
    const count = await app.orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from enterprise');
    expect(count).toEqual([{ n: 0 }]);
  });

  it('takes a real code in lower case with spaces around it as the code itself, through the CreditCode scalar', async () => {
    expect((await create(' 91420100ma4k0a1b6l ', '武汉小写代码有限公司')).data).toEqual({
      createEnterprise: { enterprise: { creditCode: '91420100MA4K0A1B6L', name: '武汉小写代码有限公司', creditCodeOverride: null }, errors: [] },
    });
    const read = await app.execute<any, any>(`query Q($c: CreditCode!) { enterprise(creditCode: $c) { creditCode } }`, { c: '91420100ma4k0a1b6l' }, admin);
    expect([read.data, read.errors]).toEqual([{ enterprise: { creditCode: '91420100MA4K0A1B6L' } }, undefined]);
  });

  it('refuses a bank whose code fails its check character, and records one that passes', async () => {
    const RECORD = `
      mutation Bank($input: RecordBankInput!) {
        recordBank(input: $input) { bank { creditCode name } errors { __typename code field message } }
      }`;
    const bad = await app.execute<any, any>(RECORD, { input: { creditCode: '91420100MA4K0A1B6M', name: '测试银行', isPartner: false, isPlanned: false } }, admin);
    expect(bad.data).toEqual({
      recordBank: {
        bank: null,
        errors: [
          { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.creditCode', message: 'The check character of 91420100MA4K0A1B6M should be L, not M.' },
        ],
      },
    });
    const good = await app.execute<any, any>(RECORD, { input: { creditCode: '91420100MA4K0A1B6L', name: '测试银行', isPartner: false, isPlanned: false } }, admin);
    expect(good.data).toEqual({ recordBank: { bank: { creditCode: '91420100MA4K0A1B6L', name: '测试银行' }, errors: [] } });
  });
});
