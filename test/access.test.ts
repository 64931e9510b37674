import type { GraphQLFormattedError } from 'graphql';
import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { BANKS } from '../seeds/reference';
import { loadDemoZone } from '../seeds/zone';
import {
  AuditReadsDocument,
  AuthorizationsDocument,
  BankViewDocument,
  CreateEnterpriseDocument,
  EnterpriseByCodeDocument,
  ExistenceDocument,
  GrantAuthorizationDocument,
  InstrumentCountsDocument,
  PortfolioPageDocument,
  RecordCreditLoanDocument,
  RecordFiscalYearDocument,
  RecordHighTechCertificateDocument,
  RecordPatentAppraisalDocument,
  RecordPatentDocument,
  RecordResearchProjectDocument,
  RecordTalentAwardDocument,
  RevokeAuthorizationDocument,
  UpdateEnterpriseDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { bankActor } from './support/actors';
import { coveringEnterprises } from './support/demo';
import { addDays, addMonths, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

const admin = as(Role.ZONE_ADMIN);
const E = testCode(801); // authorises the bank
const F = testCode(802); // never does
const MISSING = testCode(803); // not registered at all
const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
const icbc = BANKS.find((b) => b.key === 'ICBC')!;
const bank = as(Role.BANK_OFFICER, hankou.creditCode);
const rep = as(Role.ENTERPRISE_REP, E);

/** Errors as a client reads them, in the order of their paths (their locations aside: the operation's text). */
const sortedErrors = (errors: readonly GraphQLFormattedError[] | undefined) =>
  errors
    ?.map(({ message, path, extensions }) => ({ message, path, extensions }))
    .sort((a, b) => String(a.path).localeCompare(String(b.path)));

describe('what a bank sees, under an authorisation and without one', () => {
  let app: TestApp;
  let enterpriseId: string;
  const ids: Record<string, string> = {};
  const today = zoneToday();
  const nextYear = addMonths(today, 12);

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    for (const [code, name] of [[E, '武汉授信光电科技有限公司'], [F, '武汉未授权生物有限公司']] as const) {
      const r = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, name) }, admin);
      expect(r.data!.createEnterprise.errors).toEqual([]);
      ids[code] = r.data!.createEnterprise.enterprise!.id;
      if (code === E) enterpriseId = ids[code]!;
      const writes = [
        app.execute(RecordFiscalYearDocument, { input: { creditCode: code, fiscalYear: 2025, revenue: '120000000.00', rdExpense: '4800000.00', rdExpenseInChina: '4800000.00', highTechRevenue: '80000000.00', employees: 240, scienceAndTechnologyStaff: 30 } }, admin),
        app.execute(RecordHighTechCertificateDocument, { input: { creditCode: code, number: code === E ? 'GR202442000101' : 'GR202442000102', issuedOn: '2024-11-01', criteriaVersion: 'RULES_2016' } }, admin),
        app.execute(RecordPatentDocument, { input: { creditCode: code, number: code === E ? 'ZL202110000001.6' : 'ZL202110000002.0', title: '一种光纤传感装置', legalStatus: 'VALID', grantedOn: '2022-03-01' } }, admin),
        app.execute(RecordTalentAwardDocument, { input: { creditCode: code, scheme: 'HIGH_LEVEL_TALENT_REWARD', amount: '500000.00', awardedOn: '2024-05-01', recipientName: '李明' } }, admin),
      ];
      for (const w of writes) expect(JSON.stringify(await w)).not.toMatch(/"code"/);
      for (const [lender, contractNumber, rate] of [[hankou, `HK-${code.slice(-4)}`, '3.8500'], [icbc, `ICBC-${code.slice(-4)}`, '3.4500']] as const) {
        const loan = await app.execute(
          RecordCreditLoanDocument,
          { input: { creditCode: code, lenderId: toGlobalId('Bank', lender.id), contractNumber, amount: '2000000.00', interestRate: rate, termMonths: 12, startsOn: '2025-03-01' } },
          admin,
        );
        expect(loan.data!.recordCreditLoan.errors).toEqual([]);
      }
    }
  });
  afterAll(() => app.close());
  // Every test starts with E having given the bank nothing, and grants what it needs itself, so each runs alone and in
  // any order. (Authorisations are ended as a revocation ends them: the trail refers to them.)
  beforeEach(async () => {
    await app.orm.em.fork().execute(`update data_authorization set revoked_at = now(), revoked_by = 'test' where revoked_at is null`);
  });

  /** The newest bank reads on the trail, as the enterprise's representative sees them, and how many there are. */
  const bankReads = async (viewer = rep) => (await app.execute(AuditReadsDocument, { filter: { actorRole: 'BANK_OFFICER' } }, viewer)).data!.auditEvents;

  const grant = (scopes: string[], extra: Record<string, unknown> = {}) =>
    app.execute(
      GrantAuthorizationDocument,
      {
        input: {
          creditCode: E,
          bankCreditCode: hankou.creditCode,
          scopes: scopes as never,
          purpose: '科技信用贷款授信审查',
          validFrom: today,
          validUntil: nextYear,
          signer: '王伟（财务总监）',
          ...extra,
        },
      },
      rep,
    );

  /** The global ids of an enterprise's two loans: Hankou's (the bank's own), then ICBC's. */
  const loanIds = async (code: string): Promise<[string, string]> => {
    const rows = await app.orm.em.fork().execute<{ id: string; lender: string }[]>(
      `select i.id, b.credit_code as lender from financing_instrument i join instrument_holder h on h.instrument_id = i.id
       join enterprise e on e.id = h.enterprise_id join bank b on b.id = i.lender_id where e.credit_code = ?`,
      [code],
    );
    const of = (lender: string) => toGlobalId('CreditLoan', rows.find((r) => r.lender === lender)!.id);
    return [of(hankou.creditCode), of(icbc.creditCode)];
  };

  /** Everything a bank could ask that would tell it whether `code` is registered. */
  const probe = (code: string, id: string) => app.execute(ExistenceDocument, { creditCode: code, id, search: '武汉' }, bank);
  const nothing = {
    errors: undefined,
    status: undefined,
    data: {
      enterprise: null,
      node: null,
      byCode: { totalCount: 0, edges: [] },
      bySearch: { totalCount: 0 },
      portfolioSummary: {
        enterpriseCount: 0,
        highTechCount: 0,
        universityAffiliatedCount: 0,
        registeredCapital: '0.00',
        byIndustry: [],
        byPark: [],
        byInstrumentKind: [
          'NEEQ_LISTING', 'REGIONAL_OTC_LISTING', 'CREDIT_LOAN', 'IP_PLEDGE_LOAN', 'TECH_INSURANCE', 'REINSURANCE', 'COLLECTIVE_BOND',
          'SME_COLLECTIVE_NOTE', 'SHORT_TERM_BILL', 'MEDIUM_TERM_NOTE', 'FUND_INVESTMENT', 'RISK_COMPENSATION',
        ].map((kind) => ({ kind, count: 0, activeCount: 0 })),
      },
    },
  };

  it('learns nothing without an authorisation: a registered enterprise answers exactly as an unregistered code', async () => {
    const bankReads = async () =>
      (await app.execute(AuditReadsDocument, { filter: { actorRole: 'BANK_OFFICER' } }, admin)).data!.auditEvents.totalCount;
    const readsBefore = await bankReads(); // the trail is append-only: earlier test files' events stay
    const existing = await probe(E, enterpriseId);
    const missing = await probe(MISSING, toGlobalId('Enterprise', '00000000-0000-4000-8000-000000000000'));
    expect(existing).toEqual(nothing);
    expect(missing).toEqual(existing);
    // Nothing was read, so nothing is on the trail as a bank read.
    expect(await bankReads()).toBe(readsBefore);
  });

  it('sees, once authorised, the fields of its scopes: bands not figures, its own loan in full, the other lender’s as kind and status', async () => {
    const granted = await grant(['PROFILE', 'PATENTS', 'FINANCIALS', 'INSTRUMENTS']);
    expect(granted.data!.grantAuthorization.errors).toEqual([]);
    const view = await app.execute(BankViewDocument, { creditCode: E }, bank);
    const [own, other] = await loanIds(E);
    // Its own loan first, then the other lender's (the two start the same day: their order is the ids').
    view.data?.enterprise?.instruments?.edges.sort((a, b) => Number(a.node.__typename === 'RestrictedInstrument') - Number(b.node.__typename === 'RestrictedInstrument'));
    expect({ ...view, errors: sortedErrors(view.errors) }).toEqual({
      status: undefined,
      data: {
        enterprise: {
          creditCode: E,
          name: '武汉授信光电科技有限公司',
          isHighTech: true,
          highTechCertificates: null, // no HIGH_TECH scope: the status, not the certificates
          patents: { nodes: [{ number: 'ZL202110000001.6', isPledged: false }] },
          financialBands: [
            {
              fiscalYear: 2025,
              revenue: 'FROM_50_TO_200_MILLION',
              rdIntensity: 'FROM_4_TO_5_PERCENT', // exactly 4%
              employees: 'FROM_20_TO_300',
              isScienceAndTechnologyStaffShareAtLeast10Percent: true,
              isHighTechRevenueShareAtLeast60Percent: true,
            },
          ],
          financials: null,
          talentAwards: null,
          instruments: {
            totalCount: 2,
            edges: [
              {
                node: {
                  __typename: 'CreditLoan',
                  id: own,
                  kind: 'CREDIT_LOAN',
                  status: 'ACTIVE',
                  amount: '2000000.00',
                  contractNumber: `HK-${E.slice(-4)}`,
                  interestRate: '3.8500',
                  lender: { creditCode: hankou.creditCode },
                },
              },
              // Another lender's: there is one, and this is all the bank may see of it.
              { node: { __typename: 'RestrictedInstrument', id: other, kind: 'CREDIT_LOAN', status: 'ACTIVE' } },
            ],
          },
        },
      },
      // Each masked field says so, at its path, with what would grant it; the rest of the answer stands.
      errors: [
        {
          message: 'Enterprise.financials is masked: only ZONE_ADMIN or ENTERPRISE_REP may see it.',
          path: ['enterprise', 'financials'],
          extensions: { code: 'FORBIDDEN', reason: 'ROLE', allowedRoles: ['ZONE_ADMIN', 'ENTERPRISE_REP'] },
        },
        {
          message: 'Enterprise.highTechCertificates is masked: it needs an authorization from the enterprise with scope HIGH_TECH.',
          path: ['enterprise', 'highTechCertificates'],
          extensions: {
            code: 'FORBIDDEN',
            reason: 'SCOPE',
            requiredScope: 'HIGH_TECH',
            allowedRoles: ['ZONE_ADMIN', 'CPPCC_MEMBER', 'CPPCC_OFFICE', 'HANDLING_UNIT', 'BANK_OFFICER', 'ENTERPRISE_REP'],
          },
        },
        {
          message: 'Enterprise.talentAwards is masked: only ZONE_ADMIN, CPPCC_MEMBER, CPPCC_OFFICE or ENTERPRISE_REP may see it.',
          path: ['enterprise', 'talentAwards'],
          extensions: { code: 'FORBIDDEN', reason: 'ROLE', allowedRoles: ['ZONE_ADMIN', 'CPPCC_MEMBER', 'CPPCC_OFFICE', 'ENTERPRISE_REP'] },
        },
      ],
    });
    // F did not authorise: it still answers exactly as an unregistered code does.
    const f = await probe(F, ids[F]!);
    expect(f.data!.enterprise).toBeNull();
    expect(f).toEqual(await probe(MISSING, toGlobalId('Enterprise', '00000000-0000-4000-8000-000000000000')));
  });

  it('gets the other lender’s loan by id as restricted, its own in full, and never one of an enterprise that gave no INSTRUMENTS scope', async () => {
    const [own, other] = await loanIds(E);
    const [, otherOfF] = await loanIds(F);
    const query = `query Loans($ids: [ID!]!) { nodes(ids: $ids) {
      __typename id
      ... on RestrictedInstrument { kind status updatedAt }
      ... on CreditLoan { kind amount contractNumber }
    } }`;
    const ask = () => app.execute(query, { ids: [own, other, otherOfF] }, bank);
    // Under PATENTS only, no instrument of E is the bank's to see: each is null, as an unknown id, with no error.
    expect((await grant(['PROFILE', 'PATENTS'])).data!.grantAuthorization.errors).toEqual([]);
    expect(await ask()).toEqual({ status: undefined, errors: undefined, data: { nodes: [null, null, null] } });
    expect((await grant(['INSTRUMENTS'], { purpose: '知识产权质押贷款授信审查' })).data!.grantAuthorization.errors).toEqual([]);
    const full = await app.execute(`query($id: ID!) { node(id: $id) { ... on CreditLoan { updatedAt } } }`, { id: other }, admin);
    const { updatedAt } = (full.data as { node: { updatedAt: string } }).node;
    expect(await ask()).toEqual({
      status: undefined,
      errors: undefined,
      data: {
        nodes: [
          { __typename: 'CreditLoan', id: own, kind: 'CREDIT_LOAN', amount: '2000000.00', contractNumber: `HK-${E.slice(-4)}` },
          { __typename: 'RestrictedInstrument', id: other, kind: 'CREDIT_LOAN', status: 'ACTIVE', updatedAt },
          null,
        ],
      },
    });
    // The administrator gets the same id in full.
    expect((await app.execute(query, { ids: [other] }, admin)).data).toEqual({
      nodes: [{ __typename: 'CreditLoan', id: other, kind: 'CREDIT_LOAN', amount: '2000000.00', contractNumber: `ICBC-${E.slice(-4)}` }],
    });
  });

  it('answers masked fields with null and an error over HTTP with status 200, the rest of the answer intact', async () => {
    expect((await grant(['PROFILE'])).data!.grantAuthorization.errors).toEqual([]);
    const query = 'query($code: CreditCode!) { enterprise(creditCode: $code) { name financialBands { fiscalYear } patents(first: 10) { nodes { number } } } }';
    const answer = await app.http(query, { code: E }, { token: await app.token(Role.BANK_OFFICER, hankou.creditCode) });
    const allowedRoles = ['ZONE_ADMIN', 'CPPCC_MEMBER', 'CPPCC_OFFICE', 'BANK_OFFICER', 'ENTERPRISE_REP'];
    expect({ ...answer, errors: sortedErrors(answer.errors) }).toEqual({
      status: 200,
      data: { enterprise: { name: '武汉授信光电科技有限公司', financialBands: null, patents: null } },
      errors: [
        {
          message: 'Enterprise.financialBands is masked: it needs an authorization from the enterprise with scope FINANCIALS.',
          path: ['enterprise', 'financialBands'],
          extensions: { code: 'FORBIDDEN', reason: 'SCOPE', requiredScope: 'FINANCIALS', allowedRoles },
        },
        {
          message: 'Enterprise.patents is masked: it needs an authorization from the enterprise with scope PATENTS.',
          path: ['enterprise', 'patents'],
          extensions: { code: 'FORBIDDEN', reason: 'SCOPE', requiredScope: 'PATENTS', allowedRoles },
        },
      ],
    });
  });

  it('counts in lists and aggregates only what authorised it', async () => {
    expect((await grant(['PROFILE'])).data!.grantAuthorization.errors).toEqual([]);
    const seen = await probe(E, enterpriseId);
    expect(seen).toEqual({
      ...nothing,
      data: {
        enterprise: { id: enterpriseId },
        node: { id: enterpriseId },
        byCode: { totalCount: 1, edges: [{ node: { id: enterpriseId } }] },
        bySearch: { totalCount: 1 },
        portfolioSummary: {
          ...nothing.data.portfolioSummary,
          enterpriseCount: 1,
          highTechCount: 1,
          registeredCapital: '50000000.00',
          byIndustry: [{ industry: 'OPTOELECTRONIC_INFORMATION', count: 1 }],
          byPark: [{ count: 1 }],
        },
      },
    });
  });

  it('puts every read on the trail with its purpose and authorisation, and the enterprise sees who read it', async () => {
    const granted = await grant(['PROFILE', 'PATENTS', 'FINANCIALS', 'INSTRUMENTS']);
    const authorization = granted.data!.grantAuthorization.authorization!;
    const before = (await bankReads()).totalCount;
    expect((await app.execute(BankViewDocument, { creditCode: E }, bank)).data!.enterprise!.creditCode).toBe(E);
    expect((await probe(E, enterpriseId)).data!.enterprise).toEqual({ id: enterpriseId });
    const reads = await bankReads();
    const read = {
      actor: bankActor(hankou.creditCode, hankou.name),
      outcome: 'DONE',
      purpose: '科技信用贷款授信审查',
      authorization: { id: authorization.id },
      enterprise: { creditCode: E },
    };
    // Newest first: the probe (enterprise, node, the list and the summary; a bare count reads nothing), then BankView.
    expect(reads.totalCount).toBe(before + 2);
    expect(reads.edges.slice(0, 2).map((e) => e.node)).toEqual([
      { ...read, operation: 'byCode,enterprise,node,portfolioSummary' },
      { ...read, operation: 'enterprise' },
    ]);
    // Another enterprise's representative sees none of them; nor E's authorisations.
    const other = as(Role.ENTERPRISE_REP, F);
    expect(await bankReads(other)).toEqual({ totalCount: 0, edges: [] });
    expect((await app.execute(AuthorizationsDocument, { creditCode: E }, other)).data!.authorizations).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });

  it('gets no data when its reads cannot be put on the trail', async () => {
    expect((await grant(['PROFILE', 'FINANCIALS'])).data!.grantAuthorization.errors).toEqual([]);
    const sql = (q: string) => app.orm.em.fork().execute(q);
    await sql(`create function refuse_bank_reads() returns trigger language plpgsql as $$
               begin raise exception 'audit storage unavailable'; end $$`);
    await sql(`create trigger refuse_bank_reads before insert on audit_event for each row
               when (new.actor_role = 'BANK_OFFICER') execute function refuse_bank_reads()`);
    try {
      const view = await app.execute(BankViewDocument, { creditCode: E }, bank);
      expect(view).toEqual({
        data: undefined,
        errors: [{ message: 'The read could not be audited; try again.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
        status: 503,
      });
    } finally {
      await sql('drop trigger refuse_bank_reads on audit_event');
      await sql('drop function refuse_bank_reads()');
    }
  });

  it('looks up a registered code it may not see with the very statements an unknown code costs, reading no row', async () => {
    const lookup = (code: string) => app.countStatements(() => app.execute('query($c: CreditCode!) { enterprise(creditCode: $c) { id } }', { c: code }, bank));
    const [unauthorised, unknown] = [await lookup(F), await lookup(MISSING)];
    expect([unauthorised.result.data, unknown.result.data]).toEqual([{ enterprise: null }, { enterprise: null }]);
    // Same statements, same count: whether F is registered is decided in SQL, where the visible set is a condition.
    expect(unauthorised.sql).toEqual(unknown.sql);
    expect(unauthorised.sql[1]).toBe('select * from "enterprise" where (credit_code = $1 and id = any($2::uuid[]))');
  });

  it('sees nothing on the very next request after a revocation, or after the authorisation expires', async () => {
    const authorization = (await grant(['PROFILE'])).data!.grantAuthorization.authorization!;
    expect((await probe(E, enterpriseId)).data!.enterprise).toEqual({ id: enterpriseId });
    const revoked = await app.execute(RevokeAuthorizationDocument, { input: { authorizationId: authorization.id } }, rep);
    expect(revoked.data!.revokeAuthorization.errors).toEqual([]);
    expect(await probe(E, enterpriseId)).toEqual(nothing);

    // A new one that ran out yesterday (dates moved back, as time would).
    const again = await grant(['PROFILE']);
    expect(again.data!.grantAuthorization.errors).toEqual([]);
    expect((await probe(E, enterpriseId)).data!.enterprise).toEqual({ id: enterpriseId });
    const yesterday = addDays(today, -1);
    await app.orm.em.fork().execute(`update data_authorization set valid_from = '2024-01-01', valid_to = ? where revoked_at is null`, [yesterday]);
    expect(await probe(E, enterpriseId)).toEqual(nothing);
  });

  it('counts an enterprise’s instruments for a bank only under the INSTRUMENTS scope, in filters and aggregates alike', async () => {
    const granted = await grant(['PROFILE', 'PATENTS']);
    expect(granted.data!.grantAuthorization.errors).toEqual([]);
    const loans = (r: Awaited<ReturnType<typeof counts>>) => r.data!.portfolioSummary.byInstrumentKind.find((k) => k.kind === 'CREDIT_LOAN')!.count;
    const counts = () => app.execute(InstrumentCountsDocument, { codes: [E] }, bank);
    const withoutScope = await counts();
    expect([withoutScope.data!.withLoans.totalCount, withoutScope.data!.portfolioSummary.enterpriseCount, loans(withoutScope)]).toEqual([0, 1, 0]);
    expect(withoutScope.data!.portfolioSummary.byFiscalYear).toBeNull(); // never a bank's
    expect(sortedErrors(withoutScope.errors)).toEqual([
      {
        message: 'PortfolioSummary.byFiscalYear is masked: only ZONE_ADMIN, CPPCC_MEMBER or CPPCC_OFFICE may see it.',
        path: ['portfolioSummary', 'byFiscalYear'],
        extensions: { code: 'FORBIDDEN', reason: 'ROLE', allowedRoles: ['ZONE_ADMIN', 'CPPCC_MEMBER', 'CPPCC_OFFICE'] },
      },
    ]);
    // A second authorisation for another purpose (one per purpose is in force at a time): the scopes add up.
    const more = await grant(['INSTRUMENTS'], { purpose: '知识产权质押贷款授信审查' });
    expect(more.data!.grantAuthorization.errors).toEqual([]);
    const withScope = await counts();
    expect([withScope.data!.withLoans.totalCount, loans(withScope)]).toEqual([1, 2]);
  });

  it('shows summed figures of fewer than five enterprises to the zone only, never to CPPCC', async () => {
    const member = as(Role.CPPCC_MEMBER, 'member-1');
    const forMember = await app.execute(InstrumentCountsDocument, { codes: [E, F] }, member);
    const forAdmin = await app.execute(InstrumentCountsDocument, { codes: [E, F] }, admin);
    expect(forMember.data!.portfolioSummary.byFiscalYear).toEqual([]);
    expect(forAdmin.data!.portfolioSummary.byFiscalYear).toEqual([{ fiscalYear: 2025, reporting: 2 }]);
  });

  it('lets a representative keep its own data current, and refuses it another enterprise’s, changing nothing', async () => {
    const own = (await app.execute(EnterpriseByCodeDocument, { creditCode: E }, rep)).data!.enterprise!;
    const updated = await app.execute(UpdateEnterpriseDocument, { input: { id: own.id, version: own.version, nameEn: 'Wuhan Credit Optics' } }, rep);
    expect(updated.data!.updateEnterprise.errors).toEqual([]);
    expect(updated.data!.updateEnterprise.enterprise).toEqual({ ...own, nameEn: 'Wuhan Credit Optics', version: own.version + 1 });

    const notPermitted = (field: string, message: string) => [{ __typename: 'NotPermittedError', code: 'NOT_PERMITTED', field, message }];
    const fOwn = (await app.execute(EnterpriseByCodeDocument, { creditCode: F }, admin)).data!.enterprise!;
    const attempts = [
      [
        (await app.execute(UpdateEnterpriseDocument, { input: { id: fOwn.id, version: fOwn.version, nameEn: 'Taken Over' } }, rep)).data!.updateEnterprise.errors,
        notPermitted('input.id', 'A representative changes its own enterprise’s data only.'),
      ],
      [
        (await app.execute(RecordFiscalYearDocument, { input: { creditCode: F, fiscalYear: 2024, revenue: '1.00', rdExpense: '0.00', rdExpenseInChina: '0.00', highTechRevenue: '0.00', employees: 1, scienceAndTechnologyStaff: 0 } }, rep)).data!.recordFiscalYear.errors,
        notPermitted('input.creditCode', 'A representative changes its own enterprise’s data only.'),
      ],
      [
        (await app.execute(RecordFiscalYearDocument, { input: { creditCode: MISSING, fiscalYear: 2024, revenue: '1.00', rdExpense: '0.00', rdExpenseInChina: '0.00', highTechRevenue: '0.00', employees: 1, scienceAndTechnologyStaff: 0 } }, rep)).data!.recordFiscalYear.errors,
        notPermitted('input.creditCode', 'A representative changes its own enterprise’s data only.'),
      ],
      [
        (await app.execute(RecordPatentAppraisalDocument, { input: { patentNumber: 'ZL202110000002.0', appraiser: '某评估所', value: '1.00', appraisedOn: '2025-01-01' } }, rep)).data!.recordPatentAppraisal.errors,
        notPermitted('input.patentNumber', 'A representative appraises its own enterprise’s patents only.'),
      ],
      [
        (await app.execute(RecordResearchProjectDocument, { input: { title: '光纤传感联合研发', status: 'ACTIVE', startsOn: '2025-01-01', participants: [{ creditCode: E, role: 'FUNDER' }, { creditCode: F, role: 'PARTNER' }] } }, rep)).data!.recordResearchProject.errors,
        notPermitted('input.participants', 'A representative records projects of its own enterprise (with institutions) only.'),
      ],
    ];
    for (const [got, want] of attempts) expect(got).toEqual(want);
    expect((await app.execute(EnterpriseByCodeDocument, { creditCode: F }, admin)).data!.enterprise).toEqual(fOwn);
  });
});

describe('a bank’s portfolio page', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
  });
  afterAll(() => app.close());

  it('runs as many statements for fifty authorising enterprises as for five (no query per enterprise or per record)', async () => {
    const five = await coveringEnterprises(app.orm);
    const rows = await app.orm.em.fork().execute<{ code: string }[]>('select credit_code as code from enterprise order by credit_code limit 60');
    const fifty = [...five, ...rows.map((r) => r.code).filter((c) => !five.includes(c))].slice(0, 50);
    const today = zoneToday();
    await app.orm.em.fork().execute(
      `insert into data_authorization (id, enterprise_id, bank_id, scopes, purpose, valid_from, valid_to, signer, granted_by, created_at, updated_at, version)
       select gen_random_uuid(), e.id, b.id, '{PROFILE,HIGH_TECH,PATENTS,FINANCIALS,INSTRUMENTS}', '授信审查', ?, ?, '授权人', 'ZONE_ADMIN', now(), now(), 1
       from enterprise e, bank b where e.credit_code = any(?::text[]) and b.credit_code = ?`,
      [today, addMonths(today, 12), `{${fifty.join(',')}}`, hankou.creditCode],
    );
    const small = await app.countStatements(() => app.execute(PortfolioPageDocument, { first: 5, filter: { creditCodes: five } }, bank));
    const large = await app.countStatements(() => app.execute(PortfolioPageDocument, { first: 50, filter: { creditCodes: fifty } }, bank));
    // What the bank may not see of the page is masked, each at its path; nothing else goes wrong.
    const masked = (errors: readonly GraphQLFormattedError[] | undefined) => [
      ...new Set(errors?.map((e) => `${e.path!.map((p) => (typeof p === 'number' ? '#' : p)).join('.')} ${e.extensions!['code']} ${e.extensions!['reason']}`)),
    ];
    const expected = [
      ...['financials', 'projects', 'incentivePlans', 'talentAwards', 'creditRatings', 'dishonestDebtorChecks', 'taxPilotUsage'].map((f) => `enterprises.edges.#.node.${f} FORBIDDEN ROLE`),
    ];
    expect(masked(small.result.errors)).toEqual(expected);
    expect(masked(large.result.errors)).toEqual(expected);
    expect(small.result.data!.enterprises.edges).toHaveLength(5);
    expect(large.result.data!.enterprises.edges).toHaveLength(50);
    if (process.env['SHOW_SQL']) console.log(small.sql.join('\n'));
    expect(large.statements).toBe(small.statements);
    // Its own: one for its active authorisations, one for the holders of the instruments it sees, one insert for its
    // reads. The page reads ahead (src/db/read-plan.ts) only what the bank sees wherever it sees the object, or
    // under the scopes each enterprise of the page granted; what it sees under a condition deeper down (an
    // instrument's parts: its own loans in full, others' as kind and status) is read by the field's resolver, for
    // the objects the condition holds for, as before (was 20, one per relation; totalCount comes with the first page).
    expect(small.statements).toBe(12);
  });
});
