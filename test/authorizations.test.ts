import { Role } from '../src/auth/roles';
import { BANKS } from '../seeds/reference';
import {
  AuthorizationsDocument,
  CreateEnterpriseDocument,
  EndingAuthorizationsDocument,
  GrantAuthorizationDocument,
  RevokeAuthorizationDocument,
  ZoneAuthorizationsDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { ADMIN_ACTOR, repActor } from './support/actors';
import { addDays, addMonths, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

const admin = as(Role.ZONE_ADMIN);
const OWN = testCode(601);
const OTHER = testCode(602);
const rep = as(Role.ENTERPRISE_REP, OWN);
const bank = BANKS.find((b) => b.key === 'HANKOU')!;
const planned = BANKS.find((b) => b.planned)!;
const hubei = BANKS.find((b) => b.key === 'HUBEI')!;

describe('data authorisations for banks', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    for (const [code, name] of [[OWN, '武汉授权甲有限公司'], [OTHER, '武汉授权乙有限公司']] as const) {
      await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, name) }, admin);
    }
  });
  afterAll(() => app.close());
  // Each test starts with no authorisation at all, so it runs alone and in any order.
  beforeEach(async () => {
    await app.orm.em.fork().execute('delete from data_authorization');
  });

  const today = zoneToday();
  const nextYear = addMonths(today, 12);
  const grant = (extra: Record<string, unknown> = {}) => ({
    creditCode: OWN,
    bankCreditCode: bank.creditCode,
    scopes: ['PROFILE', 'PATENTS', 'ELIGIBILITY'] as ('PROFILE' | 'PATENTS' | 'ELIGIBILITY')[],
    purpose: '知识产权质押贷款试点资格审核',
    validFrom: today,
    validUntil: nextYear,
    signer: '王伟（财务总监）',
    ...extra,
  });

  /** An authorisation as `grant()` asks for it, just recorded: who granted it, for whom, on what paper. */
  const granted = (who: { paperReference: string | null; grantedBy: unknown; enterprise: { creditCode: string } }) => ({
    id: expect.any(String),
    scopes: ['PROFILE', 'PATENTS', 'ELIGIBILITY'],
    purpose: '知识产权质押贷款试点资格审核',
    validFrom: today,
    validUntil: nextYear,
    signer: '王伟（财务总监）',
    ...who,
    revokedBy: null,
    isActive: true,
    bank: { name: '汉口银行' },
  });

  it('lets a representative grant its own enterprise’s data to a bank, active at once', async () => {
    const result = await app.execute(GrantAuthorizationDocument, { input: grant() }, rep);
    expect(result.data!.grantAuthorization).toEqual({
      errors: [],
      authorization: granted({ paperReference: null, grantedBy: repActor(OWN, '武汉授权甲有限公司'), enterprise: { creditCode: OWN } }),
    });
  });

  it('refuses a representative acting for another enterprise, and writes nothing', async () => {
    const result = await app.execute(GrantAuthorizationDocument, { input: grant({ creditCode: OTHER }) }, rep);
    expect(result.data!.grantAuthorization).toEqual({
      authorization: null,
      errors: [
        { __typename: 'NotPermittedError', code: 'NOT_PERMITTED', field: 'input.creditCode', message: 'A representative grants authorizations for its own enterprise only.' },
      ],
    });
    const none = { data: { authorizations: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } }, errors: undefined, status: undefined };
    expect(await app.execute(AuthorizationsDocument, { creditCode: OTHER }, admin)).toEqual(none);
    // Another enterprise's authorisations do not exist for a representative, even when it has some.
    const paper = await app.execute(GrantAuthorizationDocument, { input: grant({ creditCode: OTHER, paperReference: 'DH-AUTH-2026-0118' }) }, admin);
    expect(paper.data!.grantAuthorization.errors).toEqual([]);
    expect(await app.execute(AuthorizationsDocument, { creditCode: OTHER }, rep)).toEqual(none);
  });

  it('needs a paper reference when an administrator records one; checks the bank, scopes and dates', async () => {
    const noPaper = await app.execute(GrantAuthorizationDocument, { input: grant({ creditCode: OTHER }) }, admin);
    expect(noPaper.data!.grantAuthorization.errors.map((e) => e.field)).toEqual(['input.paperReference']);
    const paper = await app.execute(GrantAuthorizationDocument, { input: grant({ creditCode: OTHER, paperReference: 'DH-AUTH-2026-0117' }) }, admin);
    expect(paper.data!.grantAuthorization).toEqual({
      errors: [],
      authorization: granted({ paperReference: 'DH-AUTH-2026-0117', grantedBy: ADMIN_ACTOR, enterprise: { creditCode: OTHER } }),
    });
    const bad = await app.execute(
      GrantAuthorizationDocument,
      { input: grant({ bankCreditCode: planned.creditCode, scopes: [], validFrom: '2020-01-01', validUntil: '2024-01-01' }) },
      rep,
    );
    expect(bad.data!.grantAuthorization.errors.map((e) => [e.field, e.message])).toEqual([
      ['input.bankCreditCode', `${planned.name} is planned and not yet open.`],
      ['input.scopes', 'An authorization grants at least one scope.'],
      ['input.validUntil', 'An authorization runs at most 3 years.'],
      ['input.validUntil', 'The authorization would already have ended.'],
    ]);
  });

  it('refuses banks and CPPCC members: only the enterprise or an administrator grants', async () => {
    const asBank = await app.execute(GrantAuthorizationDocument, { input: grant() }, as(Role.BANK_OFFICER, bank.creditCode));
    expect(asBank.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });

  it('revokes at once; a second revocation or someone else’s is refused', async () => {
    const first = (await app.execute(GrantAuthorizationDocument, { input: grant() }, rep)).data!.grantAuthorization.authorization;
    const input = { authorizationId: first!.id };
    const stranger = await app.execute(RevokeAuthorizationDocument, { input }, as(Role.ENTERPRISE_REP, OTHER));
    expect(stranger.data!.revokeAuthorization.errors).toEqual([
      { __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.authorizationId', message: 'No such authorization.' },
    ]);
    const revoked = await app.execute(RevokeAuthorizationDocument, { input }, rep);
    expect(revoked.data!.revokeAuthorization).toEqual({
      errors: [],
      authorization: { ...first, isActive: false, revokedBy: repActor(OWN, '武汉授权甲有限公司') },
    });
    const again = await app.execute(RevokeAuthorizationDocument, { input }, rep);
    expect(again.data!.revokeAuthorization.errors).toEqual([
      { __typename: 'TransitionNotAllowedError', code: 'TRANSITION_NOT_ALLOWED', field: 'input.authorizationId', message: 'The authorization is revoked already.' },
    ]);
    const malformed = await app.execute(RevokeAuthorizationDocument, { input: { authorizationId: 'not-an-id' } }, rep);
    expect(malformed.data!.revokeAuthorization.errors).toEqual([
      { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.authorizationId', message: 'input.authorizationId is not the id of a DataAuthorization.' },
    ]);
  });

  describe('the zone’s list', () => {
    /**
     * Five authorizations of the two enterprises, recorded in this order: two for 汉口银行 and one for 湖北银行 in force
     * and ending within 30 days, one not yet begun, one revoked, one for a year. Named by purpose.
     */
    async function recordFive() {
      const paper = async (creditCode: string, bankCreditCode: string, purpose: string, validFrom: string, validUntil: string) => {
        const result = await app.execute(
          GrantAuthorizationDocument,
          { input: grant({ creditCode, bankCreditCode, purpose, validFrom, validUntil, paperReference: `DH-${purpose}` }) },
          admin,
        );
        expect(result.data!.grantAuthorization.errors).toEqual([]);
        return result.data!.grantAuthorization.authorization!.id;
      };
      await paper(OWN, bank.creditCode, '甲：十日后到期', today, addDays(today, 10));
      await paper(OWN, hubei.creditCode, '乙：一年', today, nextYear);
      await paper(OTHER, bank.creditCode, '丙：尚未生效', addDays(today, 5), addDays(today, 22));
      const revoked = await paper(OTHER, hubei.creditCode, '丁：已撤销', today, addDays(today, 25));
      expect((await app.execute(RevokeAuthorizationDocument, { input: { authorizationId: revoked } }, admin)).data!.revokeAuthorization.errors).toEqual([]);
      await paper(OTHER, bank.creditCode, '戊：二十日后到期', today, addDays(today, 20));
    }
    const row = (purpose: string) => {
      const [creditCode, bankName, validUntil, isActive] = {
        '甲：十日后到期': [OWN, '汉口银行', addDays(today, 10), true],
        '乙：一年': [OWN, '湖北银行', nextYear, true],
        '丙：尚未生效': [OTHER, '汉口银行', addDays(today, 22), false],
        '丁：已撤销': [OTHER, '湖北银行', addDays(today, 25), false],
        '戊：二十日后到期': [OTHER, '汉口银行', addDays(today, 20), true],
      }[purpose]!;
      return { purpose, validUntil, isActive, enterprise: { creditCode }, bank: { name: bankName } };
    };
    const page = (purposes: string[], totalCount: number, info: Partial<Record<'hasNextPage' | 'hasPreviousPage', boolean>> = {}) => ({
      totalCount,
      pageInfo: {
        hasNextPage: false,
        hasPreviousPage: false,
        ...info,
        startCursor: purposes.length ? expect.any(String) : null,
        endCursor: purposes.length ? expect.any(String) : null,
      },
      nodes: purposes.map(row),
    });

    it('lists every enterprise’s for an administrator, newest grant first, and filters by bank, state and end', async () => {
      await recordFive();
      const list = async (variables: Record<string, unknown>) => (await app.execute(ZoneAuthorizationsDocument, variables, admin)).data!.authorizations;
      expect(await list({})).toEqual(page(['戊：二十日后到期', '丁：已撤销', '丙：尚未生效', '乙：一年', '甲：十日后到期'], 5));
      expect(await list({ bankCreditCode: bank.creditCode })).toEqual(page(['戊：二十日后到期', '丙：尚未生效', '甲：十日后到期'], 3));
      expect(await list({ active: false })).toEqual(page(['丁：已撤销', '丙：尚未生效'], 2));
      // The ones to renew: in force today and ending within 30 days, the soonest first.
      expect(await list({ active: true, endingBy: addDays(today, 30), orderBy: 'EARLIEST_END_FIRST' })).toEqual(page(['甲：十日后到期', '戊：二十日后到期'], 2));
      // The last day counts: one ending on endingBy is in, one ending two days later is not.
      expect(await list({ endingBy: addDays(today, 20), orderBy: 'EARLIEST_END_FIRST' })).toEqual(page(['甲：十日后到期', '戊：二十日后到期'], 2));
      expect(await list({ creditCode: OTHER, bankCreditCode: hubei.creditCode })).toEqual(page(['丁：已撤销'], 1));
    });

    it('pages both ways in either order, and refuses a cursor of the other order', async () => {
      await recordFive();
      const list = async (variables: Record<string, unknown>) => {
        const answer = await app.execute(ZoneAuthorizationsDocument, { orderBy: 'EARLIEST_END_FIRST', ...variables }, admin);
        return answer.data ? answer.data.authorizations : answer.errors!.map((e) => [e.message, e.extensions?.['code']]);
      };
      const first = (await list({ first: 2 })) as { pageInfo: { endCursor: string } };
      expect(first).toEqual(page(['甲：十日后到期', '戊：二十日后到期'], 5, { hasNextPage: true }));
      const second = (await list({ first: 2, after: first.pageInfo.endCursor })) as { pageInfo: { startCursor: string; endCursor: string } };
      expect(second).toEqual(page(['丙：尚未生效', '丁：已撤销'], 5, { hasNextPage: true, hasPreviousPage: true }));
      expect(await list({ first: 2, after: second.pageInfo.endCursor })).toEqual(page(['乙：一年'], 5, { hasPreviousPage: true }));
      expect(await list({ last: 2, before: second.pageInfo.startCursor })).toEqual(page(['甲：十日后到期', '戊：二十日后到期'], 5, { hasNextPage: true }));
      expect(await list({ last: 2 })).toEqual(page(['丁：已撤销', '乙：一年'], 5, { hasPreviousPage: true }));
      // Newest grant first, backwards from the end.
      expect(await list({ orderBy: 'NEWEST_GRANT_FIRST', last: 3 })).toEqual(page(['丙：尚未生效', '乙：一年', '甲：十日后到期'], 5, { hasPreviousPage: true }));
      const newest = (await list({ orderBy: 'NEWEST_GRANT_FIRST', first: 1 })) as { pageInfo: { endCursor: string } };
      expect(await list({ first: 2, after: newest.pageInfo.endCursor })).toEqual([['after is not a cursor from this list.', 'BAD_USER_INPUT']]);
    });

    it('lists a representative’s own only, with or without its credit code', async () => {
      await recordFive();
      const list = async (variables: Record<string, unknown>) => (await app.execute(ZoneAuthorizationsDocument, variables, rep)).data!.authorizations;
      expect(await list({})).toEqual(page(['乙：一年', '甲：十日后到期'], 2));
      expect(await list({ bankCreditCode: bank.creditCode })).toEqual(page(['甲：十日后到期'], 1));
      expect(await list({ creditCode: OTHER })).toEqual(page([], 0));
      const asBank = await app.execute(ZoneAuthorizationsDocument, {}, as(Role.BANK_OFFICER, bank.creditCode));
      expect(asBank.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    });
  });

  it('lists those about to end (endingBy): a bank its own in force, a representative all its enterprise granted', async () => {
    // Granted in this order (so listed the other way round, newest first): ending in 10, 40 and 5 days; the last revoked.
    const ends = [addDays(today, 10), addDays(today, 40), addDays(today, 5)];
    const ids: string[] = [];
    for (const [i, validUntil] of ends.entries()) {
      const r = await app.execute(GrantAuthorizationDocument, { input: grant({ purpose: `授信审查${i + 1}`, validUntil }) }, rep);
      expect(r.data!.grantAuthorization.errors).toEqual([]);
      ids.push(r.data!.grantAuthorization.authorization!.id);
    }
    await app.execute(RevokeAuthorizationDocument, { input: { authorizationId: ids[2]! } }, rep);
    const ending = async (viewer: ReturnType<typeof as>, variables: { endingBy?: string; active?: boolean }) => {
      const r = await app.execute(EndingAuthorizationsDocument, { first: 10, ...variables }, viewer);
      expect(r.errors).toBeUndefined();
      const list = r.data!.viewer!.authorizations;
      return { totalCount: list.totalCount, purposes: list.nodes.map((n) => [n.purpose, n.validUntil, n.enterprise.creditCode, n.bank.name]) };
    };
    const row = (i: number) => [`授信审查${i}`, ends[i - 1], OWN, '汉口银行'];
    const asBank = as(Role.BANK_OFFICER, bank.creditCode);
    expect(await ending(asBank, { active: true, endingBy: addDays(today, 30) })).toEqual({ totalCount: 1, purposes: [row(1)] });
    expect(await ending(asBank, { active: true, endingBy: addDays(today, 40) })).toEqual({ totalCount: 2, purposes: [row(2), row(1)] });
    // On the day itself it still counts; the day before, none.
    expect(await ending(asBank, { active: true, endingBy: addDays(today, 9) })).toEqual({ totalCount: 0, purposes: [] });
    expect(await ending(rep, { endingBy: addDays(today, 10) })).toEqual({ totalCount: 2, purposes: [row(3), row(1)] });
    expect(await ending(rep, { active: true, endingBy: addDays(today, 10) })).toEqual({ totalCount: 1, purposes: [row(1)] });
    expect(await ending(rep, {})).toEqual({ totalCount: 3, purposes: [row(3), row(2), row(1)] });
    // The same argument on an enterprise's list, as the zone reads it.
    const zone = await app.execute(
      'query Z($code: CreditCode!, $by: Date) { authorizations(creditCode: $code, endingBy: $by) { totalCount nodes { purpose } } }',
      { code: OWN, by: addDays(today, 10) },
      admin,
    );
    expect(zone).toEqual({ data: { authorizations: { totalCount: 2, nodes: [{ purpose: '授信审查3' }, { purpose: '授信审查1' }] } }, errors: undefined, status: undefined });
  });
});
