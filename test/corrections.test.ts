import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { CriterionKind, CRITERIA } from '../src/modules/eligibility/criteria';
import { BANKS } from '../seeds/reference';
import {
  CorrectCreditRatingDocument,
  CorrectDishonestDebtorCheckDocument,
  CorrectPatentAppraisalDocument,
  CreateEnterpriseDocument,
  CreditEligibilityDocument,
  CreditStandingDocument,
  RecordChangesDocument,
  RecordCreditRatingDocument,
  RecordDishonestDebtorCheckDocument,
  RecordedFactsDocument,
  RecordIpPledgeLoanDocument,
  RecordPatentAppraisalDocument,
  RecordPatentDocument,
  UpdatePatentDocument,
  VoidCreditRatingDocument,
  VoidDishonestDebtorCheckDocument,
  VoidPatentAppraisalDocument,
} from './support/generated/graphql';
import { as, TestApp } from './support/app';
import { counterpartyId, enterpriseInput, patentNumber, resetRegistry, testCode } from './support/registry';

const admin = as(Role.ZONE_ADMIN);
const AS_OF = '2026-06-30';
const AGENCY = '东湖征信评级有限公司';
const SOURCE = '中国执行信息公开网';
const HANKOU = BANKS.find((b) => b.key === 'HANKOU')!.creditCode;

/**
 * Recorded facts people get wrong (issue 14, item 8): a credit rating, a dishonest-debtor check or a patent appraisal
 * is corrected under the version read, or voided with a reason; each is on the audit trail with the record before
 * and after; a voided one counts in no eligibility answer and no list, and stays readable by id with its reason.
 */
describe('corrections and voids of recorded facts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  const ok = <T extends { errors: unknown[] }>(payload: T): T => {
    expect(payload.errors).toEqual([]);
    return payload;
  };
  const enterprise = async (n: number, name: string) => {
    const code = testCode(n);
    ok((await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(code, name, { foundedOn: '2015-03-01' }) }, admin)).data!.createEnterprise);
    return code;
  };
  const rate = async (code: string, rating: 'BB' | 'BBB' | 'A', ratedOn = '2026-01-10') =>
    ok((await app.execute(RecordCreditRatingDocument, { input: { creditCode: code, rating, agency: AGENCY, ratedOn } }, admin)).data!.recordCreditRating)
      .creditRating!;
  const checkList = async (code: string, wasListed: boolean, checkedOn = '2026-03-01') =>
    ok((await app.execute(RecordDishonestDebtorCheckDocument, { input: { creditCode: code, checkedOn, wasListed, source: SOURCE } }, admin)).data!
      .recordDishonestDebtorCheck).dishonestDebtorCheck!;
  /** The credit-rating and dishonest-debtor checks of the CREDIT_LOAN programme for one enterprise on AS_OF. */
  const standing = async (code: string) => {
    const { data, errors } = await app.execute(CreditEligibilityDocument, { creditCodes: [code], asOf: AS_OF }, admin);
    expect(errors).toBeUndefined();
    return data!.eligibility[0]!.checks.filter((c) => c.criterion === 'CREDIT_RATING' || c.criterion === 'NOT_DISHONEST_DEBTOR');
  };
  /** The newest event of `operation` concerning the enterprise, as the trail shows it. */
  const lastChange = async (operation: string, code: string) =>
    (await app.execute(RecordChangesDocument, { operation, creditCode: code, first: 1 }, admin)).data!.auditEvents.edges[0]?.node;
  /** The enterprises among `ids` the CREDIT_RATING criterion's SQL twin (outreach) finds rated BBB or better on AS_OF. */
  const ratedInSql = async (ids: string[]) => {
    const { sql, bindings } = CRITERIA[CriterionKind.CREDIT_RATING].sql!({ kind: CriterionKind.CREDIT_RATING, minimumRating: 'BBB' } as never, AS_OF);
    const rows = await app.orm.em.fork().execute<{ credit_code: string }[]>(
      `select e.credit_code from enterprise e where e.credit_code = any(?::text[]) and ${sql} order by e.credit_code`,
      [`{${ids.join(',')}}`, ...bindings],
    );
    return rows.map((r) => r.credit_code);
  };

  it('corrects a credit rating under its version, on the audit trail with the rating before and after and the reason', async () => {
    const code = await enterprise(6001, '武汉更正评级光电有限公司');
    const rating = await rate(code, 'BB');
    expect(await standing(code)).toEqual([
      { criterion: 'CREDIT_RATING', outcome: 'FAILED', detail: `Rated BB by ${AGENCY} on 2026-01-10; BBB or better required.` },
      { criterion: 'NOT_DISHONEST_DEBTOR', outcome: 'UNKNOWN', detail: `Never checked against the dishonest debtor list by ${AS_OF}.` },
    ]);

    const reason = '评级报告原文为BBB级，录入时误作BB级。';
    const corrected = await app.execute(CorrectCreditRatingDocument, { input: { id: rating.id, version: 1, reason, rating: 'BBB' } }, admin);
    expect(corrected.data!.correctCreditRating).toEqual({
      creditRating: { id: rating.id, version: 2, rating: 'BBB', agency: AGENCY, ratedOn: '2026-01-10', validUntil: '2027-01-09', voidedAt: null, voidReason: null },
      errors: [],
    });
    expect(await lastChange('correctCreditRating', code)).toEqual({
      operation: 'correctCreditRating',
      outcome: 'DONE',
      enterprise: { creditCode: code },
      change: {
        recordId: rating.id,
        reason,
        before: { version: 1, rating: 'BB', agency: AGENCY, ratedOn: '2026-01-10', validUntil: '2027-01-09', voidedAt: null },
        after: { version: 2, rating: 'BBB', agency: AGENCY, ratedOn: '2026-01-10', validUntil: '2027-01-09', voidedAt: null },
      },
    });
    // Eligibility reads the corrected rating.
    expect((await standing(code))[0]).toEqual({ criterion: 'CREDIT_RATING', outcome: 'PASSED', detail: `Rated BBB by ${AGENCY} on 2026-01-10; BBB or better required.` });
  });

  it('refuses a correction or a void naming a version read before a change, and changes nothing', async () => {
    const code = await enterprise(6002, '武汉过期版本评级有限公司');
    const rating = await rate(code, 'BB');
    ok((await app.execute(CorrectCreditRatingDocument, { input: { id: rating.id, version: 1, reason: '更正评级机构名称。', agency: '武汉信用评级有限公司' } }, admin)).data!.correctCreditRating);
    const stale = { __typename: 'StaleVersionError', code: 'STALE_VERSION', field: 'input.version', currentVersion: 2, message: 'The credit rating is at version 2, not 1: someone changed it since you read it.' };
    const again = await app.execute(CorrectCreditRatingDocument, { input: { id: rating.id, version: 1, reason: '更正评级。', rating: 'A' } }, admin);
    expect(again.data!.correctCreditRating).toEqual({ creditRating: null, errors: [stale] });
    const voided = await app.execute(VoidCreditRatingDocument, { input: { id: rating.id, version: 1, reason: '误录。' } }, admin);
    expect(voided.data!.voidCreditRating).toEqual({ creditRating: null, errors: [stale] });
    expect((await app.execute(RecordedFactsDocument, { id: rating.id }, admin)).data!.node).toEqual({
      __typename: 'CreditRatingRecord',
      id: rating.id,
      version: 2,
      rating: 'BB',
      agency: '武汉信用评级有限公司',
      ratedOn: '2026-01-10',
      validUntil: '2027-01-09',
      voidedAt: null,
      voidReason: null,
    });
  });

  it('voids a credit rating: no eligibility answer (evaluated or in SQL) and no list reads it, an administrator still reads it with its reason', async () => {
    const code = await enterprise(6003, '武汉作废评级激光有限公司');
    const kept = await enterprise(6004, '武汉保留评级激光有限公司');
    await rate(kept, 'A');
    const older = await rate(code, 'BBB', '2025-12-01');
    const wrong = await rate(code, 'A', '2026-02-01');
    expect((await standing(code))[0]).toEqual({ criterion: 'CREDIT_RATING', outcome: 'PASSED', detail: `Rated A by ${AGENCY} on 2026-02-01; BBB or better required.` });

    const reason = '该评级属于同名的另一家企业，误录。';
    const voided = await app.execute(VoidCreditRatingDocument, { input: { id: wrong.id, version: 1, reason } }, admin);
    // DateTime values come back as instants (a client reads them as RFC 3339 text); the trail keeps the text.
    const voidedAt = voided.data!.voidCreditRating.creditRating?.voidedAt as unknown as Date;
    expect(voidedAt).toBeInstanceOf(Date);
    const asVoided = { id: wrong.id, version: 2, rating: 'A', agency: AGENCY, ratedOn: '2026-02-01', validUntil: '2027-01-31', voidedAt, voidReason: reason };
    expect(voided.data!.voidCreditRating).toEqual({ creditRating: asVoided, errors: [] });
    expect(await lastChange('voidCreditRating', code)).toEqual({
      operation: 'voidCreditRating',
      outcome: 'DONE',
      enterprise: { creditCode: code },
      change: {
        recordId: wrong.id,
        reason,
        before: { version: 1, rating: 'A', agency: AGENCY, ratedOn: '2026-02-01', validUntil: '2027-01-31', voidedAt: null },
        after: { version: 2, rating: 'A', agency: AGENCY, ratedOn: '2026-02-01', validUntil: '2027-01-31', voidedAt: voidedAt.toISOString() },
      },
    });

    // The rating before it is the one in force again; the outreach's SQL twin agrees.
    expect((await standing(code))[0]).toEqual({ criterion: 'CREDIT_RATING', outcome: 'PASSED', detail: `Rated BBB by ${AGENCY} on 2025-12-01; BBB or better required.` });
    expect(await ratedInSql([code, kept])).toEqual([code, kept].sort());
    const standingList = (await app.execute(CreditStandingDocument, { creditCode: code }, admin)).data!.enterprise!;
    expect(standingList.creditRatings!.nodes).toEqual([{ ...older, voidedAt: null, voidReason: null }]);
    // Read by id, with when and why.
    expect((await app.execute(RecordedFactsDocument, { id: wrong.id }, admin)).data!.node).toEqual({ __typename: 'CreditRatingRecord', ...asVoided });

    // Voiding the last one leaves none: UNKNOWN, and the SQL twin finds only the other enterprise.
    ok((await app.execute(VoidCreditRatingDocument, { input: { id: older.id, version: 1, reason: '评级报告未正式出具。' } }, admin)).data!.voidCreditRating);
    expect((await standing(code))[0]).toEqual({ criterion: 'CREDIT_RATING', outcome: 'UNKNOWN', detail: `No SME credit rating on record by ${AS_OF}.` });
    expect(await ratedInSql([code, kept])).toEqual([kept]);

    // A voided record is neither corrected nor voided again.
    const refused = {
      __typename: 'TransitionNotAllowedError',
      code: 'TRANSITION_NOT_ALLOWED',
      field: 'input.id',
      message: `The credit rating was voided on ${voidedAt.toISOString()}: it can be neither corrected nor voided again; record a new one.`,
    };
    expect((await app.execute(CorrectCreditRatingDocument, { input: { id: wrong.id, version: 2, reason: '恢复。', rating: 'AA' as never } }, admin)).data!.correctCreditRating).toEqual({
      creditRating: null,
      errors: [refused],
    });
    expect((await app.execute(VoidCreditRatingDocument, { input: { id: wrong.id, version: 2, reason: '再次作废。' } }, admin)).data!.voidCreditRating).toEqual({
      creditRating: null,
      errors: [refused],
    });
  });

  it('refuses a correction that changes nothing, an empty reason, an id of another type, and values that break the rules', async () => {
    const code = await enterprise(6005, '武汉无效更正科技有限公司');
    const rating = await rate(code, 'BBB');
    const correct = async (input: Record<string, unknown>) =>
      (await app.execute(CorrectCreditRatingDocument, { input: { id: rating.id, version: 1, reason: '更正。', ...input } as never }, admin)).data!.correctCreditRating.errors.map((e) => [e.code, e.field]);
    expect(await correct({ rating: 'BBB', agency: ` ${AGENCY} ` })).toEqual([['INVALID_INPUT', 'input']]);
    expect(await correct({ reason: ' ', rating: 'A' })).toEqual([['INVALID_INPUT', 'input.reason']]);
    expect(await correct({ validUntil: '2025-12-31' })).toEqual([['INVALID_INPUT', 'input.validUntil']]);
    expect(await correct({ ratedOn: '2099-01-01' })).toEqual([['INVALID_INPUT', 'input.ratedOn'], ['INVALID_INPUT', 'input.ratedOn']]);
    expect(await correct({ id: toGlobalId('DishonestDebtorCheck', '00000000-0000-4000-8000-000000000000'), rating: 'A' })).toEqual([['INVALID_INPUT', 'input.id']]);
    expect(await correct({ id: toGlobalId('CreditRatingRecord', '00000000-0000-4000-8000-000000000000'), rating: 'A' })).toEqual([['NOT_FOUND', 'input.id']]);
    expect((await app.execute(RecordedFactsDocument, { id: rating.id }, admin)).data!.node).toMatchObject({ version: 1, rating: 'BBB' });
  });

  it('corrects and voids dishonest-debtor checks: the criterion reads the corrected one and no voided one', async () => {
    const code = await enterprise(6006, '武汉失信更正科技有限公司');
    const listed = await checkList(code, true);
    expect((await standing(code))[1]).toEqual({
      criterion: 'NOT_DISHONEST_DEBTOR',
      outcome: 'FAILED',
      detail: `Listed as a dishonest judgment debtor when checked on 2026-03-01 (${SOURCE}).`,
    });
    const reason = '复核查询结果：该企业未被列入失信被执行人名单，原记录系同名企业。';
    const corrected = await app.execute(CorrectDishonestDebtorCheckDocument, { input: { id: listed.id, version: 1, reason, wasListed: false } }, admin);
    expect(corrected.data!.correctDishonestDebtorCheck).toEqual({
      dishonestDebtorCheck: { id: listed.id, version: 2, checkedOn: '2026-03-01', wasListed: false, source: SOURCE, voidedAt: null, voidReason: null },
      errors: [],
    });
    expect(await lastChange('correctDishonestDebtorCheck', code)).toEqual({
      operation: 'correctDishonestDebtorCheck',
      outcome: 'DONE',
      enterprise: { creditCode: code },
      change: {
        recordId: listed.id,
        reason,
        before: { version: 1, checkedOn: '2026-03-01', wasListed: true, source: SOURCE, voidedAt: null },
        after: { version: 2, checkedOn: '2026-03-01', wasListed: false, source: SOURCE, voidedAt: null },
      },
    });
    expect((await standing(code))[1]).toEqual({ criterion: 'NOT_DISHONEST_DEBTOR', outcome: 'PASSED', detail: `Not listed when checked on 2026-03-01 (${SOURCE}).` });

    // A later check recorded in error (it found the enterprise listed) and voided: the corrected one counts again.
    const later = await checkList(code, true, '2026-05-01');
    expect((await standing(code))[1]!.outcome).toBe('FAILED');
    const voidReason = '查询对象的统一社会信用代码与本企业不符，误录。';
    const voided = await app.execute(VoidDishonestDebtorCheckDocument, { input: { id: later.id, version: 1, reason: voidReason } }, admin);
    const voidedAt = voided.data!.voidDishonestDebtorCheck.dishonestDebtorCheck?.voidedAt as unknown as Date;
    expect(voided.data!.voidDishonestDebtorCheck).toEqual({
      dishonestDebtorCheck: { id: later.id, version: 2, checkedOn: '2026-05-01', wasListed: true, source: SOURCE, voidedAt: expect.any(Date), voidReason },
      errors: [],
    });
    expect((await lastChange('voidDishonestDebtorCheck', code))!.change).toEqual({
      recordId: later.id,
      reason: voidReason,
      before: { version: 1, checkedOn: '2026-05-01', wasListed: true, source: SOURCE, voidedAt: null },
      after: { version: 2, checkedOn: '2026-05-01', wasListed: true, source: SOURCE, voidedAt: voidedAt.toISOString() },
    });
    expect((await standing(code))[1]).toEqual({ criterion: 'NOT_DISHONEST_DEBTOR', outcome: 'PASSED', detail: `Not listed when checked on 2026-03-01 (${SOURCE}).` });
    expect((await app.execute(CreditStandingDocument, { creditCode: code }, admin)).data!.enterprise!.dishonestDebtorChecks!.nodes.map((c) => c.id)).toEqual([listed.id]);
  });

  describe('patents and their appraisals', () => {
    const rep = (code: string) => as(Role.ENTERPRISE_REP, code);
    const patent = async (code: string, digits: string, by = admin) => {
      const number = patentNumber(digits);
      const p = ok((await app.execute(RecordPatentDocument, { input: { creditCode: code, number, title: '一种光纤光栅传感器', legalStatus: 'VALID', grantedOn: '2020-06-01' } }, by)).data!.recordPatent).patent!;
      return { ...p, number };
    };
    const appraise = async (number: string, value: string, appraisedOn: string, by = admin) =>
      ok((await app.execute(RecordPatentAppraisalDocument, { input: { patentNumber: number, appraiser: '湖北众联资产评估有限公司', value, appraisedOn } }, by)).data!
        .recordPatentAppraisal).patentAppraisal!;

    it('lets a representative correct its own appraisal (on the trail) and no other enterprise’s', async () => {
      const code = await enterprise(6011, '武汉评估更正光电有限公司');
      const other = await enterprise(6012, '武汉他人评估光电有限公司');
      const p = await patent(code, '201910006011');
      const a = await appraise(p.number, '300000.00', '2026-01-15', rep(code));
      const reason = '评估报告载明价值为3,000,000.00元，录入时少一位。';
      const corrected = await app.execute(CorrectPatentAppraisalDocument, { input: { id: a.id, version: 1, reason, value: '3000000.00' } }, rep(code));
      expect(corrected.data!.correctPatentAppraisal).toEqual({
        patentAppraisal: { id: a.id, version: 2, appraiser: '湖北众联资产评估有限公司', value: '3000000.00', appraisedOn: '2026-01-15', voidedAt: null, voidReason: null },
        errors: [],
      });
      expect(await lastChange('correctPatentAppraisal', code)).toEqual({
        operation: 'correctPatentAppraisal',
        outcome: 'DONE',
        enterprise: { creditCode: code },
        change: {
          recordId: a.id,
          reason,
          before: { version: 1, appraiser: '湖北众联资产评估有限公司', value: '300000.00', appraisedOn: '2026-01-15', voidedAt: null },
          after: { version: 2, appraiser: '湖北众联资产评估有限公司', value: '3000000.00', appraisedOn: '2026-01-15', voidedAt: null },
        },
      });
      const theirs = await appraise((await patent(other, '201910006012')).number, '500000.00', '2026-01-15');
      expect((await app.execute(CorrectPatentAppraisalDocument, { input: { id: theirs.id, version: 1, reason: '更正。', value: '5000000.00' } }, rep(code))).data!.correctPatentAppraisal).toEqual({
        patentAppraisal: null,
        errors: [{ __typename: 'NotPermittedError', code: 'NOT_PERMITTED', field: 'input.id', message: 'A representative changes its own enterprise’s records only.' }],
      });
    });

    it('voids an appraisal: it leaves the patent’s appraisals and the next pledge; one a pledge relies on stays', async () => {
      const code = await enterprise(6013, '武汉评估作废激光有限公司');
      const p = await patent(code, '201910006013');
      const relied = await appraise(p.number, '2000000.00', '2025-12-01');
      const wrong = await appraise(p.number, '9000000.00', '2026-02-01');
      const reason = '评估机构撤回该报告。';
      const voided = await app.execute(VoidPatentAppraisalDocument, { input: { id: wrong.id, version: 1, reason } }, admin);
      expect(voided.data!.voidPatentAppraisal).toEqual({
        patentAppraisal: { ...wrong, version: 2, voidedAt: expect.any(Date), voidReason: reason, appraiser: '湖北众联资产评估有限公司' },
        errors: [],
      });
      const patents = (await app.execute(CreditStandingDocument, { creditCode: code }, admin)).data!.enterprise!.patents!.nodes;
      expect(patents).toEqual([
        { number: p.number, version: 1, legalStatus: 'VALID', appraisals: [{ ...relied, version: 1, voidedAt: null, voidReason: null }] },
      ]);

      // A new pledge relies on the latest appraisal that stands, not the voided one.
      const loan = await app.execute(
        RecordIpPledgeLoanDocument,
        {
          input: {
            creditCode: code, lenderId: counterpartyId.bank('HANKOU'), contractNumber: 'HK-IP-6013', amount: '1000000.00', startsOn: '2026-03-01', interestRate: '4.3500',
            termMonths: 12, pledges: [{ patentNumber: p.number }],
          },
        },
        admin,
      );
      expect(loan.data!.recordIpPledgeLoan.errors).toEqual([]);
      const [pledge] = await app.orm.em.fork().execute<{ appraisal_id: string }[]>('select appraisal_id from ip_pledge where patent_id = (select id from patent where number = ?)', [p.number]);
      expect(toGlobalId('PatentAppraisal', pledge!.appraisal_id)).toBe(relied.id);
      expect((await app.execute(VoidPatentAppraisalDocument, { input: { id: relied.id, version: 1, reason: '误录。' } }, admin)).data!.voidPatentAppraisal).toEqual({
        patentAppraisal: null,
        errors: [
          {
            __typename: 'TransitionNotAllowedError',
            code: 'TRANSITION_NOT_ALLOWED',
            field: 'input.id',
            message: 'A pledge registered on 2026-03-01 relies on this appraisal: it cannot be voided; correct it instead.',
          },
        ],
      });
    });

    it('brings a patent up to date under its version: granted, then lapsed; the trail keeps the patent before and after', async () => {
      const code = await enterprise(6014, '武汉专利更新科技有限公司');
      const number = patentNumber('202010006014');
      const pending = ok((await app.execute(RecordPatentDocument, { input: { creditCode: code, number, title: '一种光模块', legalStatus: 'PENDING' } }, rep(code))).data!.recordPatent).patent!;
      expect(pending).toEqual({ id: expect.any(String), version: 1, number, type: 'INVENTION', title: '一种光模块', legalStatus: 'PENDING', grantedOn: null });
      const update = (input: Record<string, unknown>, by = rep(code)) => app.execute(UpdatePatentDocument, { input: { id: pending.id, reason: '国家知识产权局公告。', ...input } as never }, by);

      // Granted needs its date.
      expect((await update({ version: 1, legalStatus: 'VALID' })).data!.updatePatent.errors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', 'input.grantedOn']]);
      const granted = await update({ version: 1, legalStatus: 'VALID', grantedOn: '2026-04-07', reason: '2026年4月7日授权公告。' });
      expect(granted.data!.updatePatent).toEqual({
        patent: { id: pending.id, version: 2, number, title: '一种光模块', legalStatus: 'VALID', grantedOn: '2026-04-07' },
        errors: [],
      });
      expect((await lastChange('updatePatent', code))!.change).toEqual({
        recordId: pending.id,
        reason: '2026年4月7日授权公告。',
        before: { version: 1, number, title: '一种光模块', legalStatus: 'PENDING', grantedOn: null },
        after: { version: 2, number, title: '一种光模块', legalStatus: 'VALID', grantedOn: '2026-04-07' },
      });
      const lapsed = await update({ version: 2, legalStatus: 'LAPSED', reason: '未缴纳第二年年费，专利权终止。' });
      expect(lapsed.data!.updatePatent.patent).toEqual({ id: pending.id, version: 3, number, title: '一种光模块', legalStatus: 'LAPSED', grantedOn: '2026-04-07' });
      // Stale, and another enterprise's representative.
      expect((await update({ version: 2, title: '一种光收发模块' })).data!.updatePatent.errors.map((e) => e.code)).toEqual(['STALE_VERSION']);
      const other = await enterprise(6015, '武汉他人专利科技有限公司');
      expect((await update({ version: 3, title: '一种光收发模块' }, rep(other))).data!.updatePatent.errors.map((e) => e.code)).toEqual(['NOT_PERMITTED']);
    });
  });
});
