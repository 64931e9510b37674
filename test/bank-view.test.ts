import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { AuditOutcome } from '../src/modules/audit/audit.entity';
import { recordAudits } from '../src/modules/audit/audit.service';
import { BANKS } from '../seeds/reference';
import {
  AuditEventsDocument,
  AuthorizationsDocument,
  CreateEnterpriseDocument,
  EnterprisesViewerAuthorizationDocument,
  GrantAuthorizationDocument,
  LoanBookDocument,
  ViewerAuthorizationsDocument,
  ViewerDocument,
} from './support/generated/graphql';
import { ADMIN_ACTOR, bankActor, memberActor, OFFICE_ACTOR, repActor, unitActor } from './support/actors';
import { as, TestApp } from './support/app';
import { addDays, addMonths, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * Issue 14, item 1: what a bank reads of itself (its organization, the authorizations it holds, the one by which it sees
 * an enterprise, its loan book), what a representative reads of its enterprise's, and the actors of the records, each
 * resolved in batches. Every test reads the fixture of beforeAll and writes nothing, so they run in any order.
 */
const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
const cmb = BANKS.find((b) => b.key === 'CMB')!;
const admin = as(Role.ZONE_ADMIN);
const bank = as(Role.BANK_OFFICER, hankou.creditCode);

/** A: authorizes 汉口银行 with INSTRUMENTS; B: without it; C: authorized it once (ended), now 招商银行 only. */
const A = { code: testCode(7_101), name: '武汉银视甲光电有限公司' };
const B = { code: testCode(7_102), name: '武汉银视乙生物有限公司' };
const C = { code: testCode(7_103), name: '武汉银视丙材料有限公司' };
const MEMBER = { uuid: randomUUID(), name: '周建华' };
const UNIT = { uuid: randomUUID(), name: '武汉市科技金融服务中心' };
const memberId = toGlobalId('CppccMember', MEMBER.uuid);
const unitId = toGlobalId('HandlingUnit', UNIT.uuid);

const today = zoneToday();
const PURPOSE = { credit: '科技信用贷款授信审查', pledge: '知识产权质押贷款试点资格审核', old: '知识产权质押贷款预审', insurance: '科技保险保费补贴核验' };

/** The loans of the fixture: contract number → [lender, holder, kind, status, amount, start]. */
const LOANS = {
  'HK-A-1': [hankou, A, 'CREDIT_LOAN', 'ACTIVE', '3000000.00', '2025-03-01'],
  'HK-A-2': [hankou, A, 'IP_PLEDGE_LOAN', 'COMPLETED', '5000000.00', '2025-06-01'],
  'HK-A-3': [hankou, A, 'CREDIT_LOAN', 'DEFAULTED', '1200000.00', '2024-01-15'],
  'HK-B-1': [hankou, B, 'CREDIT_LOAN', 'ACTIVE', '800000.00', '2025-02-01'],
  'HK-C-1': [hankou, C, 'CREDIT_LOAN', 'ACTIVE', '900000.00', '2025-04-01'],
  'CMB-A-1': [cmb, A, 'CREDIT_LOAN', 'ACTIVE', '2000000.00', '2025-05-01'],
} as const;
const loanIds: Record<string, string> = {};

describe("a bank's own view, and the actors of the records", () => {
  let app: TestApp;
  const sql = (q: string, p: unknown[] = []) => app.orm.em.fork().execute(q, p);

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    for (const e of [A, B, C]) {
      const created = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(e.code, e.name) }, admin);
      expect(created.data!.createEnterprise.errors).toEqual([]);
    }
    const grant = async (by: typeof A | null, input: Record<string, unknown>) => {
      const result = await app.execute(
        GrantAuthorizationDocument,
        { input: { signer: '王伟（财务总监）', validFrom: addDays(today, -30), validUntil: addMonths(today, 11), ...input } as never },
        by ? as(Role.ENTERPRISE_REP, by.code) : admin,
      );
      expect(result.data!.grantAuthorization.errors).toEqual([]);
    };
    // Oldest first: A's revoked one (recorded, then revoked by SQL as of yesterday), A's two in force, B's, C's to 招商银行.
    await grant(A, { creditCode: A.code, bankCreditCode: hankou.creditCode, scopes: ['PROFILE', 'PATENTS'], purpose: PURPOSE.old });
    await sql(`update data_authorization set revoked_at = now() - interval '1 day', revoked_by = ? where purpose = ?`, [`ENTERPRISE_REP:${A.code}`, PURPOSE.old]);
    await grant(A, { creditCode: A.code, bankCreditCode: hankou.creditCode, scopes: ['PROFILE', 'INSTRUMENTS', 'FINANCIALS'], purpose: PURPOSE.credit });
    await grant(A, { creditCode: A.code, bankCreditCode: hankou.creditCode, scopes: ['ELIGIBILITY'], purpose: PURPOSE.pledge, validFrom: today });
    await grant(null, { creditCode: B.code, bankCreditCode: hankou.creditCode, scopes: ['PROFILE', 'ELIGIBILITY'], purpose: PURPOSE.insurance, paperReference: 'DH-AUTH-7102' });
    await grant(C, { creditCode: C.code, bankCreditCode: cmb.creditCode, scopes: ['PROFILE', 'INSTRUMENTS'], purpose: PURPOSE.credit });
    // C's authorization of 汉口银行 ended yesterday: C is nowhere for it.
    await sql(
      `insert into data_authorization (id, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by, created_at, updated_at, version)
       values (gen_random_uuid(), (select id from enterprise where credit_code = ?), (select id from bank where credit_code = ?), '{PROFILE,INSTRUMENTS}',
               ?, ?, ?, '李娜', 'ZONE_ADMIN', now() - interval '1 year', now(), 1)`,
      [C.code, hankou.creditCode, PURPOSE.credit, addMonths(today, -12), addDays(today, -1)],
    );
    for (const [contract, [lender, holder, kind, status, amount, start]] of Object.entries(LOANS)) {
      const id = randomUUID();
      loanIds[contract] = toGlobalId(kind === 'CREDIT_LOAN' ? 'CreditLoan' : 'IpPledgeLoan', id);
      await sql(
        `insert into financing_instrument (id, kind, status, amount, start_date, lender_id, contract_no, interest_rate, term_months)
         values (?, ?, ?, ?, ?, (select id from bank where credit_code = ?), ?, 3.8500, 12)`,
        [id, kind, status, amount, start, lender.creditCode, contract],
      );
      await sql(`insert into instrument_holder (id, instrument_id, enterprise_id, share, lead) values (gen_random_uuid(), ?, (select id from enterprise where credit_code = ?), 100, true)`, [id, holder.code]);
    }
    // An insurance policy of A: no bank's, in nobody's loan book but the zone's.
    await sql(
      `with i as (insert into financing_instrument (id, kind, status, amount, start_date, policy_no) values (gen_random_uuid(), 'TECH_INSURANCE', 'ACTIVE', 10000000.00, '2025-07-01', 'PICC-7101') returning id)
       insert into instrument_holder (id, instrument_id, enterprise_id, share, lead) select gen_random_uuid(), i.id, (select id from enterprise where credit_code = ?), 100, true from i`,
      [A.code],
    );
    // A CPPCC member and a handling unit, for actors of every kind.
    await sql(`insert into sector (id, code, name) values (gen_random_uuid(), 'ECONOMICS', '经济界') on conflict do nothing`);
    await sql(`insert into cppcc_member (id, name, sector_id, levels, term) values (?, ?, (select id from sector order by code limit 1), '{MUNICIPAL}', 15)`, [MEMBER.uuid, MEMBER.name]);
    await sql(`insert into handling_unit (id, name, level, former_names) values (?, ?, 'MUNICIPAL', '{}')`, [UNIT.uuid, UNIT.name]);
  }, 60_000);
  afterAll(() => app.close());

  /** An authorization as `OwnAuthorizationFields` reads it. */
  const own = (enterprise: typeof A, bankCode: string, scopes: string[], purpose: string, extra: Record<string, unknown> = {}) => ({
    scopes,
    purpose,
    validFrom: addDays(today, -30),
    validUntil: addMonths(today, 11),
    isActive: true,
    revokedAt: null,
    grantedBy: repActor(enterprise.code, enterprise.name),
    revokedBy: null,
    enterprise: { creditCode: enterprise.code },
    bank: { creditCode: bankCode },
    ...extra,
  });
  const aEligibility = own(A, hankou.creditCode, ['ELIGIBILITY'], PURPOSE.pledge, { validFrom: today });
  const aCredit = own(A, hankou.creditCode, ['PROFILE', 'INSTRUMENTS', 'FINANCIALS'], PURPOSE.credit);
  const aRevoked = own(A, hankou.creditCode, ['PROFILE', 'PATENTS'], PURPOSE.old, {
    isActive: false,
    revokedAt: expect.any(Date),
    revokedBy: repActor(A.code, A.name),
  });
  const bInsurance = own(B, hankou.creditCode, ['PROFILE', 'ELIGIBILITY'], PURPOSE.insurance, { grantedBy: ADMIN_ACTOR });
  const cCmb = own(C, cmb.creditCode, ['PROFILE', 'INSTRUMENTS'], PURPOSE.credit);
  const nodes = (data: { viewer: { authorizations: { edges: { node: unknown }[] } } | null } | null | undefined) =>
    data!.viewer!.authorizations.edges.map((e) => e.node);

  describe('the authorizations an organization holds', () => {
    it('shows a bank officer its bank, and the authorizations granted to it by the enterprises it sees, newest first', async () => {
      expect((await app.execute(ViewerDocument, {}, bank)).data).toEqual({
        viewer: { role: 'BANK_OFFICER', organization: { __typename: 'Bank', creditCode: hankou.creditCode, name: hankou.name } },
      });
      const all = await app.execute(ViewerAuthorizationsDocument, {}, bank);
      expect(all.errors).toBeUndefined();
      // C's ended one is not there: C holds none in force for this bank, so it is nowhere (as an unknown code).
      expect(all.data!.viewer!.authorizations.totalCount).toBe(4);
      expect(nodes(all.data)).toEqual([bInsurance, aEligibility, aCredit, aRevoked]);
      expect(nodes((await app.execute(ViewerAuthorizationsDocument, { active: true }, bank)).data)).toEqual([bInsurance, aEligibility, aCredit]);
      expect(nodes((await app.execute(ViewerAuthorizationsDocument, { active: false }, bank)).data)).toEqual([aRevoked]);
    });

    it('pages them with cursors, each page counting the whole list', async () => {
      const first = (await app.execute(ViewerAuthorizationsDocument, { first: 3 }, bank)).data!.viewer!.authorizations;
      expect([first.totalCount, first.pageInfo.hasNextPage, first.edges.map((e) => e.node)]).toEqual([4, true, [bInsurance, aEligibility, aCredit]]);
      const rest = (await app.execute(ViewerAuthorizationsDocument, { first: 3, after: first.pageInfo.endCursor }, bank)).data!.viewer!.authorizations;
      expect([rest.totalCount, rest.pageInfo, rest.edges.map((e) => e.node)]).toEqual([4, { hasNextPage: false, endCursor: rest.edges[0]!.cursor }, [aRevoked]]);
      const tooMany = await app.execute(ViewerAuthorizationsDocument, { first: 101 }, bank);
      expect(tooMany.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([['BAD_USER_INPUT', 'first must be at most 100; asked for 101.']]);
    });

    it('reads a page of them, with their enterprises, banks and actors, in the same statements whatever its length', async () => {
      const count = async (first: number) => {
        const run = await app.countStatements(() => app.execute(ViewerAuthorizationsDocument, { first }, bank));
        expect(run.result.data!.viewer!.authorizations.edges).toHaveLength(first);
        return run.statements;
      };
      // Two and four hold the same kinds of actor (an administrator, representatives): one statement per kind.
      expect(await count(2)).toBe(await count(4));
      const byCode = async (first: number) => {
        const run = await app.countStatements(() => app.execute(AuthorizationsDocument, { creditCode: A.code, first }, admin));
        expect(run.result.data!.authorizations.edges).toHaveLength(first);
        return run.statements;
      };
      expect(await byCode(1)).toBe(await byCode(3));
    });

    it('shows a representative its enterprise, and every authorization it granted, whichever bank', async () => {
      const rep = as(Role.ENTERPRISE_REP, C.code);
      expect((await app.execute(ViewerDocument, {}, rep)).data).toEqual({
        viewer: { role: 'ENTERPRISE_REP', organization: { __typename: 'Enterprise', creditCode: C.code, name: C.name } },
      });
      const cEnded = own(C, hankou.creditCode, ['PROFILE', 'INSTRUMENTS'], PURPOSE.credit, {
        validFrom: addMonths(today, -12),
        validUntil: addDays(today, -1),
        isActive: false,
        grantedBy: ADMIN_ACTOR,
      });
      expect(nodes((await app.execute(ViewerAuthorizationsDocument, {}, rep)).data)).toEqual([cCmb, cEnded]);
      expect(nodes((await app.execute(ViewerAuthorizationsDocument, {}, as(Role.ENTERPRISE_REP, A.code))).data)).toEqual([aEligibility, aCredit, aRevoked]);
    });

    it('gives the roles that act for no bank or enterprise an empty list (an administrator reads an enterprise’s by its code)', async () => {
      const empty = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
      for (const viewer of [admin, as(Role.CPPCC_OFFICE), as(Role.CPPCC_MEMBER, memberId), as(Role.HANDLING_UNIT, unitId)]) {
        expect((await app.execute(ViewerAuthorizationsDocument, {}, viewer)).data).toEqual({ viewer: { role: viewer.role, authorizations: empty } });
      }
      expect((await app.execute(ViewerDocument, {}, as(Role.CPPCC_MEMBER, memberId))).data!.viewer!.organization).toEqual({ __typename: 'CppccMember', id: memberId, name: MEMBER.name });
      expect((await app.execute(ViewerDocument, {}, as(Role.HANDLING_UNIT, unitId))).data!.viewer!.organization).toEqual({ __typename: 'HandlingUnit', id: unitId, name: UNIT.name });
      expect((await app.execute(ViewerDocument, {}, admin)).data).toEqual({ viewer: { role: 'ZONE_ADMIN', organization: null } });
    });
  });

  describe('Enterprise.viewerAuthorization', () => {
    const codes = [A.code, B.code, C.code];

    it('gives a bank the newest authorization in force by which it sees each enterprise, and everyone else null', async () => {
      const asBank = await app.execute(EnterprisesViewerAuthorizationDocument, { codes }, bank);
      const inForce = ({ scopes, purpose, validFrom, validUntil }: typeof aCredit) => ({ scopes, purpose, validFrom, validUntil, isActive: true });
      expect(asBank.data!.enterprises.edges.map((e) => e.node)).toEqual(
        [
          { creditCode: A.code, viewerAuthorization: inForce(aEligibility) },
          { creditCode: B.code, viewerAuthorization: inForce(bInsurance) },
        ].sort((x, y) => x.creditCode.localeCompare(y.creditCode)),
      );
      const asCmb = await app.execute(EnterprisesViewerAuthorizationDocument, { codes }, as(Role.BANK_OFFICER, cmb.creditCode));
      expect(asCmb.data!.enterprises.edges.map((e) => e.node)).toEqual([{ creditCode: C.code, viewerAuthorization: inForce(cCmb) }]);
      for (const viewer of [admin, as(Role.ENTERPRISE_REP, A.code), as(Role.CPPCC_MEMBER, memberId)]) {
        const answer = await app.execute(EnterprisesViewerAuthorizationDocument, { codes }, viewer);
        expect([viewer.role, answer.data!.enterprises.edges.map((e) => e.node.viewerAuthorization)]).toEqual([
          viewer.role,
          answer.data!.enterprises.edges.map(() => null),
        ]);
      }
    });

    it('reads the authorizations of a whole page in one statement, whatever its length', async () => {
      const count = async (first: number) => {
        const run = await app.countStatements(() => app.execute(EnterprisesViewerAuthorizationDocument, { codes, first }, bank));
        expect(run.result.data!.enterprises.edges).toHaveLength(first);
        return run.sql.filter((q) => /data_authorization/.test(q)).length;
      };
      // The bank's authorizations in force (loaded once per request, with the bank), then the page's records by id.
      expect([await count(1), await count(2)]).toEqual([2, 2]);
    });
  });

  describe('the loan book (Query.instruments)', () => {
    const loan = (contract: keyof typeof LOANS) => {
      const [lender, holder, kind, status, amount, startDate] = LOANS[contract];
      return {
        __typename: kind === 'CREDIT_LOAN' ? 'CreditLoan' : 'IpPledgeLoan',
        id: loanIds[contract],
        kind,
        status,
        amount,
        startsOn: startDate,
        enterprise: { creditCode: holder.code },
        lender: { creditCode: lender.creditCode },
      };
    };
    const book = async (viewer: ReturnType<typeof as>, variables: Record<string, unknown> = {}) => {
      const answer = await app.execute(LoanBookDocument, variables, viewer);
      expect(answer.errors).toBeUndefined();
      const { totalCount, edges } = answer.data!.instruments;
      return { totalCount, nodes: edges.map((e) => e.node) };
    };

    it("shows a bank its own loans to the enterprises that let it see their instruments, newest first, in full", async () => {
      // Not B's (no INSTRUMENTS scope), not C's (its authorization ended), not 招商银行's loan to A, not A's insurance.
      expect(await book(bank)).toEqual({ totalCount: 3, nodes: [loan('HK-A-2'), loan('HK-A-1'), loan('HK-A-3')] });
      expect(await book(as(Role.BANK_OFFICER, cmb.creditCode))).toEqual({ totalCount: 0, nodes: [] });
      expect(await book(as(Role.BANK_OFFICER, BANKS.find((b) => b.key === 'HUBEI')!.creditCode))).toEqual({ totalCount: 0, nodes: [] });
    });

    it('filters by status, kind, contract number and lender (a bank: another lender matches nothing)', async () => {
      expect(await book(bank, { filter: { status: ['ACTIVE', 'DEFAULTED'] } })).toEqual({ totalCount: 2, nodes: [loan('HK-A-1'), loan('HK-A-3')] });
      expect(await book(bank, { filter: { kinds: ['IP_PLEDGE_LOAN'] } })).toEqual({ totalCount: 1, nodes: [loan('HK-A-2')] });
      expect(await book(bank, { filter: { contractNumber: 'HK-A-3' } })).toEqual({ totalCount: 1, nodes: [loan('HK-A-3')] });
      expect(await book(bank, { filter: { contractNumber: 'HK-B-1' } })).toEqual({ totalCount: 0, nodes: [] });
      expect(await book(bank, { filter: { lenderCreditCode: hankou.creditCode, kinds: ['CREDIT_LOAN'], status: ['ACTIVE'] } })).toEqual({ totalCount: 1, nodes: [loan('HK-A-1')] });
      expect(await book(bank, { filter: { lenderCreditCode: cmb.creditCode } })).toEqual({ totalCount: 0, nodes: [] });
    });

    it("shows an administrator every lender's loans, and every instrument without a filter", async () => {
      expect(await book(admin, { filter: { lenderCreditCode: hankou.creditCode } })).toEqual({
        totalCount: 5,
        nodes: [loan('HK-A-2'), loan('HK-C-1'), loan('HK-A-1'), loan('HK-B-1'), loan('HK-A-3')],
      });
      const all = await book(admin);
      expect([all.totalCount, all.nodes.map((n) => [n.__typename, 'startsOn' in n ? n.startsOn : null])]).toEqual([
        7,
        [['TechInsurancePolicy', '2025-07-01'], ['IpPledgeLoan', '2025-06-01'], ['CreditLoan', '2025-05-01'], ['CreditLoan', '2025-04-01'], ['CreditLoan', '2025-03-01'], ['CreditLoan', '2025-02-01'], ['CreditLoan', '2024-01-15']],
      ]);
    });

    it('pages by start date and id with cursors', async () => {
      const first = await app.execute(LoanBookDocument, { first: 2 }, bank);
      const page = first.data!.instruments;
      expect([page.totalCount, page.pageInfo.hasNextPage, page.edges.map((e) => e.node)]).toEqual([3, true, [loan('HK-A-2'), loan('HK-A-1')]]);
      const next = (await app.execute(LoanBookDocument, { first: 2, after: page.pageInfo.endCursor }, bank)).data!.instruments;
      expect([next.totalCount, next.pageInfo.hasNextPage, next.edges.map((e) => e.node)]).toEqual([3, false, [loan('HK-A-3')]]);
      const foreign = await app.execute(LoanBookDocument, { after: 'bm90LWEtY3Vyc29y' }, bank);
      expect(foreign.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    });

    it("shows a bank each holder's part of its own loans, and masks it, with the reason, on another lender's", async () => {
      const holders = `query Holders($id: ID!) { node(id: $id) { ... on CreditLoan { contractNumber holders { id share amount } } } }`;
      const holderOf = async (contract: keyof typeof LOANS, viewer: ReturnType<typeof as>) =>
        app.execute<{ node: { contractNumber: string | null; holders: { id: string; share: string; amount: string | null }[] } | null }, Record<string, unknown>>(
          holders,
          { id: loanIds[contract] },
          viewer,
        );
      const own = await holderOf('HK-A-1', bank);
      expect([own.errors, own.data!.node!.contractNumber, own.data!.node!.holders.map((h) => [h.share, h.amount])]).toEqual([
        undefined,
        'HK-A-1',
        [['100.0000', '3000000.00']],
      ]);
      // 招商银行's loan to A: 汉口银行 sees it only restricted, so its holder rows only by id, and there without the amount.
      const foreign = (await holderOf('CMB-A-1', admin)).data!.node!.holders[0]!;
      const byId = await app.execute<{ node: { share: string; amount: string | null } | null }, Record<string, unknown>>(
        `query Holder($id: ID!) { node(id: $id) { ... on InstrumentHolder { share amount } } }`,
        { id: foreign.id },
        bank,
      );
      expect([byId.data, byId.errors?.map((e) => [e.path, e.extensions?.['code'], e.extensions?.['reason']])]).toEqual([
        { node: { share: '100.0000', amount: null } },
        [[['node', 'amount'], 'FORBIDDEN', 'CONDITION']],
      ]);
      expect((await app.execute(`query Holder($id: ID!) { node(id: $id) { ... on InstrumentHolder { amount } } }`, { id: foreign.id }, admin)).data).toEqual({
        node: { amount: '2000000.00' },
      });
    });

    it('is closed to representatives and the CPPCC roles', async () => {
      for (const viewer of [as(Role.ENTERPRISE_REP, A.code), as(Role.CPPCC_MEMBER, memberId), as(Role.CPPCC_OFFICE), as(Role.HANDLING_UNIT, unitId)]) {
        const answer = await app.execute(LoanBookDocument, {}, viewer);
        expect([viewer.role, answer.errors?.map((e) => e.extensions?.['code'])]).toEqual([viewer.role, ['FORBIDDEN']]);
      }
    });

    it('answers a page in the same statements whatever its length', async () => {
      const count = async (viewer: ReturnType<typeof as>, first: number) => {
        const run = await app.countStatements(() => app.execute(LoanBookDocument, { first }, viewer));
        expect(run.result.data!.instruments.edges).toHaveLength(first);
        return run.statements;
      };
      expect(await count(bank, 1)).toBe(await count(bank, 3));
      expect(await count(admin, 1)).toBe(await count(admin, 7));
    });
  });

  describe('actors', () => {
    const trail = `query Trail($code: CreditCode!) { auditEvents(first: 20, filter: { creditCode: $code, operation: "actorFixture" }) { edges { node { actor { role name organization { __typename ... on Bank { creditCode } ... on Enterprise { creditCode } ... on CppccMember { id } ... on HandlingUnit { id } } } } } } }`;
    const actorsOf = async (viewer: ReturnType<typeof as>) => {
      const answer = await app.execute<{ auditEvents: { edges: { node: { actor: unknown } }[] } }, Record<string, unknown>>(trail, { code: A.code }, viewer);
      expect(answer.errors).toBeUndefined();
      return answer.data!.auditEvents.edges.map((e) => e.node.actor).reverse();
    };
    const by = [
      admin,
      as(Role.CPPCC_OFFICE),
      as(Role.CPPCC_MEMBER, memberId),
      as(Role.HANDLING_UNIT, unitId),
      bank,
      as(Role.ENTERPRISE_REP, A.code),
      // Organizations no longer registered: a bank's code, a member's id.
      as(Role.BANK_OFFICER, '91420100MA4K0A1B6L'),
      as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', randomUUID())),
    ];
    let recorded: Promise<void> | undefined;
    const record = () =>
      (recorded ??= (async () => {
        const [enterprise] = (await sql('select id from enterprise where credit_code = ?', [A.code])) as { id: string }[];
        for (const viewer of by) await recordAudits(app.orm.em.fork(), viewer, [{ operation: 'actorFixture', outcome: AuditOutcome.DONE, enterpriseId: enterprise!.id }]);
      })());

    it('resolves every kind of actor to its role, organization and name', async () => {
      await record();
      expect(await actorsOf(admin)).toEqual([
        ADMIN_ACTOR,
        OFFICE_ACTOR,
        memberActor(memberId, MEMBER.name),
        unitActor(unitId, UNIT.name),
        bankActor(hankou.creditCode, hankou.name),
        repActor(A.code, A.name),
        { role: 'BANK_OFFICER', name: 'A bank', organization: null },
        { role: 'CPPCC_MEMBER', name: 'A CPPCC member', organization: null },
      ]);
    });

    it('never names to a viewer an organization it may not see: a member to a representative', async () => {
      await record();
      const hidden = { role: 'CPPCC_MEMBER', name: 'A CPPCC member', organization: null };
      expect(await actorsOf(as(Role.ENTERPRISE_REP, A.code))).toEqual([
        ADMIN_ACTOR,
        OFFICE_ACTOR,
        hidden,
        unitActor(unitId, UNIT.name),
        bankActor(hankou.creditCode, hankou.name),
        repActor(A.code, A.name),
        { role: 'BANK_OFFICER', name: 'A bank', organization: null },
        hidden,
      ]);
    });

    it('reads the organizations of a whole answer with one statement per kind of organization', async () => {
      await record();
      const run = await app.countStatements(() => actorsOf(admin));
      const tables = ['bank', 'enterprise', 'cppcc_member', 'handling_unit'];
      const reads = tables.map((t) => run.sql.filter((q) => new RegExp(`^select \\* from "${t}"`).test(q)).length);
      expect(reads).toEqual([1, 1, 1, 1]);
    });

    it('shows who granted and revoked an authorization, and who recorded a trail event, through the same Actor', async () => {
      const trailOfA = await app.execute(AuditEventsDocument, { filter: { creditCode: A.code, operation: 'grantAuthorization' } }, admin);
      expect(trailOfA.data!.auditEvents.edges.map((e) => e.node.actor)).toEqual([repActor(A.code, A.name), repActor(A.code, A.name), repActor(A.code, A.name)]);
    });
  });
});
