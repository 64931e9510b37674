import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { INSURERS } from '../seeds/reference';
import {
  CorrectBondIssueDocument,
  CorrectCreditLoanDocument,
  CreateEnterpriseDocument,
  InstrumentByIdDocument,
  RecordBondIssueDocument,
  RecordCreditLoanDocument,
  RecordFundInvestmentDocument,
  RecordIpPledgeLoanDocument,
  RecordNeeqListingDocument,
  RecordPatentAppraisalDocument,
  RecordPatentDocument,
  RecordReinsuranceDocument,
  RecordRiskCompensationCoverDocument,
  RecordTechInsuranceDocument,
  UpdateInstrumentStatusDocument,
  VoidInstrumentDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { zoneToday } from './support/clock';
import { counterpartyId, enterpriseInput, patentNumber, resetRegistry, testCode } from './support/registry';

/**
 * Instruments name their counterparties by id, bonds take a BondKind, and an instrument recorded wrongly is corrected
 * (the audit event keeps the reason and each value before and after) or voided (it leaves every list, sum and
 * eligibility check, and stays readable by id to administrators only). Each test registers its own enterprises.
 */

const admin = as(Role.ZONE_ADMIN);
const HANKOU = counterpartyId.bank('HANKOU');
const CMB = counterpartyId.bank('CMB');
const PICC = INSURERS.find((i) => !i.reinsurer)!;
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

const TRAIL = `query Trail($code: CreditCode!, $operation: String!) {
  auditEvents(first: 10, filter: { creditCode: $code, operation: $operation }) {
    edges { node { operation outcome change { reason before after } enterprise { creditCode } } }
  }
}`;
const HOLDINGS = `query Holdings($code: CreditCode!, $name: String!) {
  enterprise(creditCode: $code) { instruments(first: 10) { totalCount edges { node { ... on FinancingInstrument { id kind } } } } }
  enterprises(first: 10, filter: { search: $name, instrumentKinds: [CREDIT_LOAN] }) { edges { node { creditCode } } }
  portfolioSummary(filter: { search: $name }) { byInstrumentKind { kind count totalAmount } }
}`;

describe('instruments recorded wrongly, and counterparties by id', () => {
  let app: TestApp;
  let next = 14_400;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  /** A new enterprise of its own. */
  async function enterprise(name: string): Promise<string> {
    const code = testCode(next++);
    const r = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, name) }, admin);
    expect(r.data!.createEnterprise.errors).toEqual([]);
    return code;
  }

  const loanInput = (creditCode: string, contractNumber: string, extra: Record<string, unknown> = {}) => ({
    creditCode, lenderId: HANKOU, contractNumber, amount: '1000000.00', startsOn: '2025-01-10', interestRate: '3.8500', termMonths: 12, ...extra,
  });

  async function loan(creditCode: string, contractNumber: string, extra: Record<string, unknown> = {}) {
    const r = await app.execute(RecordCreditLoanDocument, { input: loanInput(creditCode, contractNumber, extra) }, admin);
    expect(r.data!.recordCreditLoan.errors).toEqual([]);
    return r.data!.recordCreditLoan.instrument!;
  }

  const trail = async (code: string, operation: string) =>
    (await app.execute<any, any>(TRAIL, { code, operation }, admin)).data.auditEvents.edges.map((e: any) => e.node);

  it('names each counterparty by its id: an unknown id, or one of another type, is NOT_FOUND', async () => {
    const code = await enterprise('武汉按编号光电有限公司');
    const fund = counterpartyId.fund('武汉光谷天使投资基金');
    const refused = await app.execute(
      RecordCreditLoanDocument,
      { input: loanInput(code, 'ID-1', { lenderId: toGlobalId('Bank', NO_SUCH), branchId: fund }) },
      admin,
    );
    expect(refused.data!.recordCreditLoan).toEqual({
      instrument: null,
      errors: [
        { __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.lenderId', message: `No bank has the id ${toGlobalId('Bank', NO_SUCH)}.` },
        { __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.branchId', message: `No bank sub-branch has the id ${fund}.` },
      ],
    });
    // A branch of another bank is a branch all the same: that is invalid, not unknown.
    const otherBranch = counterpartyId.branch('招商银行武汉光谷科技支行');
    expect((await app.execute(RecordCreditLoanDocument, { input: loanInput(code, 'ID-2', { branchId: otherBranch }) }, admin)).data!.recordCreditLoan.errors).toEqual([
      { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.branchId', message: '招商银行武汉光谷科技支行 is not a branch of 汉口银行.' },
    ]);
    const insurance = await app.execute(
      RecordTechInsuranceDocument,
      { input: { creditCode: code, insurerId: HANKOU, policyNumber: 'ID-P-1', insuranceKind: 'RD_LIABILITY', amount: '5000000.00', startsOn: '2025-01-10', premium: '60000.00' } },
      admin,
    );
    expect(insurance.data!.recordTechInsurance).toEqual({
      instrument: null,
      errors: [{ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.insurerId', message: `No insurer has the id ${HANKOU}.` }],
    });
    const noPolicy = toGlobalId('TechInsurancePolicy', NO_SUCH);
    const reinsurance = await app.execute(
      RecordReinsuranceDocument,
      { input: { creditCode: code, reinsurerId: counterpartyId.insurer(PICC.name), underlyingPolicyId: noPolicy, treatyNumber: 'ID-T-1', cededShare: '40.0000', amount: '1.00', startsOn: '2025-01-10' } },
      admin,
    );
    expect(reinsurance.data!.recordReinsurance).toEqual({
      instrument: null,
      errors: [
        { __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.underlyingPolicyId', message: `No tech insurance policy has the id ${noPolicy}.` },
        { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.reinsurerId', message: `${PICC.name} is not a reinsurer.` },
      ],
    });
    const investment = await app.execute(
      RecordFundInvestmentDocument,
      { input: { creditCode: code, fundId: toGlobalId('Fund', NO_SUCH), stake: '10.0000', amount: '1000000.00', startsOn: '2025-01-10' } },
      admin,
    );
    expect(investment.data!.recordFundInvestment).toEqual({
      instrument: null,
      errors: [{ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.fundId', message: `No fund has the id ${toGlobalId('Fund', NO_SUCH)}.` }],
    });
    const covered = await loan(code, 'ID-3');
    const cover = await app.execute(
      RecordRiskCompensationCoverDocument,
      { input: { creditCode: code, poolId: fund, coveredLoanId: covered.id, coverageRatio: '40.0000', amount: '100000.00', startsOn: '2025-01-10' } },
      admin,
    );
    expect(cover.data!.recordRiskCompensationCover).toEqual({
      instrument: null,
      errors: [{ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.poolId', message: `No risk compensation pool has the id ${fund}.` }],
    });
  });

  it('records bonds and notes of a BondKind only: another instrument kind is not a value of it', async () => {
    const code = await enterprise('武汉债券种类有限公司');
    const issue = (kind: string) =>
      app.execute<any, any>(
        'mutation ($input: RecordBondIssueInput!) { recordBondIssue(input: $input) { instrument { kind } errors { code } } }',
        { input: { kind, issuers: [{ creditCode: code, share: '100.0000' }], amount: '50000000.00', startsOn: '2025-01-01', code: `BK-${kind}`, underwriter: '长江证券', couponRate: '3.2000', tenorMonths: 12 } },
        admin,
      );
    expect((await issue('SHORT_TERM_BILL')).data).toEqual({ recordBondIssue: { instrument: { kind: 'SHORT_TERM_BILL' }, errors: [] } });
    const loanKind = await issue('CREDIT_LOAN');
    expect([loanKind.data, loanKind.errors?.map((e: any) => e.extensions.code)]).toEqual([undefined, ['BAD_USER_INPUT']]);
    const values = await app.execute<any, any>('{ __type(name: "BondKind") { enumValues { name } } }', {}, admin);
    expect(values.data.__type.enumValues.map((v: any) => v.name)).toEqual(['COLLECTIVE_BOND', 'SME_COLLECTIVE_NOTE', 'SHORT_TERM_BILL', 'MEDIUM_TERM_NOTE']);
  });

  it('corrects a loan recorded wrongly, with the checks of recording, and keeps the reason and each value before and after on the enterprise’s trail', async () => {
    const code = await enterprise('武汉更正信贷有限公司');
    const recorded = await loan(code, 'FIX-1');
    await loan(code, 'FIX-TAKEN');
    const correct = (input: Record<string, unknown>) => app.execute(CorrectCreditLoanDocument, { input: { id: recorded.id, reason: '合同录入有误。', ...input } as never }, admin);

    // The checks of recording, over the values recorded with the corrections laid over them.
    expect((await correct({ version: 1, contractNumber: 'FIX-TAKEN', termMonths: 400, interestRate: null })).data!.correctCreditLoan.errors).toEqual([
      { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.interestRate', message: 'Every credit loan has a interestRate: it can be corrected, not cleared.' },
    ]);
    expect((await correct({ version: 1, contractNumber: 'FIX-TAKEN', termMonths: 400 })).data!.correctCreditLoan.errors).toEqual([
      { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.termMonths', message: 'input.termMonths must be a whole number from 1 to 360.' },
      { __typename: 'DuplicateError', code: 'DUPLICATE', field: 'input.contractNumber', message: '汉口银行 has a loan with contract FIX-TAKEN already.' },
    ]);
    expect((await correct({ version: 1, contractNumber: 'FIX-1', interestRate: '3.8500' })).data!.correctCreditLoan.errors).toEqual([
      { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input', message: 'Nothing to correct: every value given is the one recorded.' },
    ]);
    expect((await correct({ version: 2, interestRate: '3.6500' })).data!.correctCreditLoan.errors).toEqual([
      {
        __typename: 'StaleVersionError', code: 'STALE_VERSION', field: 'input.version', currentVersion: 1,
        message: 'The credit loan is at version 1, not 2: someone changed it since you read it.',
      },
    ]);
    const other = await enterprise('武汉他人信贷有限公司');
    const someoneElses = await loan(other, 'FIX-OTHER');
    const bond = await app.execute(CorrectBondIssueDocument, { input: { id: someoneElses.id, version: 1, reason: '种类不符。', couponRate: '3.0000' } }, admin);
    expect(bond.data!.correctBondIssue.errors).toEqual([
      { __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.id', message: `No bond or note issue has the id ${someoneElses.id}.` },
    ]);

    // The right values: the term moves the end with it, as recording computes it.
    const done = await correct({ version: 1, contractNumber: 'FIX-1A', interestRate: '3.6500', termMonths: 24, lenderId: CMB });
    expect(done.data!.correctCreditLoan).toEqual({
      errors: [],
      instrument: {
        ...recorded,
        version: 2,
        endsOn: '2027-01-10',
        contractNumber: 'FIX-1A',
        interestRate: '3.6500',
        termMonths: 24,
        lender: { name: '招商银行' },
      },
    });
    expect(await trail(code, 'correctCreditLoan')).toEqual([
      {
        operation: 'correctCreditLoan',
        outcome: 'DONE',
        change: {
          reason: '合同录入有误。',
          before: { endsOn: '2026-01-10', lenderId: HANKOU, contractNumber: 'FIX-1', interestRate: '3.8500', termMonths: '12', version: 1 },
          after: { endsOn: '2027-01-10', lenderId: CMB, contractNumber: 'FIX-1A', interestRate: '3.6500', termMonths: '24', version: 2 },
        },
        enterprise: { creditCode: code },
      },
    ]);
  });

  it('voids an instrument: gone from its enterprise’s instruments, the filters, the portfolio and eligibility; read by id by administrators only', async () => {
    const name = '武汉作废违约科技有限公司';
    const code = await enterprise(name);
    const kept = await loan(code, 'VOID-KEPT', { amount: '300000.00' });
    const wrong = await loan(code, 'VOID-1', { status: 'DEFAULTED', startsOn: '2025-06-01' });
    const defaulted = async () =>
      (
        await app.execute<any, any>(
          'query ($code: String!) { eligibility(program: "IP_PLEDGE_LOAN", creditCodes: [$code]) { checks { criterion outcome } } }',
          { code },
          admin,
        )
      ).data.eligibility[0].checks.find((c: any) => c.criterion === 'NO_RECENT_DEFAULT').outcome;
    expect(await defaulted()).toBe('FAILED');
    const before = (await app.execute<any, any>(HOLDINGS, { code, name }, admin)).data;
    expect(before.enterprise.instruments.totalCount).toBe(2);
    expect(before.portfolioSummary.byInstrumentKind.find((k: any) => k.kind === 'CREDIT_LOAN')).toEqual({ kind: 'CREDIT_LOAN', count: 2, totalAmount: '1300000.00' });

    const voided = await app.execute(VoidInstrumentDocument, { input: { id: wrong.id, version: 1, reason: '重复录入：该笔贷款未发放。' } }, admin);
    expect(voided.data!.voidInstrument).toEqual({
      errors: [],
      instrument: { ...wrong, version: 2, voidedAt: expect.any(Date), voidReason: '重复录入：该笔贷款未发放。' },
    });
    const after = (await app.execute<any, any>(HOLDINGS, { code, name }, admin)).data;
    expect(after).toEqual({
      enterprise: { instruments: { totalCount: 1, edges: [{ node: { id: kept.id, kind: 'CREDIT_LOAN' } }] } },
      enterprises: { edges: [{ node: { creditCode: code } }] },
      portfolioSummary: { byInstrumentKind: expect.arrayContaining([{ kind: 'CREDIT_LOAN', count: 1, totalAmount: '300000.00' }]) },
    });
    expect(await defaulted()).toBe('PASSED');

    // By id: the administrator reads it with its reason; its own enterprise does not.
    expect((await app.execute(InstrumentByIdDocument, { id: wrong.id }, admin)).data!.node).toEqual(voided.data!.voidInstrument.instrument);
    expect((await app.execute(InstrumentByIdDocument, { id: wrong.id }, as(Role.ENTERPRISE_REP, code))).data!.node).toBeNull();
    expect((await app.execute(InstrumentByIdDocument, { id: kept.id }, as(Role.ENTERPRISE_REP, code))).data!.node).toMatchObject({ id: kept.id });

    // A voided instrument changes no more; the trail keeps why it was voided.
    const again = await app.execute(VoidInstrumentDocument, { input: { id: wrong.id, version: 2, reason: '再次作废。' } }, admin);
    const status = await app.execute(UpdateInstrumentStatusDocument, { input: { id: wrong.id, version: 2, status: 'COMPLETED' } }, admin);
    const transition = {
      __typename: 'TransitionNotAllowedError', code: 'TRANSITION_NOT_ALLOWED', field: 'input.id',
      message: 'This instrument was voided (重复录入：该笔贷款未发放。); a voided record does not change.',
    };
    expect([again.data!.voidInstrument.errors, status.data!.updateInstrumentStatus.errors]).toEqual([[transition], [transition]]);
    expect(await trail(code, 'voidInstrument')).toEqual([
      {
        operation: 'voidInstrument',
        outcome: 'DONE',
        change: { reason: '重复录入：该笔贷款未发放。', before: { voidedAt: null, version: 1 }, after: { voidedAt: expect.any(String), version: 2 } },
        enterprise: { creditCode: code },
      },
    ]);
    // Its contract number is free for the loan recorded in its place; the other is not.
    expect((await app.execute(RecordCreditLoanDocument, { input: loanInput(code, 'VOID-1') }, admin)).data!.recordCreditLoan.errors).toEqual([]);
    expect((await app.execute(RecordCreditLoanDocument, { input: loanInput(code, 'VOID-KEPT') }, admin)).data!.recordCreditLoan.errors.map((e) => e.code)).toEqual(['DUPLICATE']);
    expect(await defaulted()).toBe('PASSED');
  });

  it('voids what refers to an instrument first, and frees the patents of a voided IP-pledge loan and the company of a voided listing', async () => {
    const code = await enterprise('武汉作废质押科技有限公司');
    const number = patentNumber('202010014401');
    expect((await app.execute(RecordPatentDocument, { input: { creditCode: code, number, title: '一种光纤放大器', legalStatus: 'VALID', grantedOn: '2021-01-01' } }, admin)).data!.recordPatent.errors).toEqual([]);
    expect((await app.execute(RecordPatentAppraisalDocument, { input: { patentNumber: number, appraiser: '武汉知识产权评估中心', value: '2000000.00', appraisedOn: '2025-01-05' } }, admin)).data!.recordPatentAppraisal.errors).toEqual([]);
    const pledge = () =>
      app.execute(RecordIpPledgeLoanDocument, { input: { ...loanInput(code, 'VOID-IP'), pledges: [{ patentNumber: number }] } }, admin);
    const ipLoan = (await pledge()).data!.recordIpPledgeLoan.instrument!;
    const cover = await app.execute(
      RecordRiskCompensationCoverDocument,
      { input: { creditCode: code, poolId: counterpartyId.pool('东湖高新区科技型中小企业信贷风险补偿资金池'), coveredLoanId: ipLoan.id, coverageRatio: '40.0000', amount: '400000.00', startsOn: '2025-01-10' } },
      admin,
    );
    const coverId = cover.data!.recordRiskCompensationCover.instrument!.id;
    const voidLoan = (version: number) => app.execute(VoidInstrumentDocument, { input: { id: ipLoan.id, version, reason: '质押合同未生效。' } }, admin);
    expect((await voidLoan(1)).data!.voidInstrument.errors).toEqual([
      { __typename: 'TransitionNotAllowedError', code: 'TRANSITION_NOT_ALLOWED', field: 'input.id', message: `A risk compensation cover (${coverId}) refers to it: void that first.` },
    ]);
    expect((await app.execute(VoidInstrumentDocument, { input: { id: coverId, version: 1, reason: '随贷款作废。' } }, admin)).data!.voidInstrument.errors).toEqual([]);
    const patents = async () => (await app.execute<any, any>('query ($c: CreditCode!) { enterprise(creditCode: $c) { patents(first: 10) { nodes { number isPledged } } } }', { c: code }, admin)).data.enterprise.patents.nodes;
    expect(await patents()).toEqual([{ number, isPledged: true }]);
    expect((await voidLoan(1)).data!.voidInstrument.errors).toEqual([]);
    expect(await patents()).toEqual([{ number, isPledged: false }]);
    // Recorded anew with the same contract and patent: nothing of the voided one stands in the way.
    const anew = await pledge();
    expect([anew.data!.recordIpPledgeLoan.errors, (anew.data!.recordIpPledgeLoan.instrument as { pledges?: unknown }).pledges]).toEqual([
      [],
      [{ patent: { number }, appraisal: { value: '2000000.00' } }],
    ]);
    expect(await patents()).toEqual([{ number, isPledged: true }]);

    // A company holds one live NEEQ listing; a voided one is none.
    const listing = (stage: string) =>
      app.execute(RecordNeeqListingDocument, { input: { creditCode: code, amount: '0.00', startsOn: zoneToday(), sponsorBroker: '长江证券', stage, stageReachedOn: zoneToday() } as never }, admin);
    const first = (await listing('JOINT_STOCK_REFORM')).data!.recordNeeqListing.instrument!;
    expect((await listing('FILING_ACCEPTED')).data!.recordNeeqListing.errors.map((e) => e.__typename)).toEqual(['LiveNeeqListingError']);
    expect((await app.execute(VoidInstrumentDocument, { input: { id: first.id, version: 1, reason: '误录。' } }, admin)).data!.voidInstrument.errors).toEqual([]);
    expect((await listing('FILING_ACCEPTED')).data!.recordNeeqListing.errors).toEqual([]);
  });
});
