import { Role } from '../src/auth/roles';
import { BANKS, FUNDS, INSURERS, POOLS } from '../seeds/reference';
import {
  AdvanceNeeqStageDocument,
  CreateEnterpriseDocument,
  EnterpriseRecordsDocument,
  PartnerBanksDocument,
  PortfolioSummaryDocument,
  RecordBondIssueDocument,
  RecordCreditLoanDocument,
  RecordFundInvestmentDocument,
  RecordIpPledgeLoanDocument,
  RecordNeeqListingDocument,
  RecordPatentAppraisalDocument,
  RecordPatentDocument,
  RecordRegionalOtcListingDocument,
  RecordReinsuranceDocument,
  RecordRiskCompensationClaimDocument,
  RecordRiskCompensationCoverDocument,
  RecordTechInsuranceDocument,
  UpdateInstrumentStatusDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { counterpartyId, enterpriseInput, patentNumber, resetRegistry, testCode } from './support/registry';
import { toGlobalId } from '../src/common/global-id';

const admin = as(Role.ZONE_ADMIN);
const A = testCode(201);
const B = testCode(202);
const C = testCode(203);
const bank = (key: string) => BANKS.find((b) => b.key === key)!;
const bankGid = counterpartyId.bank;

/** What InstrumentFields answers for an instrument of one holder, active, version 1, plus the kind's own fields. */
const instrumentOf = (
  __typename: string,
  kind: string,
  creditCode: string,
  amount: string,
  dates: { startsOn: string; endsOn: string | null },
  own: Record<string, unknown>,
) => ({
  __typename,
  id: expect.any(String),
  kind,
  status: 'ACTIVE',
  amount,
  ...dates,
  version: 1,
  voidedAt: null,
  voidReason: null,
  enterprise: { creditCode },
  holders: [{ share: '100.0000', isLead: true, amount, enterprise: { creditCode } }],
  ...own,
});

describe('financing instruments', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    for (const [code, name] of [[A, '武汉甲光电有限公司'], [B, '武汉乙生物有限公司'], [C, '武汉丙软件有限公司']] as const) {
      const r = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, name) }, admin);
      expect(r.data!.createEnterprise.errors).toEqual([]);
    }
    // A: two granted, appraised invention patents and one without appraisal; B: one patent.
    for (const [owner, number, appraised] of [
      [A, 'ZL201410012345.9', '2000000.00'],
      [A, 'ZL201510000001.0', '1000000.00'],
      [A, 'ZL201610000002.X', null],
      [B, 'ZL201710000003.9', '500000.00'],
    ] as const) {
      const p = await app.execute(RecordPatentDocument, { input: { creditCode: owner, number, title: '一种装置', legalStatus: 'VALID', grantedOn: '2019-01-01' } }, admin);
      expect(p.data!.recordPatent.errors).toEqual([]);
      if (appraised) {
        const a = await app.execute(RecordPatentAppraisalDocument, { input: { patentNumber: number, appraiser: '武汉知识产权评估中心', value: appraised, appraisedOn: '2025-01-15' } }, admin);
        expect(a.data!.recordPatentAppraisal.errors).toEqual([]);
      }
    }
  });
  afterAll(() => app.close());

  const base = { amount: '1000000.00', startsOn: '2025-01-10' };

  it('lists partner banks with their sub-branches, tech sub-branches first', async () => {
    const { data } = await app.execute(PartnerBanksDocument, {}, admin);
    const hankou = data!.partnerBanks.find((b) => b.name === '汉口银行');
    expect(hankou).toEqual({
      creditCode: bank('HANKOU').creditCode,
      name: '汉口银行',
      subBranches: [
        { name: '汉口银行光谷科技支行', isTechSubBranch: true },
        { name: '汉口银行东湖支行', isTechSubBranch: false },
      ],
    });
    expect(data!.partnerBanks.map((b) => b.name)).not.toContain('光谷银行（筹）');
  });

  it('records a credit loan with its lender and term, and refuses a planned bank or an unknown branch', async () => {
    const ok = await app.execute(
      RecordCreditLoanDocument,
      { input: { ...base, creditCode: A, lenderId: bankGid('HANKOU'), branchId: counterpartyId.branch('汉口银行光谷科技支行'), contractNumber: 'HK-2025-0001', interestRate: '3.8500', termMonths: 12, ratingUsed: 'BBB' } },
      admin,
    );
    expect(ok.data!.recordCreditLoan.errors).toEqual([]);
    expect(ok.data!.recordCreditLoan.instrument).toEqual({
      __typename: 'CreditLoan',
      id: expect.any(String),
      kind: 'CREDIT_LOAN',
      status: 'ACTIVE',
      amount: '1000000.00',
      startsOn: '2025-01-10',
      endsOn: '2026-01-10',
      version: 1,
      voidedAt: null,
      voidReason: null,
      enterprise: { creditCode: A },
      holders: [{ share: '100.0000', isLead: true, amount: '1000000.00', enterprise: { creditCode: A } }],
      contractNumber: 'HK-2025-0001',
      interestRate: '3.8500',
      termMonths: 12,
      lender: { name: '汉口银行' },
      subBranch: { name: '汉口银行光谷科技支行' },
    });
    const refused = await app.execute(
      RecordCreditLoanDocument,
      { input: { ...base, creditCode: A, lenderId: bankGid('OVB'), branchId: counterpartyId.branch('招商银行武汉光谷科技支行'), contractNumber: 'X', interestRate: '3.8500', termMonths: 0 } },
      admin,
    );
    expect(refused.data!.recordCreditLoan).toEqual({
      instrument: null,
      errors: [
        { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.lenderId', message: '光谷银行（筹） is planned and not yet lending.' },
        { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.branchId', message: '招商银行武汉光谷科技支行 is not a branch of 光谷银行（筹）.' },
        { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.termMonths', message: 'input.termMonths must be a whole number from 1 to 360.' },
      ],
    });
    const dup = await app.execute(
      RecordCreditLoanDocument,
      { input: { ...base, creditCode: B, lenderId: bankGid('HANKOU'), contractNumber: 'HK-2025-0001', interestRate: '3.8500', termMonths: 12 } },
      admin,
    );
    expect(dup.data!.recordCreditLoan.errors.map((e) => e.code)).toEqual(['DUPLICATE']);
  });

  it('records an IP-pledge loan on appraised patents of the borrower, and refuses the patent once it is pledged', async () => {
    const input = {
      ...base,
      amount: '1200000.00',
      creditCode: A,
      lenderId: bankGid('CMB'),
      contractNumber: 'CMB-IP-1',
      interestRate: '4.3500',
      termMonths: 24,
      pledges: [{ patentNumber: 'ZL201410012345.9' }, { patentNumber: 'ZL201510000001.0' }],
      pledgeRegistrationNumber: 'Y2025420001',
      guarantor: '武汉信用风险管理融资担保有限公司',
      guaranteeShare: '40.0000',
      riskCompensationShare: '30.0000',
    };
    const ok = await app.execute(RecordIpPledgeLoanDocument, { input }, admin);
    expect(ok.data!.recordIpPledgeLoan.errors).toEqual([]);
    expect(ok.data!.recordIpPledgeLoan.instrument).toEqual(
      instrumentOf('IpPledgeLoan', 'IP_PLEDGE_LOAN', A, '1200000.00', { startsOn: '2025-01-10', endsOn: '2027-01-10' }, {
        contractNumber: 'CMB-IP-1',
        pledgedValue: '3000000.00',
        loanToValue: '40.0000',
        pledges: [
          { patent: { number: 'ZL201410012345.9' }, appraisal: { value: '2000000.00' } },
          { patent: { number: 'ZL201510000001.0' }, appraisal: { value: '1000000.00' } },
        ],
      }),
    );
    const again = await app.execute(
      RecordIpPledgeLoanDocument,
      {
        input: {
          ...input,
          contractNumber: 'CMB-IP-2',
          pledges: [{ patentNumber: 'ZL201410012345.9' }, { patentNumber: 'ZL201610000002.X' }, { patentNumber: 'ZL201710000003.9' }],
          guaranteeShare: '80.0000',
        },
      },
      admin,
    );
    expect(again.data!.recordIpPledgeLoan.errors.map((e) => [e.field, e.message])).toEqual([
      ['input.riskCompensationShare', 'The guarantee and risk compensation shares add up to more than 100%.'],
      ['input.pledges.0.patentNumber', 'ZL201410012345.9 is pledged under loan CMB-IP-1 (registered 2025-01-10, not cancelled).'],
      ['input.pledges.1.appraisalId', 'ZL201610000002.X has no appraisal: a pledge needs one.'],
      ['input.pledges.2.patentNumber', 'ZL201710000003.9 belongs to another enterprise.'],
    ]);
    const records = await app.execute(EnterpriseRecordsDocument, { creditCode: A }, admin);
    expect(records.data!.enterprise!.patents!.nodes.map((p) => [p.number, p.isPledged])).toEqual([
      ['ZL201410012345.9', true],
      ['ZL201510000001.0', true],
      ['ZL201610000002.X', false],
    ]);
  });

  it('keeps a patent pledged until its registration is cancelled (注销登记), whatever the status of the loan', async () => {
    // An enterprise and a patent of this test's own, so it runs in any order.
    const D = testCode(204);
    const number = patentNumber('201910004204');
    expect((await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(D, '武汉丁质押有限公司') }, admin)).data!.createEnterprise.errors).toEqual([]);
    expect((await app.execute(RecordPatentDocument, { input: { creditCode: D, number, title: '一种光纤光栅传感器', legalStatus: 'VALID', grantedOn: '2019-01-01' } }, admin)).data!.recordPatent.errors).toEqual([]);
    expect((await app.execute(RecordPatentAppraisalDocument, { input: { patentNumber: number, appraiser: '武汉知识产权评估中心', value: '1500000.00', appraisedOn: '2024-12-20' } }, admin)).data!.recordPatentAppraisal.errors).toEqual([]);
    const loan = (contractNumber: string, startsOn: string, registeredOn?: string) =>
      app.execute(
        RecordIpPledgeLoanDocument,
        {
          input: {
            ...base, creditCode: D, amount: '600000.00', startsOn, lenderId: bankGid('CMB'), contractNumber, interestRate: '4.3500', termMonths: 12,
            pledges: [{ patentNumber: number, ...(registeredOn ? { registeredOn } : {}) }],
          },
        },
        admin,
      );
    const first = await loan('CMB-IP-D1', '2025-01-10');
    expect(first.data!.recordIpPledgeLoan.errors).toEqual([]);
    const loanId = first.data!.recordIpPledgeLoan.instrument!.id;
    const pledged = async () => (await app.execute(EnterpriseRecordsDocument, { creditCode: D }, admin)).data!.enterprise!.patents!.nodes.map((p) => [p.number, p.isPledged]);

    // Repaid: the loan's status does not end the pledge.
    const repaid = await app.execute<any, any>('mutation ($id: ID!) { updateInstrumentStatus(input: { id: $id, version: 1, status: COMPLETED }) { errors { code } } }', { id: loanId }, admin);
    expect(repaid.data.updateInstrumentStatus.errors).toEqual([]);
    expect(await pledged()).toEqual([[number, true]]);
    expect((await loan('CMB-IP-D2', '2025-06-01')).data!.recordIpPledgeLoan.errors.map((e) => e.message)).toEqual([
      `${number} is pledged under loan CMB-IP-D1 (registered 2025-01-10, not cancelled).`,
    ]);

    const CANCEL = 'mutation ($input: CancelPledgeInput!) { cancelPledge(input: $input) { pledge { registeredOn cancelledOn patent { number } } errors { code field message } } }';
    const cancel = (input: Record<string, unknown>) => app.execute<any, any>(CANCEL, { input: { loanId, patentNumber: number, ...input } }, admin);
    expect((await cancel({ cancelledOn: '2025-01-10' })).data.cancelPledge).toEqual({
      pledge: null,
      errors: [{ code: 'INVALID_INPUT', field: 'input.cancelledOn', message: 'A registration is cancelled after the day it was made (2025-01-10).' }],
    });
    expect((await cancel({ patentNumber: 'ZL201410012345.9', cancelledOn: '2025-05-20' })).data.cancelPledge.errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    expect((await cancel({ loanId: toGlobalId('IpPledgeLoan', '00000000-0000-4000-8000-000000000000'), cancelledOn: '2025-05-20' })).data.cancelPledge.errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    expect((await cancel({ cancelledOn: '2025-05-20' })).data.cancelPledge).toEqual({
      pledge: { registeredOn: '2025-01-10', cancelledOn: '2025-05-20', patent: { number } },
      errors: [],
    });
    expect((await cancel({ cancelledOn: '2025-05-21' })).data.cancelPledge.errors).toEqual([
      { code: 'TRANSITION_NOT_ALLOWED', field: 'input.patentNumber', message: 'The registration of this pledge was cancelled on 2025-05-20 already.' },
    ]);
    expect(await pledged()).toEqual([[number, false]]);

    // Registrations of one patent do not overlap: from the day of cancellation it may be pledged again, not before.
    expect((await loan('CMB-IP-D3', '2025-05-19')).data!.recordIpPledgeLoan.errors.map((e) => e.message)).toEqual([
      `${number} is pledged under loan CMB-IP-D1 (registered 2025-01-10, cancelled 2025-05-20).`,
    ]);
    expect((await loan('CMB-IP-D4', '2025-05-15', '2025-05-20')).data!.recordIpPledgeLoan.errors).toEqual([]);
    expect(await pledged()).toEqual([[number, true]]);
    // And PostgreSQL keeps them apart whatever reaches it.
    const sql = await app.sql();
    await expect(
      sql.query(`update ip_pledge set registered_on = '2025-05-19' where loan_id = (select id from financing_instrument where contract_no = 'CMB-IP-D4')`),
    ).rejects.toThrow(/ip_pledge_registrations_apart/);
  });

  it('records a tech insurance policy, its reinsurance, and checks the subsidy', async () => {
    const insurer = INSURERS.find((i) => !i.reinsurer)!.name;
    const policy = await app.execute(
      RecordTechInsuranceDocument,
      { input: { ...base, amount: '5000000.00', endsOn: '2026-01-09', creditCode: B, insurerId: counterpartyId.insurer(insurer), policyNumber: 'P-RD-1', insuranceKind: 'RD_LIABILITY', premium: '60000.00', subsidyClaimed: '30000.00', subsidyApproved: '24000.00' } },
      admin,
    );
    const policyId = policy.data!.recordTechInsurance.instrument!.id;
    expect(policy.data!.recordTechInsurance.instrument).toEqual(
      instrumentOf('TechInsurancePolicy', 'TECH_INSURANCE', B, '5000000.00', { startsOn: '2025-01-10', endsOn: '2026-01-09' }, {
        policyNumber: 'P-RD-1',
        premium: '60000.00',
        subsidyApproved: '24000.00',
        insurer: { name: insurer },
      }),
    );
    const tooMuch = await app.execute(
      RecordTechInsuranceDocument,
      { input: { ...base, creditCode: B, insurerId: counterpartyId.insurer(insurer), policyNumber: 'P-RD-2', insuranceKind: 'RD_LIABILITY', premium: '60000.00', subsidyClaimed: '70000.00', subsidyApproved: '80000.00' } },
      admin,
    );
    expect(tooMuch.data!.recordTechInsurance.errors.map((e) => e.field)).toEqual(['input.subsidyClaimed', 'input.subsidyApproved']);
    const reinsurer = INSURERS.find((i) => i.reinsurer)!.name;
    const ceded = await app.execute(
      RecordReinsuranceDocument,
      { input: { ...base, amount: '2000000.00', creditCode: B, reinsurerId: counterpartyId.insurer(reinsurer), underlyingPolicyId: policyId, treatyNumber: 'T-1', cededShare: '40.0000' } },
      admin,
    );
    expect(ceded.data!.recordReinsurance.instrument).toEqual(
      instrumentOf('Reinsurance', 'REINSURANCE', B, '2000000.00', { startsOn: '2025-01-10', endsOn: null }, {
        cededShare: '40.0000',
        underlyingPolicy: { policyNumber: 'P-RD-1' },
      }),
    );
    const wrongHolder = await app.execute(
      RecordReinsuranceDocument,
      { input: { ...base, creditCode: C, reinsurerId: counterpartyId.insurer(insurer), underlyingPolicyId: policyId, treatyNumber: 'T-2', cededShare: '40.0000' } },
      admin,
    );
    expect(wrongHolder.data!.recordReinsurance.errors.map((e) => e.message)).toEqual([
      `${insurer} is not a reinsurer.`,
      `Policy P-RD-1 does not insure 武汉丙软件有限公司.`,
    ]);
  });

  it('records a collective bond of several issuers, each liable for its share', async () => {
    const ok = await app.execute(
      RecordBondIssueDocument,
      {
        input: {
          kind: 'COLLECTIVE_BOND',
          issuers: [{ creditCode: B, share: '50.0000' }, { creditCode: A, share: '30.0000' }, { creditCode: C, share: '20.0000' }],
          amount: '300000000.00',
          startsOn: '2024-06-01',
          code: '2480001',
          underwriter: '国家开发银行湖北省分行',
          couponRate: '5.8000',
          tenorMonths: 60,
          rating: 'AA',
          guarantor: '湖北省融资担保集团',
        },
      },
      admin,
    );
    expect(ok.data!.recordBondIssue.errors).toEqual([]);
    expect(ok.data!.recordBondIssue.instrument).toEqual({
      __typename: 'CollectiveBond',
      id: expect.any(String),
      kind: 'COLLECTIVE_BOND',
      status: 'ACTIVE',
      amount: '300000000.00',
      startsOn: '2024-06-01',
      endsOn: '2029-06-01',
      version: 1,
      voidedAt: null,
      voidReason: null,
      code: '2480001',
      tenorMonths: 60,
      enterprise: { creditCode: B },
      holders: [
        { share: '50.0000', isLead: true, amount: '150000000.00', enterprise: { creditCode: B } },
        { share: '30.0000', isLead: false, amount: '90000000.00', enterprise: { creditCode: A } },
        { share: '20.0000', isLead: false, amount: '60000000.00', enterprise: { creditCode: C } },
      ],
    });
    const bad = await app.execute(
      RecordBondIssueDocument,
      { input: { kind: 'SHORT_TERM_BILL', issuers: [{ creditCode: A, share: '90.0000' }], amount: '50000000.00', startsOn: '2025-01-01', code: '2480001', underwriter: '长江证券', couponRate: '3.2000', tenorMonths: 18 } },
      admin,
    );
    expect(bad.data!.recordBondIssue.errors.map((e) => [e.field, e.message])).toEqual([
      ['input.tenorMonths', 'Short-term financing bills run at most 12 months.'],
      ['input.issuers', "The issuers' shares add up to 90.0000%, not 100%."],
      ['input.code', 'An issue with code 2480001 is recorded already.'],
    ]);
    const lonely = await app.execute(
      RecordBondIssueDocument,
      { input: { kind: 'SME_COLLECTIVE_NOTE', issuers: [{ creditCode: A, share: '100.0000' }], amount: '50000000.00', startsOn: '2025-01-01', code: 'N1', underwriter: '长江证券', couponRate: '3.2000', tenorMonths: 36 } },
      admin,
    );
    expect(lonely.data!.recordBondIssue.errors.map((e) => e.message)).toEqual(['A collective issue has at least two issuers.']);
  });

  it('records listings, moves a NEEQ listing through its stages in order, and refuses going back', async () => {
    const listing = await app.execute(
      RecordNeeqListingDocument,
      { input: { creditCode: C, amount: '0.00', startsOn: '2024-03-01', sponsorBroker: '长江证券', stage: 'FILING_ACCEPTED', stageReachedOn: '2024-04-01', isFirstBatch: false } },
      admin,
    );
    const created = listing.data!.recordNeeqListing.instrument!;
    const pending = instrumentOf('NeeqListing', 'NEEQ_LISTING', C, '0.00', { startsOn: '2024-03-01', endsOn: null }, {
      status: 'PENDING',
      stockCode: null,
      stage: 'FILING_ACCEPTED',
      stageHistory: [{ stage: 'FILING_ACCEPTED', reachedOn: '2024-04-01' }],
      isFirstBatch: false,
    });
    expect(created).toEqual(pending);
    const noCode = await app.execute(AdvanceNeeqStageDocument, { input: { id: created.id, version: 1, stage: 'LISTED', reachedOn: '2024-09-01' } }, admin);
    expect(noCode.data!.advanceNeeqStage.errors.map((e) => e.message)).toEqual(['A listed company has a stock code.']);
    const listed = await app.execute(AdvanceNeeqStageDocument, { input: { id: created.id, version: 1, stage: 'LISTED', reachedOn: '2024-09-01', stockCode: '874321' } }, admin);
    expect(listed.data!.advanceNeeqStage.instrument).toEqual({
      ...pending,
      id: created.id,
      status: 'ACTIVE',
      stage: 'LISTED',
      stockCode: '874321',
      version: 2,
      stageHistory: [{ stage: 'FILING_ACCEPTED', reachedOn: '2024-04-01' }, { stage: 'LISTED', reachedOn: '2024-09-01' }],
    });
    const back = await app.execute(AdvanceNeeqStageDocument, { input: { id: created.id, version: 2, stage: 'REVIEW_FEEDBACK', reachedOn: '2024-10-01' } }, admin);
    expect(back.data!.advanceNeeqStage.errors.map((e) => [e.code, e.message])).toEqual([
      ['TRANSITION_NOT_ALLOWED', 'A listing at LISTED cannot move to REVIEW_FEEDBACK.'],
    ]);
    const otc = await app.execute(RecordRegionalOtcListingDocument, { input: { ...base, creditCode: C, center: '武汉股权托管交易中心', board: '科技板', custodyCode: 'WH000123' } }, admin);
    expect(otc.data!.recordRegionalOtcListing.instrument).toEqual(
      instrumentOf('RegionalOtcListing', 'REGIONAL_OTC_LISTING', C, '1000000.00', { startsOn: '2025-01-10', endsOn: null }, {}),
    );
  });

  it('records fund investments, risk compensation cover within the pool cap, and claims within the cover', async () => {
    const fund = await app.execute(RecordFundInvestmentDocument, { input: { ...base, amount: '8000000.00', creditCode: C, fundId: counterpartyId.fund(FUNDS[0]!.name), stake: '12.5000' } }, admin);
    expect(fund.data!.recordFundInvestment.instrument).toEqual(
      instrumentOf('FundInvestment', 'FUND_INVESTMENT', C, '8000000.00', { startsOn: '2025-01-10', endsOn: null }, { stake: '12.5000', fund: { name: FUNDS[0]!.name } }),
    );
    const loan = await app.execute(
      RecordCreditLoanDocument,
      { input: { ...base, amount: '3000000.00', creditCode: C, lenderId: bankGid('ICBC'), contractNumber: 'ICBC-9', interestRate: '3.6500', termMonths: 24 } },
      admin,
    );
    const loanId = loan.data!.recordCreditLoan.instrument!.id;
    const pool = POOLS[0]!;
    const tooBig = await app.execute(
      RecordRiskCompensationCoverDocument,
      { input: { ...base, amount: '6000000.00', creditCode: C, poolId: counterpartyId.pool(pool.name), coveredLoanId: loanId, coverageRatio: '40.0000' } },
      admin,
    );
    expect(tooBig.data!.recordRiskCompensationCover.errors.map((e) => e.message)).toEqual([
      `${pool.name} pays at most 5000000.00 per loan.`,
      'The cover exceeds the loan.',
    ]);
    const cover = await app.execute(
      RecordRiskCompensationCoverDocument,
      { input: { ...base, amount: '1200000.00', creditCode: C, poolId: counterpartyId.pool(pool.name), coveredLoanId: loanId, coverageRatio: '40.0000' } },
      admin,
    );
    expect(cover.data!.recordRiskCompensationCover.instrument).toEqual(
      instrumentOf('RiskCompensationCover', 'RISK_COMPENSATION', C, '1200000.00', { startsOn: '2025-01-10', endsOn: '2027-01-10' }, {
        coverageRatio: '40.0000',
        pool: { name: pool.name },
        coveredLoan: { id: loanId },
        claims: [],
      }),
    );
    const coverId = cover.data!.recordRiskCompensationCover.instrument!.id;
    const claim = await app.execute(RecordRiskCompensationClaimDocument, { input: { coverId, claimedOn: '2025-09-01', amount: '1000000.00' } }, admin);
    expect(claim.data!.recordRiskCompensationClaim).toEqual({ claim: { amount: '1000000.00', status: 'FILED' }, errors: [] });
    const over = await app.execute(RecordRiskCompensationClaimDocument, { input: { coverId, claimedOn: '2025-09-02', amount: '300000.00' } }, admin);
    expect(over.data!.recordRiskCompensationClaim.errors.map((e) => e.message)).toEqual([
      'Claims would reach 1300000.00, above the cover of 1200000.00.',
    ]);
    const someoneElses = await app.execute(
      RecordRiskCompensationCoverDocument,
      { input: { ...base, amount: '100000.00', creditCode: A, poolId: counterpartyId.pool(pool.name), coveredLoanId: loanId, coverageRatio: '40.0000' } },
      admin,
    );
    expect(someoneElses.data!.recordRiskCompensationCover.errors.map((e) => e.message)).toEqual(["The loan is not 武汉甲光电有限公司's."]);
  });

  it('changes an instrument status with its version only', async () => {
    const loan = await app.execute(
      RecordCreditLoanDocument,
      { input: { ...base, creditCode: B, lenderId: bankGid('BOC'), contractNumber: 'BOC-1', interestRate: '3.6500', termMonths: 12 } },
      admin,
    );
    const recorded = loan.data!.recordCreditLoan.instrument!;
    const id = recorded.id;
    const repaid = await app.execute(UpdateInstrumentStatusDocument, { input: { id, version: 1, status: 'COMPLETED' } }, admin);
    expect(repaid.data!.updateInstrumentStatus).toEqual({ errors: [], instrument: { ...recorded, status: 'COMPLETED', version: 2 } });
    const stale = await app.execute(UpdateInstrumentStatusDocument, { input: { id, version: 1, status: 'DEFAULTED' } }, admin);
    expect(stale.data!.updateInstrumentStatus.errors.map((e) => e.code)).toEqual(['STALE_VERSION']);
  });

});

describe('portfolio sums', () => {
  // A registry of its own: the sums are checked against the instruments recorded here, whatever else a test records.
  let app: TestApp;
  const [D, E, F] = [testCode(211), testCode(212), testCode(213)];
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  const ok = async <T extends Record<string, { errors: readonly unknown[]; instrument?: { id: string } | null }>>(p: Promise<{ data?: T | null }>) => {
    const data = (await p).data!;
    const payload = Object.values(data)[0]!;
    expect(payload.errors).toEqual([]);
    return payload.instrument!;
  };

  /** One of each kind but the SME notes, bills and medium-term notes; one credit loan repaid. */
  async function recordOneOfEachKind(): Promise<void> {
    for (const [code, name] of [[D, '武汉丁光电有限公司'], [E, '武汉戊生物有限公司'], [F, '武汉己软件有限公司']] as const) {
      const r = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, name) }, admin);
      expect(r.data!.createEnterprise.errors).toEqual([]);
    }
    const base = { amount: '1000000.00', startsOn: '2025-01-10' };
    const loan = { ...base, interestRate: '3.8500', termMonths: 12 };
    await ok(app.execute(RecordCreditLoanDocument, { input: { ...loan, creditCode: D, lenderId: bankGid('HANKOU'), contractNumber: 'S-1' } }, admin));
    const repaid = await ok(app.execute(RecordCreditLoanDocument, { input: { ...loan, creditCode: E, lenderId: bankGid('BOC'), contractNumber: 'S-2' } }, admin));
    await ok(app.execute(UpdateInstrumentStatusDocument, { input: { id: repaid.id, version: 1, status: 'COMPLETED' } }, admin));
    const covered = await ok(app.execute(RecordCreditLoanDocument, { input: { ...loan, amount: '3000000.00', creditCode: F, lenderId: bankGid('ICBC'), contractNumber: 'S-3' } }, admin));
    await ok(app.execute(RecordRiskCompensationCoverDocument, { input: { ...base, amount: '1200000.00', creditCode: F, poolId: counterpartyId.pool(POOLS[0]!.name), coveredLoanId: covered.id, coverageRatio: '40.0000' } }, admin));
    expect((await app.execute(RecordPatentDocument, { input: { creditCode: D, number: 'ZL201410012345.9', title: '一种装置', legalStatus: 'VALID', grantedOn: '2019-01-01' } }, admin)).data!.recordPatent.errors).toEqual([]);
    expect((await app.execute(RecordPatentAppraisalDocument, { input: { patentNumber: 'ZL201410012345.9', appraiser: '武汉知识产权评估中心', value: '2000000.00', appraisedOn: '2025-01-15' } }, admin)).data!.recordPatentAppraisal.errors).toEqual([]);
    await ok(app.execute(RecordIpPledgeLoanDocument, { input: { ...loan, amount: '1200000.00', creditCode: D, lenderId: bankGid('CMB'), contractNumber: 'S-4', termMonths: 24, pledges: [{ patentNumber: 'ZL201410012345.9' }] } }, admin));
    const insurer = INSURERS.find((i) => !i.reinsurer)!.name;
    const policy = await ok(app.execute(RecordTechInsuranceDocument, { input: { ...base, amount: '5000000.00', endsOn: '2026-01-09', creditCode: E, insurerId: counterpartyId.insurer(insurer), policyNumber: 'S-P-1', insuranceKind: 'RD_LIABILITY', premium: '60000.00' } }, admin));
    await ok(app.execute(RecordReinsuranceDocument, { input: { ...base, amount: '2000000.00', creditCode: E, reinsurerId: counterpartyId.insurer(INSURERS.find((i) => i.reinsurer)!.name), underlyingPolicyId: policy.id, treatyNumber: 'S-T-1', cededShare: '40.0000' } }, admin));
    await ok(
      app.execute(
        RecordBondIssueDocument,
        {
          input: {
            kind: 'COLLECTIVE_BOND',
            issuers: [{ creditCode: E, share: '50.0000' }, { creditCode: D, share: '30.0000' }, { creditCode: F, share: '20.0000' }],
            amount: '300000000.00',
            startsOn: '2024-06-01',
            code: 'S-2480001',
            underwriter: '国家开发银行湖北省分行',
            couponRate: '5.8000',
            tenorMonths: 60,
          },
        },
        admin,
      ),
    );
    const listing = await ok(app.execute(RecordNeeqListingDocument, { input: { creditCode: F, amount: '0.00', startsOn: '2024-03-01', sponsorBroker: '长江证券', stage: 'FILING_ACCEPTED', stageReachedOn: '2024-04-01', isFirstBatch: false } }, admin));
    await ok(app.execute(AdvanceNeeqStageDocument, { input: { id: listing.id, version: 1, stage: 'LISTED', reachedOn: '2024-09-01', stockCode: '874322' } }, admin));
    await ok(app.execute(RecordRegionalOtcListingDocument, { input: { ...base, creditCode: F, center: '武汉股权托管交易中心', board: '科技板', custodyCode: 'S-WH-1' } }, admin));
    await ok(app.execute(RecordFundInvestmentDocument, { input: { ...base, amount: '8000000.00', creditCode: F, fundId: counterpartyId.fund(FUNDS[0]!.name), stake: '12.5000' } }, admin));
  }

  it('sums the portfolio in SQL: each kind, a collective bond by the selected issuers’ shares only', async () => {
    await recordOneOfEachKind();
    const whole = (await app.execute(PortfolioSummaryDocument, {}, admin)).data!.portfolioSummary;
    expect(whole.enterpriseCount).toBe(3);
    const kinds = Object.fromEntries(whole.byInstrumentKind.map((k) => [k.kind, [k.count, k.totalAmount, k.activeCount, k.activeAmount]]));
    expect(kinds).toEqual({
      NEEQ_LISTING: [1, '0.00', 1, '0.00'],
      REGIONAL_OTC_LISTING: [1, '1000000.00', 1, '1000000.00'],
      CREDIT_LOAN: [3, '5000000.00', 2, '4000000.00'],
      IP_PLEDGE_LOAN: [1, '1200000.00', 1, '1200000.00'],
      TECH_INSURANCE: [1, '5000000.00', 1, '5000000.00'],
      REINSURANCE: [1, '2000000.00', 1, '2000000.00'],
      COLLECTIVE_BOND: [1, '300000000.00', 1, '300000000.00'],
      SME_COLLECTIVE_NOTE: [0, '0.00', 0, '0.00'],
      SHORT_TERM_BILL: [0, '0.00', 0, '0.00'],
      MEDIUM_TERM_NOTE: [0, '0.00', 0, '0.00'],
      FUND_INVESTMENT: [1, '8000000.00', 1, '8000000.00'],
      RISK_COMPENSATION: [1, '1200000.00', 1, '1200000.00'],
    });
    const onlyA = (await app.execute(PortfolioSummaryDocument, { filter: { search: '丁' } }, admin)).data!.portfolioSummary;
    expect(onlyA.enterpriseCount).toBe(1);
    expect(onlyA.byInstrumentKind.find((k) => k.kind === 'COLLECTIVE_BOND')).toEqual({
      kind: 'COLLECTIVE_BOND',
      count: 1,
      totalAmount: '90000000.00',
      activeCount: 1,
      activeAmount: '90000000.00',
    });
    expect(onlyA.byIndustry).toEqual([{ industry: 'OPTOELECTRONIC_INFORMATION', count: 1 }]);
  });
});
