import type { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { BANKS } from '../seeds/reference';
import {
  CreateEnterpriseDocument,
  EligibilityReceiptDocument,
  EligibilityReceiptNodeDocument,
  type EligibilityReceiptQuery,
  EligibilityWithReceiptsDocument,
  type EligibilityWithReceiptsQuery,
  GrantAuthorizationDocument,
  RecordCreditRatingDocument,
  RecordDishonestDebtorCheckDocument,
  RecordFiscalYearDocument,
  RecordHighTechCertificateDocument,
  RecordTaxCreditGradeDocument,
} from './support/generated/graphql';
import { TestApp } from './support/app';
import { criterionResult, figure, threshold } from './support/figures';
import { addMonths, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * Receipts of eligibility answers (issue 13, item 4): every answer to a bank carries a receipt id, and the receipt
 * says exactly what was answered, on which rules and facts, whatever is corrected afterwards. Only its bank and the
 * zone see it. Everything goes through GraphQL over HTTP, as a bank's system would.
 */
describe('eligibility receipts', () => {
  let app: TestApp;
  let sql: Client;
  let admin: string;
  let bank: string;
  const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
  const hubei = BANKS.find((b) => b.key === 'HUBEI')!;
  const AS_OF = '2026-06-30';
  const PROGRAM = 'CREDIT_LOAN';
  const PURPOSE = '科技信用贷款授信审查';
  /** Meets every criterion of the credit loan pilot. */
  const GOOD = testCode(2_101);
  /** Rated BB: fails the rating. */
  const WEAK = testCode(2_102);
  /** Registered, but gave the bank no authorization. */
  const SILENT = testCode(2_103);
  /** Not registered at all. */
  const UNKNOWN = testCode(2_199);

  const ok = async <T>(p: Promise<{ data?: T | null; errors?: unknown; status?: number }>): Promise<T> => {
    const r = await p;
    expect(JSON.stringify(r)).not.toContain('"errors":[{'); // neither a GraphQL error nor one in a payload
    return r.data!;
  };

  async function register(code: string, name: string, rating: 'BBB' | 'BB') {
    await ok(app.http(CreateEnterpriseDocument, { input: enterpriseInput(code, name) }, { token: admin }));
    for (const [fiscalYear, revenue] of [[2024, '36000000.00'], [2025, '40000000.00']] as const) {
      await ok(
        app.http(
          RecordFiscalYearDocument,
          { input: { creditCode: code, fiscalYear, revenue, rdExpense: '2000000.00', rdExpenseInChina: '2000000.00', highTechRevenue: '30000000.00', employees: 100, scienceAndTechnologyStaff: 20 } },
          { token: admin },
        ),
      );
    }
    await ok(app.http(RecordHighTechCertificateDocument, { input: { creditCode: code, number: `GR2024420${code.slice(12, 17)}`, issuedOn: '2024-01-01', criteriaVersion: 'RULES_2016' } }, { token: admin }));
    await ok(app.http(RecordCreditRatingDocument, { input: { creditCode: code, rating, agency: '东湖征信评级有限公司', ratedOn: '2026-01-10' } }, { token: admin }));
    await ok(app.http(RecordTaxCreditGradeDocument, { input: { creditCode: code, year: 2025, grade: 'A', evaluatedOn: '2026-04-15' } }, { token: admin }));
    await ok(app.http(RecordDishonestDebtorCheckDocument, { input: { creditCode: code, checkedOn: '2026-03-01', wasListed: false, source: '中国执行信息公开网' } }, { token: admin }));
  }

  async function authorize(code: string, bankCode: string) {
    const rep = await app.token(Role.ENTERPRISE_REP, code);
    const today = zoneToday();
    const granted = await ok(
      app.http(
        GrantAuthorizationDocument,
        { input: { creditCode: code, bankCreditCode: bankCode, scopes: ['PROFILE', 'ELIGIBILITY'], purpose: PURPOSE, validFrom: today, validUntil: addMonths(today, 12), signer: '李娜（财务总监）' } },
        { token: rep },
      ),
    );
    return granted.grantAuthorization.authorization!.id;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    sql = await app.sql();
    admin = await app.token(Role.ZONE_ADMIN);
    bank = await app.token(Role.BANK_OFFICER, hankou.creditCode);
    await register(GOOD, '武汉光谷回执激光科技有限公司', 'BBB');
    await register(WEAK, '武汉东湖回执光电有限公司', 'BB');
    await register(SILENT, '武汉未授权回执科技有限公司', 'BBB');
    await authorize(GOOD, hankou.creditCode);
    await authorize(WEAK, hankou.creditCode);
  });
  afterAll(() => app.close());

  type Answer = EligibilityWithReceiptsQuery['eligibility'][number];
  type Receipt = NonNullable<EligibilityReceiptQuery['eligibilityReceipt']>;

  const ask = (codes: string[], token = bank) =>
    ok(app.http(EligibilityWithReceiptsDocument, { program: PROGRAM, creditCodes: codes, asOf: AS_OF }, { token })).then((d) => d.eligibility);
  /** A receipt as `token` reads it. Its facts are the zone's: to anyone else masked, with the error that says so. */
  const receipt = async (id: string, token = bank): Promise<Receipt | null> => {
    const r = await app.http(EligibilityReceiptDocument, { id }, { token });
    const masked = (r.errors ?? []).filter((e) => e.path?.join('.') === 'eligibilityReceipt.facts');
    const shown = r.data?.eligibilityReceipt != null;
    expect(masked.map((e) => e.extensions)).toEqual(
      shown && token !== admin ? [{ code: 'FORBIDDEN', reason: 'ROLE', allowedRoles: ['ZONE_ADMIN'] }] : [],
    );
    const rest = (r.errors ?? []).filter((e) => !masked.includes(e));
    return (await ok(Promise.resolve({ ...r, errors: rest.length ? rest : undefined }))).eligibilityReceipt;
  };

  /** The receipt an answer must have: the answer itself, whole, with who got it, when, and (for the zone) the facts it rests on. */
  const receiptOf = (a: Answer, issuedAt: string, facts: Record<string, unknown> | null): Receipt => ({
    id: a.receiptId!,
    issuedAt,
    bankCreditCode: hankou.creditCode,
    creditCode: a.creditCode,
    program: a.program,
    rules: a.rules,
    asOf: a.asOf,
    isEligible: a.isEligible,
    checks: a.checks,
    facts,
  });

  /** Every check of the credit loan pilot (version 1) on an enterprise registered by `register`: words and figures, whole. */
  const SOURCE = '中国执行信息公开网';
  const AGENCY = '东湖征信评级有限公司';
  const registered = (name: string) =>
    criterionResult(
      'REGISTERED_IN_ZONE',
      'PASSED',
      [`${name}（光电子信息产业园），成立于2012-03-01；要求截至${AS_OF}成立满2年。`, `${name} (光电子信息产业园), founded 2012-03-01; at least 2 year(s) by ${AS_OF} required.`],
      { observed: [figure('FOUNDED_ON', { date: '2012-03-01' })], required: [threshold('FOUNDED_ON', { maximumDate: '2024-06-30' })] },
    );
  const certified = (number: string) =>
    criterionResult('HIGH_TECH_CERTIFICATE', 'PASSED', [`高新技术企业证书${number}有效期为2024-01-01至2026-12-31。`, `Certificate ${number} valid 2024-01-01 to 2026-12-31.`], {
      observed: [figure('HIGH_TECH_CERTIFICATE_ISSUED_ON', { subject: number, date: '2024-01-01' }), figure('HIGH_TECH_CERTIFICATE_EXPIRES_ON', { subject: number, date: '2026-12-31' })],
      required: [threshold('HIGH_TECH_CERTIFICATE_ISSUED_ON', { maximumDate: AS_OF }), threshold('HIGH_TECH_CERTIFICATE_EXPIRES_ON', { minimumDate: AS_OF })],
    });
  const revenue = criterionResult('REVENUE', 'PASSED', ['2025年度销售收入¥40,000,000.00；要求不超过2亿元。', 'Revenue ¥40,000,000.00 in 2025; at most ¥200m required.'], {
    observed: [figure('REVENUE', { fiscalYear: 2025, amount: '40000000.00' })],
    required: [threshold('REVENUE', { fiscalYear: 2025, maximumAmount: '200000000.00' })],
  });
  const rated = (rating: string) =>
    criterionResult(
      'CREDIT_RATING',
      rating === 'BBB' ? 'PASSED' : 'FAILED',
      [`2026-01-10由${AGENCY}评为${rating}级；要求BBB级或以上。`, `Rated ${rating} by ${AGENCY} on 2026-01-10; BBB or better required.`],
      {
        observed: [
          figure('CREDIT_RATING', { subject: AGENCY, text: rating }),
          figure('CREDIT_RATED_ON', { subject: AGENCY, date: '2026-01-10' }),
          // A rating is valid for a year by default: up to the day before its anniversary.
          figure('CREDIT_RATING_VALID_UNTIL', { subject: AGENCY, date: '2027-01-09' }),
        ],
        required: [
          threshold('CREDIT_RATING', { anyOf: ['AAA', 'AA', 'A', 'BBB'] }),
          threshold('CREDIT_RATED_ON', { maximumDate: AS_OF }),
          threshold('CREDIT_RATING_VALID_UNTIL', { minimumDate: AS_OF }),
        ],
      },
    );
  const taxGrade = criterionResult('TAX_CREDIT_GRADE', 'PASSED', ['2025年度纳税信用等级A级（2026-04-15评定）；要求A或B级。', 'Tax credit grade A for 2025 (published 2026-04-15); A or B required.'], {
    observed: [figure('TAX_CREDIT_GRADE', { fiscalYear: 2025, text: 'A' }), figure('TAX_CREDIT_GRADE_PUBLISHED_ON', { fiscalYear: 2025, date: '2026-04-15' })],
    required: [threshold('TAX_CREDIT_GRADE', { anyOf: ['A', 'B'] })],
  });
  const noDefault = criterionResult('NO_RECENT_DEFAULT', 'PASSED', [`截至${AS_OF}的24个月内无违约记录。`, `No default recorded in the 24 months to ${AS_OF}.`], {
    required: [threshold('DEFAULTED_ON', { maximumDate: '2024-06-30' })],
  });
  const checked = (checkedOn: string, listed: boolean) =>
    criterionResult(
      'NOT_DISHONEST_DEBTOR',
      listed ? 'FAILED' : 'PASSED',
      listed
        ? [`${checkedOn}查询（${SOURCE}）时被列为失信被执行人。`, `Listed as a dishonest judgment debtor when checked on ${checkedOn} (${SOURCE}).`]
        : [`${checkedOn}查询（${SOURCE}）时未被列为失信被执行人。`, `Not listed when checked on ${checkedOn} (${SOURCE}).`],
      {
        observed: [figure('DISHONEST_DEBTOR_CHECKED_ON', { subject: SOURCE, date: checkedOn }), figure('IS_DISHONEST_DEBTOR', { subject: SOURCE, isTrue: listed })],
        // Checked within 365 days of the date.
        required: [threshold('DISHONEST_DEBTOR_CHECKED_ON', { minimumDate: '2025-06-30' }), threshold('IS_DISHONEST_DEBTOR', { isTrue: false })],
      },
    );
  const checksOf = (name: string, code: string, rating: string, listed = checked('2026-03-01', false)) => [
    registered(name),
    certified(`GR2024420${code.slice(12, 17)}`),
    revenue,
    rated(rating),
    taxGrade,
    noDefault,
    listed,
  ];
  const refusal = (creditCode: string) => ({
    creditCode,
    program: { code: PROGRAM },
    rules: { version: 1, effectiveFrom: '2020-01-01' },
    asOf: AS_OF,
    isEligible: false,
    checks: [
      criterionResult('AUTHORIZATION', 'FAILED', [
        '该企业未向贵行出具包含资格查询（ELIGIBILITY）范围的有效授权，不能查询其资格。',
        'No active authorization from this enterprise lets your bank check its eligibility (scope ELIGIBILITY).',
      ]),
    ],
  });

  /** The facts the credit loan pilot's criteria read about an enterprise registered by `register`. */
  const factsOf = (code: string, name: string, rating: string, dishonestChecks: { checkedOn: string; listed: boolean; source: string }[]) => ({
    authorization: { scope: 'ELIGIBILITY', inForce: true, purpose: PURPOSE },
    enterprise: { creditCode: code, name, parkName: '光电子信息产业园', industry: 'OPTOELECTRONIC_INFORMATION', highTechField: null, economicSector: null, foundedOn: '2012-03-01', stateOwned: false,
      listedOnExchange: null, convertedInstitute: null, investedByConvertedInstitute: null, investedByAcademia: null, university: null },
    years: [
      { fiscalYear: 2024, revenue: '36000000.00', rdExpense: '2000000.00', rdExpenseInChina: '2000000.00', highTechRevenue: '30000000.00', totalIncome: null, totalAssets: null, employees: 100, stStaff: 20, rdStaff: null, innovationScore: null, majorIncident: null },
      { fiscalYear: 2025, revenue: '40000000.00', rdExpense: '2000000.00', rdExpenseInChina: '2000000.00', highTechRevenue: '30000000.00', totalIncome: null, totalAssets: null, employees: 100, stStaff: 20, rdStaff: null, innovationScore: null, majorIncident: null },
    ],
    certificates: [{ number: `GR2024420${code.slice(12, 17)}`, issuedOn: '2024-01-01', expiresOn: '2026-12-31' }],
    // A rating is valid for a year by default: up to the day before its anniversary.
    ratings: [{ rating, agency: '东湖征信评级有限公司', ratedOn: '2026-01-10', validUntil: '2027-01-09' }],
    taxGrades: [{ year: 2025, grade: 'A', evaluatedOn: '2026-04-15' }],
    dishonestChecks,
    defaults: [],
  });
  const FIRST_CHECK = { checkedOn: '2026-03-01', listed: false, source: '中国执行信息公开网' };
  const NOT_AUTHORIZED = { authorization: { scope: 'ELIGIBILITY', inForce: false } };

  /** The bank's first answers, and their receipts as the bank and the zone read them right after. */
  let first: Answer[];
  let firstReceipts: Receipt[];
  let firstReceiptsForZone: Receipt[];
  /** When the first answers were asked for (whichever test asked first: --randomize). */
  let asked: { before: Date; after: Date };
  const firstAsk = (() => {
    let run: Promise<void> | undefined;
    return () =>
      (run ??= (async () => {
        const before = new Date();
        first = await ask([GOOD, WEAK, SILENT, UNKNOWN]);
        asked = { before, after: new Date() };
        firstReceipts = (await Promise.all(first.map((a) => receipt(a.receiptId!)))).map((r) => r!);
        firstReceiptsForZone = (await Promise.all(first.map((a) => receipt(a.receiptId!, admin)))).map((r) => r!);
      })());
  })();

  it('gives every answer to a bank a receipt that says exactly what was answered, on which rules and facts', async () => {
    await firstAsk();
    const { before, after } = asked;
    expect(first.map(({ receiptId: _, ...answer }) => answer)).toEqual([
      { ...refusal(GOOD), isEligible: true, checks: checksOf('武汉光谷回执激光科技有限公司', GOOD, 'BBB') },
      { ...refusal(WEAK), isEligible: false, checks: checksOf('武汉东湖回执光电有限公司', WEAK, 'BB') },
      refusal(SILENT),
      refusal(UNKNOWN),
    ]);
    // Four answers, four receipts, each its own.
    expect(new Set(first.map((a) => a.receiptId)).size).toBe(4);
    // One insert, one instant for the whole call, within the call.
    const issuedAt = firstReceipts[0]!.issuedAt;
    expect(new Date(issuedAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect(new Date(issuedAt).getTime()).toBeLessThanOrEqual(after.getTime() + 1_000);
    // The bank reads what it was answered; the facts behind it are the zone's, who settles a dispute.
    expect(firstReceipts).toEqual(first.map((a) => receiptOf(a, issuedAt, null)));
    expect(firstReceiptsForZone).toEqual([
      receiptOf(first[0]!, issuedAt, factsOf(GOOD, '武汉光谷回执激光科技有限公司', 'BBB', [FIRST_CHECK])),
      receiptOf(first[1]!, issuedAt, factsOf(WEAK, '武汉东湖回执光电有限公司', 'BB', [FIRST_CHECK])),
      // A refusal rests on one fact, the same whether the code is registered or not.
      receiptOf(first[2]!, issuedAt, NOT_AUTHORIZED),
      receiptOf(first[3]!, issuedAt, NOT_AUTHORIZED),
    ]);
    // node(id:) finds it too.
    const node = await ok(app.http(EligibilityReceiptNodeDocument, { id: first[1]!.receiptId! }, { token: bank }));
    expect(node.node).toEqual({ __typename: 'EligibilityReceipt', id: first[1]!.receiptId, creditCode: WEAK, isEligible: false, checks: first[1]!.checks });
  });

  it('keeps the receipt as it was when the registry is corrected and the same question is answered otherwise', async () => {
    await firstAsk();
    // The enterprise turns up on the dishonest judgment debtor list; the zone records it.
    await ok(app.http(RecordDishonestDebtorCheckDocument, { input: { creditCode: GOOD, checkedOn: '2026-05-20', wasListed: true, source: '中国执行信息公开网' } }, { token: admin }));
    const [again] = await ask([GOOD]);
    expect(again).toEqual({
      ...refusal(GOOD),
      isEligible: false,
      checks: checksOf('武汉光谷回执激光科技有限公司', GOOD, 'BBB', checked('2026-05-20', true)),
      receiptId: again!.receiptId,
    });
    expect(again!.receiptId).not.toBe(first[0]!.receiptId);
    const now = (await receipt(again!.receiptId!))!;
    expect(now).toEqual(receiptOf(again!, now.issuedAt, null));
    expect(await receipt(again!.receiptId!, admin)).toEqual(
      receiptOf(again!, now.issuedAt, factsOf(GOOD, '武汉光谷回执激光科技有限公司', 'BBB', [{ checkedOn: '2026-05-20', listed: true, source: '中国执行信息公开网' }, FIRST_CHECK])),
    );
    // What the bank was told first is still what its receipt says, whole.
    expect(await Promise.all(first.map((a) => receipt(a.receiptId!)))).toEqual(firstReceipts);
    expect(await Promise.all(first.map((a) => receipt(a.receiptId!, admin)))).toEqual(firstReceiptsForZone);
    // And PostgreSQL itself refuses to change one, even to the owner of the table.
    await expect(sql.query('update eligibility_receipt set answer = answer')).rejects.toThrow('eligibility_receipt is immutable: UPDATE is refused');
    await expect(sql.query('delete from eligibility_receipt')).rejects.toThrow('eligibility_receipt is immutable: DELETE is refused');
    await expect(sql.query('truncate eligibility_receipt')).rejects.toThrow('eligibility_receipt is immutable: TRUNCATE is refused');
  });

  it('reads a receipt written before API v1 (English words only) with the figures derived from the facts it kept, changing nothing stored', async () => {
    await firstAsk();
    type StoredAnswer = { eligible: boolean; checks: { criterion: string; outcome: string; detail: string }[] };
    /** A copy of an answer's receipt as receipts were written before v1: each check's criterion, outcome and English words. */
    const writtenBeforeV1 = async (of: Answer, words: (check: StoredAnswer['checks'][number]) => string = (c) => c.detail) => {
      const from = fromGlobalId(of.receiptId!)!.id;
      const [row] = (await sql.query<{ answer: StoredAnswer; facts: Record<string, unknown> }>('select answer, facts from eligibility_receipt where id = $1', [from])).rows;
      const answer = { eligible: row!.answer.eligible, checks: row!.answer.checks.map((c) => ({ criterion: c.criterion, outcome: c.outcome, detail: words(c) })) };
      const { authorization, ...facts } = row!.facts;
      const id = randomUUID();
      await sql.query(
        `insert into eligibility_receipt (id, created_at, viewer_role, viewer_org, programme, rule_version_id, rule_version, rules_effective_from, as_of,
                                          credit_code, enterprise_id, authorization_id, answer, facts)
         select $2, created_at, viewer_role, viewer_org, programme, rule_version_id, rule_version, rules_effective_from, as_of,
                credit_code, enterprise_id, authorization_id, $3::jsonb, $4::jsonb
         from eligibility_receipt where id = $1`,
        [from, id, JSON.stringify(answer), JSON.stringify({ authorisation: authorization, ...facts })],
      );
      return { id, globalId: toGlobalId('EligibilityReceipt', id), answer };
    };
    const stored = async (id: string) => (await sql.query<{ answer: unknown }>('select answer from eligibility_receipt where id = $1', [id])).rows[0]!.answer;

    // Its words are what the rules say of its facts today: every figure is derived, and the Chinese words with them.
    const good = await writtenBeforeV1(first[0]!);
    expect(await receipt(good.globalId)).toEqual({ ...firstReceipts[0]!, id: good.globalId });
    // Words the rules would not write of its facts (here: another source): those stand alone, in both languages.
    const otherSource = 'Not listed when checked on 2026-03-01 (国家企业信用信息公示系统).';
    const weak = await writtenBeforeV1(first[1]!, (c) => (c.criterion === 'NOT_DISHONEST_DEBTOR' ? otherSource : c.detail));
    expect((await receipt(weak.globalId))!.checks).toEqual([
      ...first[1]!.checks.slice(0, -1),
      criterionResult('NOT_DISHONEST_DEBTOR', 'PASSED', [otherSource, otherSource]),
    ]);
    // A refusal in the words of then, with its Chinese.
    const before = 'No active authorisation from this enterprise lets your bank check its eligibility (scope ELIGIBILITY).';
    const silent = await writtenBeforeV1(first[2]!, () => before);
    expect((await receipt(silent.globalId))!.checks).toEqual([
      criterionResult('AUTHORIZATION', 'FAILED', ['该企业未向贵行出具包含资格查询（ELIGIBILITY）范围的有效授权，不能查询其资格。', before]),
    ]);
    // Read, nothing stored changed.
    expect([await stored(good.id), await stored(weak.id), await stored(silent.id)]).toEqual([good.answer, weak.answer, silent.answer]);
  });

  it('gives a malformed code its receipt too, saying only that the code is not valid', async () => {
    const [answer] = await ask([' abc ']);
    expect(answer!.checks.map((c) => [c.criterion, c.outcome, c.detailEnglish])).toEqual([
      ['CREDIT_CODE_VALID', 'FAILED', '"ABC" is not a Unified Social Credit Code: 18 characters, digits and capital letters except I, O, S, V, Z, with a 6-digit division code in positions 3–8.'],
    ]);
    const issued = (await receipt(answer!.receiptId!))!;
    expect(issued).toEqual(receiptOf(answer!, issued.issuedAt, null));
    expect((await receipt(answer!.receiptId!, admin))!.facts).toEqual({ creditCode: { isValid: false } });
  });

  it('shows a receipt to its bank and the zone only; anyone else gets null, as for an id that names nothing', async () => {
    await firstAsk();
    const id = first[0]!.receiptId!;
    expect([await receipt(id), await receipt(id, admin)]).toEqual([firstReceipts[0], firstReceiptsForZone[0]]);
    const others = [
      await app.token(Role.BANK_OFFICER, hubei.creditCode),
      await app.token(Role.ENTERPRISE_REP, GOOD),
      await app.token(Role.CPPCC_OFFICE),
    ];
    const unknown = toGlobalId('EligibilityReceipt', '00000000-0000-4000-8000-000000000000');
    for (const token of others) {
      expect(await Promise.all([receipt(id, token), receipt(first[2]!.receiptId!, token), receipt(unknown, token)])).toEqual([null, null, null]);
      expect((await ok(app.http(EligibilityReceiptNodeDocument, { id }, { token }))).node).toBeNull();
    }
    expect(await Promise.all([receipt(unknown), receipt('not-an-id'), receipt(toGlobalId('Enterprise', '00000000-0000-4000-8000-000000000000'))])).toEqual([null, null, null]);
    // Without a token: not even asked.
    const anonymous = await app.http(EligibilityReceiptDocument, { id }, {});
    expect([anonymous.status, anonymous.errors?.map((e) => e.extensions?.['code'])]).toEqual([401, ['UNAUTHENTICATED']]);
  });

  it('records the receipt with each check on the audit trail, and a bank reading a receipt as a read of the enterprise it shows', async () => {
    await firstAsk();
    const [{ seq: before }] = (await sql.query<{ seq: string }>('select coalesce(max(seq), 0)::text as seq from audit_event')).rows as [{ seq: string }];
    const [good, silent] = await ask([GOOD, SILENT]);
    await receipt(good!.receiptId!);
    await receipt(silent!.receiptId!);
    const events = await sql.query<{ operation: string; outcome: string; credit_code: string | null; receipt: string | null; read: boolean | null }>(
      `select a.operation, a.outcome, e.credit_code, a.details->>'receiptId' as receipt, (a.details->>'read')::boolean as read
       from audit_event a left join enterprise e on e.id = a.enterprise_id
       where a.actor_org = $1 and a.seq > $2::bigint order by a.seq`,
      [hankou.creditCode, before],
    );
    expect(events.rows).toEqual([
      { operation: 'eligibility', outcome: 'DONE', credit_code: GOOD, receipt: good!.receiptId, read: null },
      { operation: 'eligibility', outcome: 'DENIED', credit_code: null, receipt: silent!.receiptId, read: null },
      // Reading a refusal's receipt shows nothing of the enterprise: no read of it is recorded.
      { operation: 'eligibilityReceipt', outcome: 'DONE', credit_code: GOOD, receipt: null, read: true },
    ]);
  });

  it('writes the receipts of a call of any size in one statement', async () => {
    const count = async () => Number((await sql.query<{ n: string }>('select count(*)::text as n from eligibility_receipt')).rows[0]!.n);
    const run = (codes: string[]) => app.countStatements(() => ask(codes));
    const receiptsBefore = await count();
    const one = await run([GOOD]);
    const six = await run([GOOD, WEAK, SILENT, UNKNOWN, GOOD, testCode(2_198)]);
    const inserts = (sqls: string[]) => sqls.filter((s) => /^\s*insert\s+into\s+"?eligibility_receipt/i.test(s)).length;
    expect([one.result.length, six.result.length, inserts(one.sql), inserts(six.sql), await count()]).toEqual([1, 6, 1, 1, receiptsBefore + 7]);
    expect(six.statements).toBe(one.statements);
    // The same code asked twice in one call is answered twice, each answer with its own receipt.
    expect(six.result[4]!.receiptId).not.toBe(six.result[0]!.receiptId);
  });

  it('gives no answer when its receipts cannot be recorded', async () => {
    const count = async () => Number((await sql.query<{ n: string }>('select count(*)::text as n from eligibility_receipt')).rows[0]!.n);
    const eligibilityEvents = async () =>
      Number((await sql.query<{ n: string }>("select count(*)::text as n from audit_event where operation = 'eligibility' and actor_org = $1", [hankou.creditCode])).rows[0]!.n);
    const [receiptsBefore, eventsBefore] = [await count(), await eligibilityEvents()];
    await sql.query(`create function test_refuse_receipt() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await sql.query('create trigger test_refuse_receipt before insert on eligibility_receipt for each statement execute function test_refuse_receipt()');
    try {
      const refused = await app.http(EligibilityWithReceiptsDocument, { program: PROGRAM, creditCodes: [GOOD, WEAK], asOf: AS_OF }, { token: bank });
      expect({ status: refused.status, data: refused.data, errors: refused.errors?.map((e) => [e.extensions?.['code'], e.message]) }).toEqual({
        status: 503,
        data: null,
        errors: [['SERVICE_UNAVAILABLE', 'The receipts of this eligibility answer could not be recorded, so it is not given; try again.']],
      });
    } finally {
      await sql.query('drop trigger test_refuse_receipt on eligibility_receipt');
      await sql.query('drop function test_refuse_receipt()');
    }
    // Nothing recorded: no receipt, and no check on the trail as if it had been answered.
    expect([await count(), await eligibilityEvents()]).toEqual([receiptsBefore, eventsBefore]);
  });

  it('gives administrators and representatives no receipt (their answers settle nothing with a counterparty)', async () => {
    const rep = await app.token(Role.ENTERPRISE_REP, GOOD);
    const [byAdmin] = await ask([GOOD], admin);
    const [byRep] = await ask([GOOD], rep);
    expect([byAdmin!.receiptId, byRep!.receiptId]).toEqual([null, null]);
  });
});
