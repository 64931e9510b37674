import { Role } from '../src/auth/roles';
import { fromGlobalId } from '../src/common/global-id';
import { as, TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * NEEQ (新三板) listings as the market's rules have them, through GraphQL: one live listing per company (held by
 * PostgreSQL too, under concurrent requests), stock codes by listing date (430xxx in the pilot era), tiers only while
 * they existed (精选层 until it became the Beijing Stock Exchange on 2021-11-15), and a move to the BSE open to 创新层
 * companies listed at least 12 months.
 */

const admin = as(Role.ZONE_ADMIN);
let next = 14_200;
const RESULT = `instrument { ... on NeeqListing { id status stage stockCode tier endsOn stageHistory { stage reachedOn } } }
  errors { __typename code field message ... on LiveNeeqListingError { liveListingId } }`;

describe('NEEQ listings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  /** A new company of its own. */
  async function company(name: string): Promise<string> {
    const code = testCode(next++);
    const r = await app.execute<any, any>(
      'mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { message } } }',
      { input: enterpriseInput(code, name, { foundedOn: '2005-03-01' }) },
      admin,
    );
    expect(r.data.createEnterprise.errors).toEqual([]);
    return code;
  }

  const record = async (creditCode: string, input: Record<string, unknown>) =>
    (
      await app.execute<any, any>(`mutation ($input: RecordNeeqListingInput!) { recordNeeqListing(input: $input) { ${RESULT} } }`, {
        input: { creditCode, amount: '0.00', startsOn: '2011-06-01', sponsorBroker: '长江证券', isFirstBatch: false, ...input },
      }, admin)
    ).data.recordNeeqListing;

  const advance = async (id: string, version: number, stage: string, on: string, stockCode?: string) =>
    (
      await app.execute<any, any>(
        `mutation ($input: AdvanceNeeqStageInput!) { advanceNeeqStage(input: $input) { ${RESULT} } }`,
        { input: { id, version, stage, reachedOn: on, stockCode } },
        admin,
      )
    ).data.advanceNeeqStage;

  /** [field, message] of each error (and its type and code when not a plain INVALID_INPUT). */
  const problems = (payload: any) =>
    payload.errors.map((e: any) => (e.__typename === 'InvalidInputError' && e.code === 'INVALID_INPUT' ? [e.field, e.message] : [e.__typename, e.code, e.field, e.message]));

  it('refuses a second live listing of a company with a typed error naming the live one; a past one or one after it ended is taken', async () => {
    const code = await company('武汉唯一挂牌光电股份有限公司');
    const first = await record(code, { stage: 'FILING_ACCEPTED', startsOn: '2019-03-01', stageReachedOn: '2019-04-01' });
    expect(first.errors).toEqual([]);
    const live = first.instrument.id;
    for (const stage of [{ stage: 'JOINT_STOCK_REFORM' }, { stage: 'LISTED', stockCode: '873456' }]) {
      expect(await record(code, { ...stage, startsOn: '2019-05-01', stageReachedOn: '2019-09-01' })).toEqual({
        instrument: null,
        errors: [
          {
            __typename: 'LiveNeeqListingError',
            code: 'DUPLICATE',
            field: 'input.creditCode',
            message: '武汉唯一挂牌光电股份有限公司 holds a live NEEQ listing already (no code yet, at FILING_ACCEPTED): a company holds at most one; end it first.',
            liveListingId: live,
          },
        ],
      });
    }
    // A listing that ended long ago is history, not a second live one.
    const past = await record(code, { stage: 'DELISTED', stockCode: '430123', startsOn: '2011-06-01', stageReachedOn: '2015-06-30' });
    expect(past).toEqual({
      instrument: {
        id: expect.any(String),
        status: 'TERMINATED',
        stage: 'DELISTED',
        stockCode: '430123',
        tier: null,
        endsOn: '2015-06-30',
        stageHistory: [{ stage: 'DELISTED', reachedOn: '2015-06-30' }],
      },
      errors: [],
    });
    // An application may be withdrawn before listing (not after); a stalled one then bars nothing.
    const other = await company('武汉撤回申请科技股份有限公司');
    const stalled = await record(other, { stage: 'REVIEW_FEEDBACK', startsOn: '2020-03-01', stageReachedOn: '2020-09-01' });
    const withdrawn = await advance(stalled.instrument.id, 1, 'WITHDRAWN', '2021-01-15');
    expect(withdrawn).toEqual({
      instrument: {
        id: stalled.instrument.id,
        status: 'TERMINATED',
        stage: 'WITHDRAWN',
        stockCode: null,
        tier: null,
        endsOn: '2021-01-15',
        stageHistory: [{ stage: 'REVIEW_FEEDBACK', reachedOn: '2020-09-01' }, { stage: 'WITHDRAWN', reachedOn: '2021-01-15' }],
      },
      errors: [],
    });
    const renewed = await record(other, { stage: 'FILING_ACCEPTED', stockCode: null, startsOn: '2022-03-01', stageReachedOn: '2022-04-01' });
    expect(renewed.errors).toEqual([]);
    expect((await advance(renewed.instrument.id, 1, 'LISTED', '2022-09-01', '873999')).errors).toEqual([]);
    expect(problems(await advance(renewed.instrument.id, 2, 'WITHDRAWN', '2022-10-01'))).toEqual([
      ['TransitionNotAllowedError', 'TRANSITION_NOT_ALLOWED', 'input.stage', 'A listing at LISTED cannot move to WITHDRAWN.'],
    ]);
    // Listed, then delisted: the company may start again.
    expect((await advance(live, 1, 'LISTED', '2019-10-08', '873456')).errors).toEqual([]);
    expect((await advance(live, 2, 'DELISTED', '2023-04-28')).errors).toEqual([]);
    const again = await record(code, { stage: 'JOINT_STOCK_REFORM', startsOn: '2024-01-02', stageReachedOn: '2024-01-02' });
    expect([again.errors, again.instrument.status]).toEqual([[], 'PENDING']);
    // PostgreSQL holds the rule by itself: the old listing cannot be made live again beside the new one.
    await expect(
      app.orm.em.fork().execute(`update financing_instrument set status = 'ACTIVE' where id = ?`, [fromGlobalId(past.instrument.id)!.id]),
    ).rejects.toThrow(/neeq_listing_one_live/);
  });

  it('holds one live listing under concurrent requests: PostgreSQL takes one and the others get the typed error', async () => {
    const code = await company('武汉并发挂牌科技股份有限公司');
    const all = await Promise.all(
      Array.from({ length: 8 }, () => record(code, { stage: 'JOINT_STOCK_REFORM', startsOn: '2024-03-01', stageReachedOn: '2024-03-01' })),
    );
    const taken = all.filter((p) => p.errors.length === 0);
    expect(taken).toHaveLength(1);
    expect(new Set(all.filter((p) => p.errors.length).map((p) => `${p.errors[0].__typename} ${p.errors[0].code}`))).toEqual(new Set(['LiveNeeqListingError DUPLICATE']));
    const count = await app.orm.em.fork().execute<{ n: string }[]>(
      `select count(*) as n from financing_instrument i join instrument_holder h on h.instrument_id = i.id
       join enterprise e on e.id = h.enterprise_id where e.credit_code = ? and i.kind = 'NEEQ_LISTING'`,
      [code],
    );
    expect(count[0]!.n).toBe('1');
  });

  it('takes a code of the pilot era (430xxx) for a listing before 2014, and 83/87/88xxxx or 430xxx from 2014', async () => {
    const listed = async (on: string, stockCode: string) => problems(await record(await company(`武汉代码${stockCode}股份有限公司`), { stage: 'LISTED', stockCode, stageReachedOn: on }));
    expect(await listed('2013-12-31', '430123')).toEqual([]);
    expect(await listed('2013-12-31', '830001')).toEqual([
      ['input.stockCode', '830001 is not a code of the pilot era: a company listed on 2013-12-31, before the nationwide NEEQ (2014), has a 430xxx code.'],
    ]);
    expect(await listed('2014-01-01', '830002')).toEqual([]);
    expect(await listed('2014-01-01', '430124')).toEqual([]);
    expect(await listed('2017-05-10', '870123')).toEqual([]);
    expect(await listed('2013-06-30', '435123')).toEqual([['input.stockCode', '435123 is not a NEEQ stock code (430xxx, 83xxxx, 87xxxx or 88xxxx).']]);
    expect(await listed('2020-06-30', '840123')).toEqual([['input.stockCode', '840123 is not a NEEQ stock code (430xxx, 83xxxx, 87xxxx or 88xxxx).']]);
    // Reaching LISTED later checks the code against that day.
    const code = await company('武汉试点期挂牌股份有限公司');
    const pending = await record(code, { stage: 'APPROVAL_LETTER', stageReachedOn: '2013-11-20' });
    expect(problems(await advance(pending.instrument.id, 1, 'LISTED', '2013-12-20', '831001'))).toEqual([
      ['input.stockCode', '831001 is not a code of the pilot era: a company listed on 2013-12-20, before the nationwide NEEQ (2014), has a 430xxx code.'],
    ]);
    expect(problems(await advance(pending.instrument.id, 1, 'LISTED', '2013-12-20', '430901'))).toEqual([]);
  });

  it('puts a listing in a tier only while the tier existed: none before 2016-06-27, 精选层 until the BSE took it over', async () => {
    const tier = async (input: Record<string, unknown>) => problems(await record(await company(`武汉分层${next}股份有限公司`), input));
    expect(await tier({ stage: 'FILING_ACCEPTED', stageReachedOn: '2017-01-01', tier: 'BASE' })).toEqual([['input.tier', 'Only a listed company is in a tier.']]);
    expect(await tier({ stage: 'DELISTED', stockCode: '430125', stageReachedOn: '2016-06-26', tier: 'BASE' })).toEqual([
      ['input.tier', 'The listing ended on 2016-06-26, before NEEQ tiers began (2016-06-27): it was in none.'],
    ]);
    expect(await tier({ stage: 'DELISTED', stockCode: '430126', stageReachedOn: '2016-06-27', tier: 'BASE' })).toEqual([]);
    expect(await tier({ stage: 'LISTED', stockCode: '430127', stageReachedOn: '2012-12-20', tier: 'INNOVATION' })).toEqual([]);
    expect(await tier({ stage: 'LISTED', stockCode: '833001', stageReachedOn: '2015-12-20', tier: 'SELECT' })).toEqual([
      ['input.tier', 'The SELECT tier (精选层) ended on 2021-11-15, when its companies moved to the Beijing Stock Exchange: no live listing is in it.'],
    ]);
    expect(await tier({ stage: 'MOVED_BOARD', stockCode: '833002', stageReachedOn: '2021-11-15', tier: 'SELECT' })).toEqual([]);
    expect(await tier({ stage: 'DELISTED', stockCode: '833003', stageReachedOn: '2021-11-16', tier: 'SELECT' })).toEqual([
      ['input.tier', 'The SELECT tier (精选层) ended on 2021-11-15; a listing ending on 2021-11-16 was not in it then.'],
    ]);
    expect(await tier({ stage: 'DELISTED', stockCode: '833004', stageReachedOn: '2020-07-26', tier: 'SELECT' })).toEqual([
      ['input.tier', 'The listing ended on 2020-07-26, before NEEQ tiers began (2020-07-27): it was in none.'],
    ]);
  });

  it('moves a listing to the Beijing Stock Exchange only from the 创新层 and after 12 months listed', async () => {
    const listedCompany = async (tier: string, on: string) => {
      const code = await company(`武汉北交所${next}股份有限公司`);
      return (await record(code, { stage: 'LISTED', stockCode: '873001', startsOn: '2022-01-04', stageReachedOn: on, tier })).instrument.id as string;
    };
    const young = await listedCompany('INNOVATION', '2023-03-01');
    expect(problems(await advance(young, 1, 'MOVED_BOARD', '2024-02-29'))).toEqual([
      ['TransitionNotAllowedError', 'TRANSITION_NOT_ALLOWED', 'input.stage', 'Listed on 2023-03-01, less than 12 months before 2024-02-29: a move to the Beijing Stock Exchange needs 12 months listed on NEEQ.'],
    ]);
    const moved = await advance(young, 1, 'MOVED_BOARD', '2024-03-01');
    expect(moved).toEqual({
      instrument: {
        id: young,
        status: 'TERMINATED',
        stage: 'MOVED_BOARD',
        stockCode: '873001',
        tier: 'INNOVATION',
        endsOn: '2024-03-01',
        stageHistory: [{ stage: 'LISTED', reachedOn: '2023-03-01' }, { stage: 'MOVED_BOARD', reachedOn: '2024-03-01' }],
      },
      errors: [],
    });
    const base = await listedCompany('BASE', '2022-03-01');
    expect(problems(await advance(base, 1, 'MOVED_BOARD', '2024-03-01'))).toEqual([
      ['TransitionNotAllowedError', 'TRANSITION_NOT_ALLOWED', 'input.stage', 'A move to the Beijing Stock Exchange (from 2021-11-15) is open to 创新层 (INNOVATION) companies; this one is in BASE.'],
    ]);
  });
});
