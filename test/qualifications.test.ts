import { Role } from '../src/auth/roles';
import { BANKS } from '../seeds/reference';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { criterionResult, figure, threshold } from './support/figures';
import { EligibilityFiguresDocument } from './support/generated/graphql';
import { enterpriseInput, patentNumber, resetRegistry, testCode } from './support/registry';

/**
 * Qualifications (issue 13, item 2): 科技型中小企业, 专精特新, 瞪羚 … recorded with recordQualification and read as
 * Enterprise.qualifications; the 科技型中小企业 evaluation as the program TECH_SME; the zone's named talent
 * programmes with batch and year. Through GraphQL on PostgreSQL, whole values as a client sees them.
 */
const admin = as(Role.ZONE_ADMIN);
const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
const AS_OF = '2026-06-30';

const QUANTUM = testCode(4101);
const SILICON = testCode(4102);
const OTHER = testCode(4103);

const RECORD = `mutation ($input: RecordQualificationInput!) {
  recordQualification(input: $input) {
    qualification { kind number validFrom validUntil issuer }
    errors { __typename code field message }
  }
}`;
const QUALIFICATIONS = `query ($code: CreditCode!) { enterprise(creditCode: $code) { name qualifications { kind number validFrom validUntil issuer } } }`;

describe('qualifications', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    for (const [code, name] of [[QUANTUM, '武汉光谷量子科技有限公司'], [SILICON, '武汉芯源微电子有限公司'], [OTHER, '武汉楚天激光有限公司']] as const) {
      const r = await app.execute<any, any>(
        'mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { message } } }',
        { input: enterpriseInput(code, name) },
        admin,
      );
      expect([r.errors, r.data.createEnterprise.errors]).toEqual([undefined, []]);
    }
  });
  afterAll(() => app.close());

  const record = (input: Record<string, unknown>, viewer = admin) => app.execute<any, any>(RECORD, { input }, viewer);
  const count = async (table: string) => Number((await app.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${table}`))[0]!.n);

  const techSme = {
    creditCode: QUANTUM,
    kind: 'TECH_SME',
    number: '202542010000123',
    validFrom: '2025-05-20',
    validUntil: '2026-05-19',
    issuer: '湖北省科学技术厅',
  };

  it('records a qualification and shows it on the enterprise, the latest valid from first, over HTTP', async () => {
    expect((await record(techSme)).data.recordQualification).toEqual({
      qualification: { kind: 'TECH_SME', number: '202542010000123', validFrom: '2025-05-20', validUntil: '2026-05-19', issuer: '湖北省科学技术厅' },
      errors: [],
    });
    // The same number under another kind is another qualification; surrounding blanks are not part of a number.
    const giant = { ...techSme, kind: 'LITTLE_GIANT', number: ' 202542010000123 ', validFrom: '2024-07-15', validUntil: '2027-07-14', issuer: '工业和信息化部' };
    expect((await record(giant)).data.recordQualification.errors).toEqual([]);
    const read = await app.http(QUALIFICATIONS, { code: QUANTUM }, { token: await app.token(Role.ZONE_ADMIN) });
    expect(read).toEqual({
      status: 200,
      data: {
        enterprise: {
          name: '武汉光谷量子科技有限公司',
          qualifications: [
            { kind: 'TECH_SME', number: '202542010000123', validFrom: '2025-05-20', validUntil: '2026-05-19', issuer: '湖北省科学技术厅' },
            { kind: 'LITTLE_GIANT', number: '202542010000123', validFrom: '2024-07-15', validUntil: '2027-07-14', issuer: '工业和信息化部' },
          ],
        },
      },
    });
  });

  it('refuses an unknown enterprise, an end before the start, a future start and a duplicate, writing nothing', async () => {
    // A number recorded by this test, so the duplicate is refused whichever test runs first (--randomize).
    expect((await record({ ...techSme, creditCode: OTHER, number: '202542010000301' })).data.recordQualification.errors).toEqual([]);
    const before = await count('qualification');
    const tomorrow = '2999-01-01';
    const refusals = await Promise.all([
      record({ ...techSme, creditCode: testCode(4199), number: '202542010000999' }),
      record({ ...techSme, number: '202542010000124', validFrom: '2025-05-20', validUntil: '2025-05-19' }),
      record({ ...techSme, number: '202542010000125', validFrom: tomorrow, validUntil: '2999-12-31' }),
      record({ ...techSme, creditCode: SILICON, number: '202542010000301' }),
      record({ ...techSme, number: '  ', issuer: '' }),
    ]);
    expect(refusals.map((r) => r.data.recordQualification)).toEqual([
      { qualification: null, errors: [{ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'input.creditCode', message: `No enterprise with credit code ${testCode(4199)} is registered.` }] },
      { qualification: null, errors: [{ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.validUntil', message: 'input.validUntil (2025-05-19) is before the start (2025-05-20).' }] },
      { qualification: null, errors: [{ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.validFrom', message: `input.validFrom (${tomorrow}) is in the future.` }] },
      { qualification: null, errors: [{ __typename: 'DuplicateError', code: 'DUPLICATE', field: 'input.number', message: 'TECH_SME 202542010000301 is recorded already.' }] },
      {
        qualification: null,
        errors: [
          { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.number', message: 'input.number must not be empty.' },
          { __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'input.issuer', message: 'input.issuer must not be empty.' },
        ],
      },
    ]);
    expect(await count('qualification')).toBe(before);
  });

  it('answers identical requests at once with one record and DUPLICATE for the others, the unique constraint backing the check', async () => {
    const gazelle = { creditCode: SILICON, kind: 'GAZELLE', number: 'DL2025000777', validFrom: '2025-06-01', validUntil: '2026-05-31', issuer: '武汉东湖新技术开发区管理委员会' };
    const answers = await Promise.all([record(gazelle), record(gazelle), record(gazelle)]);
    const codes = answers.map((a) => a.data.recordQualification.errors.map((e: { code: string }) => e.code).join()).sort();
    expect(codes).toEqual(['', 'DUPLICATE', 'DUPLICATE']);
    const [row] = await app.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from qualification where number = 'DL2025000777'`);
    expect(row!.n).toBe('1');
    // What catches a request the check let through: PostgreSQL itself.
    const insert = app.orm.em.fork().execute(
      `insert into qualification (id, enterprise_id, kind, number, valid_from, valid_to, issuer)
       select gen_random_uuid(), enterprise_id, kind, number, valid_from, valid_to, issuer from qualification where number = 'DL2025000777'`,
    );
    await expect(insert).rejects.toThrow(/qualification_kind_number_unique/);
  });

  it('puts every call on the audit trail: done with the record and the enterprise, refused with the codes', async () => {
    const seq = (await app.orm.em.fork().execute<{ seq: string }[]>('select coalesce(max(seq), 0) as seq from audit_event'))[0]!.seq;
    const done = await record({ ...techSme, creditCode: OTHER, kind: 'INNOVATIVE_SME', number: 'CX202542004103', validFrom: '2024-06-10', validUntil: '2027-06-09', issuer: '湖北省经济和信息化厅' });
    const refused = await record({ ...techSme, creditCode: OTHER, kind: 'INNOVATIVE_SME', number: 'CX202542004103', validFrom: '2024-06-10', validUntil: '2027-06-09', issuer: '湖北省经济和信息化厅' });
    expect([done.data.recordQualification.errors, refused.data.recordQualification.errors.map((e: { code: string }) => e.code)]).toEqual([[], ['DUPLICATE']]);
    const events = await app.orm.em.fork().execute<{ operation: string; outcome: string; actor_role: string; credit_code: string | null; details: Record<string, unknown> }[]>(
      `select a.operation, a.outcome, a.actor_role, e.credit_code, a.details from audit_event a left join enterprise e on e.id = a.enterprise_id
       where a.seq > ? order by a.seq`,
      [seq],
    );
    const id = await app.orm.em.fork().execute<{ id: string }[]>(`select id from qualification where number = 'CX202542004103'`);
    const { toGlobalId } = await import('../src/common/global-id');
    expect(events).toEqual([
      { operation: 'recordQualification', outcome: 'DONE', actor_role: 'ZONE_ADMIN', credit_code: OTHER, details: { creditCode: OTHER, record: toGlobalId('Qualification', id[0]!.id) } },
      { operation: 'recordQualification', outcome: 'REFUSED', actor_role: 'ZONE_ADMIN', credit_code: null, details: { creditCode: OTHER, errors: ['DUPLICATE'] } },
    ]);
  });

  it('lets a representative record its own only, and shows qualifications to a bank under the HIGH_TECH scope only', async () => {
    const own = await record(
      { creditCode: SILICON, kind: 'PROVINCIAL_SPECIALIZED_SME', number: 'ZJTX202442004102', validFrom: '2024-03-01', validUntil: '2027-02-28', issuer: '湖北省经济和信息化厅' },
      as(Role.ENTERPRISE_REP, SILICON),
    );
    const others = await record({ ...techSme, number: '202542010000200' }, as(Role.ENTERPRISE_REP, SILICON));
    expect([own.data.recordQualification.errors, others.data.recordQualification]).toEqual([
      [],
      { qualification: null, errors: [{ __typename: 'NotPermittedError', code: 'NOT_PERMITTED', field: 'input.creditCode', message: 'A representative changes its own enterprise’s data only.' }] },
    ]);
    const bank = as(Role.BANK_OFFICER, hankou.creditCode);
    const read = async (viewer = bank) => (await app.execute<any, any>(QUALIFICATIONS, { code: SILICON }, viewer)).data.enterprise;
    // No authorisation: the bank does not see the enterprise at all.
    expect(await read()).toBeNull();
    const today = zoneToday();
    const grant = async (scopes: string[], purpose: string) => {
      const r = await app.execute<any, any>(
        'mutation ($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { message } } }',
        { input: { creditCode: SILICON, bankCreditCode: hankou.creditCode, scopes, purpose, validFrom: today, validUntil: addMonths(today, 12), signer: '陈静（总经理）' } },
        as(Role.ENTERPRISE_REP, SILICON),
      );
      expect(r.data.grantAuthorization.errors).toEqual([]);
    };
    await grant(['PROFILE'], '信用贷款预审');
    expect(await read()).toEqual({ name: '武汉芯源微电子有限公司', qualifications: null });
    await grant(['PROFILE', 'HIGH_TECH'], '科技型企业资质核验');
    // What the zone sees of it (other tests of the file may have recorded more for it, in any order), with the one
    // recorded here among them.
    const all = await read(admin);
    expect(all.qualifications).toContainEqual({ kind: 'PROVINCIAL_SPECIALIZED_SME', number: 'ZJTX202442004102', validFrom: '2024-03-01', validUntil: '2027-02-28', issuer: '湖北省经济和信息化厅' });
    expect(await read()).toEqual(all);
    // Public honours: CPPCC members and handling units see them too.
    expect(await read(as(Role.HANDLING_UNIT, 'unit-1'))).toEqual(all);
  });

  it('reads the qualifications of a page of enterprises in as many statements for 3 as for 1 (no N+1)', async () => {
    // Three enterprises of this test's own, with one, two and two qualifications.
    const [chutian, guanggu, xinpian] = [testCode(4105), testCode(4106), testCode(4107)];
    for (const [code, name, numbers] of [[chutian, '武汉楚天光电有限公司', ['N4105A']], [guanggu, '武汉光谷微纳有限公司', ['N4106A', 'N4106B']], [xinpian, '武汉芯片设计有限公司', ['N4107A', 'N4107B']]] as const) {
      const r = await app.execute<any, any>('mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { message } } }', { input: enterpriseInput(code, name) }, admin);
      expect(r.data.createEnterprise.errors).toEqual([]);
      for (const number of numbers) expect((await record({ ...techSme, creditCode: code, kind: 'GAZELLE', number })).data.recordQualification.errors).toEqual([]);
    }
    const page = `query ($codes: [CreditCode!]) { enterprises(first: 10, filter: { creditCodes: $codes }) { edges { node { creditCode qualifications { kind number } } } } }`;
    for (const readAhead of ['true', 'false']) {
      const server = readAhead === 'true' ? app : await TestApp.start({ databaseUrl: app.orm.config.get('clientUrl'), env: { READ_AHEAD: 'false', SQL_ANSWERS: 'false' } });
      try {
        const one = await server.countStatements(() => server.execute<any, any>(page, { codes: [guanggu] }, admin));
        const three = await server.countStatements(() => server.execute<any, any>(page, { codes: [chutian, guanggu, xinpian] }, admin));
        expect(three.result.errors).toBeUndefined();
        // In pinyin order of the names: 楚天, 光谷, 芯片.
        const counts = three.result.data.enterprises.edges.map((e: { node: { creditCode: string; qualifications: unknown[] } }) => [e.node.creditCode, e.node.qualifications.length]);
        expect(counts).toEqual([[chutian, 1], [guanggu, 2], [xinpian, 2]]);
        expect({ readAhead, statements: three.statements }).toEqual({ readAhead, statements: one.statements });
      } finally {
        if (server !== app) await server.close();
      }
    }
  });
});

describe('the 科技型中小企业 evaluation (program TECH_SME)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  const ok = async (query: string, input: Record<string, unknown>) => {
    const r = await app.execute<any, any>(query, { input }, admin);
    expect(JSON.stringify(r)).not.toContain('"errors":[{');
  };

  /** Registers enterprise `n` with one fiscal year (2025) and patents of the given type digits (1 invention, 2 utility model, 3 design). */
  async function craft(n: number, name: string, year: { employees: number; stStaff: number; revenue: string; rd: string; totalAssets: string | null }, patentTypes: number[] = [], certificate = false) {
    const code = testCode(n);
    await ok('mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { message } } }', enterpriseInput(code, name));
    await ok('mutation ($input: RecordFiscalYearInput!) { recordFiscalYear(input: $input) { errors { message } } }', {
      creditCode: code,
      fiscalYear: 2025,
      revenue: year.revenue,
      rdExpense: year.rd,
      rdExpenseInChina: year.rd,
      highTechRevenue: '0.00',
      employees: year.employees,
      scienceAndTechnologyStaff: year.stStaff,
      totalAssets: year.totalAssets,
    });
    for (const [i, type] of patentTypes.entries()) {
      await ok('mutation ($input: RecordPatentInput!) { recordPatent(input: $input) { errors { message } } }', {
        creditCode: code,
        number: patentNumber(`2019${type}${String(n * 10 + i).padStart(7, '0')}`),
        title: '一种量子密钥分发装置',
        legalStatus: 'VALID',
        grantedOn: '2020-05-01',
      });
    }
    if (certificate) {
      await ok('mutation ($input: RecordHighTechCertificateInput!) { recordHighTechCertificate(input: $input) { errors { message } } }', {
        creditCode: code,
        number: `GR20244200${String(n).padStart(4, '0')}`,
        issuedOn: '2024-11-01',
        criteriaVersion: 'RULES_2016',
      });
    }
    return code;
  }

  it('lists the program with its rules, anyone may read them', async () => {
    const r = await app.execute<any, any>(
      `{ programs { code name nameEn uptake rules { version effectiveFrom criteria { kind description maximum maximumEmployees minimumScore } } } }`,
      {},
      null,
    );
    expect(r.data.programs.find((p: { code: string }) => p.code === 'TECH_SME')).toEqual({
      code: 'TECH_SME',
      name: '科技型中小企业评价',
      nameEn: 'Tech SME evaluation',
      uptake: 'TECH_SME_QUALIFICATION',
      rules: [
        {
          version: 1,
          effectiveFrom: '2017-05-03',
          criteria: [
            { kind: 'REGISTERED_IN_ZONE', description: 'Registered in the zone', maximum: null, maximumEmployees: null, minimumScore: null },
            { kind: 'HEADCOUNT', description: 'Employees in the latest fiscal year at most 500', maximum: null, maximumEmployees: 500, minimumScore: null },
            { kind: 'REVENUE', description: 'Revenue of the latest fiscal year at most ¥200m', maximum: '200000000.00', maximumEmployees: null, minimumScore: null },
            { kind: 'TOTAL_ASSETS', description: 'Total assets at the end of the latest fiscal year at most ¥200m', maximum: '200000000.00', maximumEmployees: null, minimumScore: null },
            {
              kind: 'TECH_SME_SCORE',
              description: '科技型中小企业 score of at least 60 (S&T staff 20, R&D share of revenue 50, patents 30) with S&T staff points above 0, or a high-tech certificate valid on the date',
              maximum: null,
              maximumEmployees: null,
              minimumScore: 60,
            },
          ],
        },
      ],
    });
  });

  it('explains each condition with the figures: scored, confirmed by a certificate, short of staff, assets not reported', async () => {
    const scored = await craft(4201, '武汉光谷量子科技有限公司', { employees: 200, stStaff: 50, revenue: '50000000.00', rd: '2600000.00', totalAssets: '80000000.00' }, [2, 3]);
    const certified = await craft(4202, '武汉楚天光电有限公司', { employees: 500, stStaff: 20, revenue: '200000000.00', rd: '1000000.00', totalAssets: '200000000.00' }, [], true);
    const fewStaff = await craft(4203, '武汉江城生物医药有限公司', { employees: 100, stStaff: 9, revenue: '30000000.00', rd: '3000000.00', totalAssets: '20000000.00' }, [1]);
    const tooBig = await craft(4204, '武汉长江智能装备有限公司', { employees: 501, stStaff: 200, revenue: '200000000.01', rd: '20000000.00', totalAssets: null }, [1]);
    const r = await app.execute<any, any>(
      `query ($codes: [String!]!) { eligibility(program: "TECH_SME", creditCodes: $codes, asOf: "${AS_OF}") { creditCode isEligible checks { criterion outcome detail(language: ENGLISH) } } }`,
      { codes: [scored, certified, fewStaff, tooBig] },
      admin,
    );
    expect(r.errors).toBeUndefined();
    const registered = (name: string) => ({ criterion: 'REGISTERED_IN_ZONE', outcome: 'PASSED', detail: `${name} (光电子信息产业园), founded 2012-03-01.` });
    const noCertificate = `and no high-tech certificate is valid on ${AS_OF}.`;
    expect(r.data.eligibility).toEqual([
      {
        creditCode: scored,
        isEligible: true,
        checks: [
          registered('武汉光谷量子科技有限公司'),
          { criterion: 'HEADCOUNT', outcome: 'PASSED', detail: '200 employees in 2025; at most 500 required.' },
          { criterion: 'REVENUE', outcome: 'PASSED', detail: 'Revenue ¥50,000,000.00 in 2025; at most ¥200m required.' },
          { criterion: 'TOTAL_ASSETS', outcome: 'PASSED', detail: 'Total assets ¥80,000,000.00 at the end of 2025; at most ¥200m required.' },
          {
            criterion: 'TECH_SME_SCORE',
            outcome: 'PASSED',
            // 25% S&T staff: 16; R&D 5.2%: 40; a utility model and a design (class II): 12.
            detail: `Score 68 for 2025: S&T staff 25.00% of employees 16/20, R&D 5.20% of revenue 40/50, 0 invention and 2 other valid patent(s) 12/30; at least 60 with S&T staff points above 0 required, ${noCertificate}`,
          },
        ],
      },
      {
        creditCode: certified,
        isEligible: true,
        checks: [
          registered('武汉楚天光电有限公司'),
          { criterion: 'HEADCOUNT', outcome: 'PASSED', detail: '500 employees in 2025; at most 500 required.' },
          { criterion: 'REVENUE', outcome: 'PASSED', detail: 'Revenue ¥200,000,000.00 in 2025; at most ¥200m required.' },
          { criterion: 'TOTAL_ASSETS', outcome: 'PASSED', detail: 'Total assets ¥200,000,000.00 at the end of 2025; at most ¥200m required.' },
          // Scored, it would have 4 + 0 + 0 points: the certificate confirms it without scoring.
          { criterion: 'TECH_SME_SCORE', outcome: 'PASSED', detail: 'Confirmed without scoring: high-tech certificate GR202442004202 valid 2024-11-01 to 2027-10-31.' },
        ],
      },
      {
        creditCode: fewStaff,
        isEligible: false,
        checks: [
          registered('武汉江城生物医药有限公司'),
          { criterion: 'HEADCOUNT', outcome: 'PASSED', detail: '100 employees in 2025; at most 500 required.' },
          { criterion: 'REVENUE', outcome: 'PASSED', detail: 'Revenue ¥30,000,000.00 in 2025; at most ¥200m required.' },
          { criterion: 'TOTAL_ASSETS', outcome: 'PASSED', detail: 'Total assets ¥20,000,000.00 at the end of 2025; at most ¥200m required.' },
          {
            criterion: 'TECH_SME_SCORE',
            outcome: 'FAILED',
            // 80 points, but 9% S&T staff scores 0, which the regulation does not allow.
            detail: `Score 80 for 2025: S&T staff 9.00% of employees 0/20, R&D 10.00% of revenue 50/50, 1 invention and 0 other valid patent(s) 30/30; at least 60 with S&T staff points above 0 required, ${noCertificate}`,
          },
        ],
      },
      {
        creditCode: tooBig,
        isEligible: false,
        checks: [
          registered('武汉长江智能装备有限公司'),
          { criterion: 'HEADCOUNT', outcome: 'FAILED', detail: '501 employees in 2025; at most 500 required.' },
          { criterion: 'REVENUE', outcome: 'FAILED', detail: 'Revenue ¥200,000,000.01 in 2025; at most ¥200m required.' },
          { criterion: 'TOTAL_ASSETS', outcome: 'UNKNOWN', detail: 'Total assets for 2025 are not recorded.' },
          {
            criterion: 'TECH_SME_SCORE',
            outcome: 'PASSED',
            detail: `Score 100 for 2025: S&T staff 39.92% of employees 20/20, R&D 9.99% of revenue 50/50, 1 invention and 0 other valid patent(s) 30/30; at least 60 with S&T staff points above 0 required, ${noCertificate}`,
          },
        ],
      },
    ]);
    // The same checks as a program reads them: the score's parts, and the two ways to meet it (a score, or a certificate).
    const typed = await app.execute(EligibilityFiguresDocument, { program: 'TECH_SME', creditCodes: [certified, fewStaff], asOf: AS_OF }, admin);
    const ways = (fiscalYear: number | null) => [
      threshold('TECH_SME_SCORE', { fiscalYear, minimumCount: 60 }),
      threshold('TECH_SME_STAFF_POINTS', { fiscalYear, minimumCount: 1 }),
      threshold('HIGH_TECH_CERTIFICATE_ISSUED_ON', { alternative: 2, maximumDate: AS_OF }),
      threshold('HIGH_TECH_CERTIFICATE_EXPIRES_ON', { alternative: 2, minimumDate: AS_OF }),
    ];
    expect(typed.data!.eligibility.map((e) => e.checks.find((c) => c.criterion === 'TECH_SME_SCORE'))).toEqual([
      criterionResult(
        'TECH_SME_SCORE',
        'PASSED',
        [
          '持有有效的高新技术企业证书GR202442004202（2024-11-01至2027-10-31），无需评分即予确认。',
          'Confirmed without scoring: high-tech certificate GR202442004202 valid 2024-11-01 to 2027-10-31.',
        ],
        {
          observed: [
            figure('HIGH_TECH_CERTIFICATE_ISSUED_ON', { subject: 'GR202442004202', date: '2024-11-01' }),
            figure('HIGH_TECH_CERTIFICATE_EXPIRES_ON', { subject: 'GR202442004202', date: '2027-10-31' }),
          ],
          required: ways(null),
        },
      ),
      criterionResult(
        'TECH_SME_SCORE',
        'FAILED',
        [
          `2025年度评分80分：科技人员占职工总数9.00%，得0/20分；研发费用占销售收入10.00%，得50/50分；有效发明专利1件、其他有效专利0件，得30/30分；要求不低于60分且科技人员指标得分大于0，且${AS_OF}无有效的高新技术企业证书。`,
          `Score 80 for 2025: S&T staff 9.00% of employees 0/20, R&D 10.00% of revenue 50/50, 1 invention and 0 other valid patent(s) 30/30; at least 60 with S&T staff points above 0 required, ${noCertificate}`,
        ],
        {
          observed: [
            figure('SCIENCE_AND_TECHNOLOGY_STAFF_SHARE', { fiscalYear: 2025, percent: '9.0000' }),
            figure('TECH_SME_STAFF_POINTS', { fiscalYear: 2025, count: 0 }),
            figure('RD_SHARE_OF_REVENUE', { fiscalYear: 2025, percent: '10.0000' }),
            figure('TECH_SME_RD_POINTS', { fiscalYear: 2025, count: 50 }),
            figure('VALID_INVENTION_PATENTS', { count: 1 }),
            figure('OTHER_VALID_PATENTS', { count: 0 }),
            figure('TECH_SME_IP_POINTS', { fiscalYear: 2025, count: 30 }),
            figure('TECH_SME_SCORE', { fiscalYear: 2025, count: 80 }),
          ],
          required: ways(2025),
        },
      ),
    ]);
    // The outreach list (the same rules in SQL) names the eligible that hold no TECH_SME registration: then not the one that does.
    const outreach = async () =>
      (
        await app.execute<any, any>(
          `query ($codes: [CreditCode!]) { enterprises(first: 10, filter: { creditCodes: $codes, outreach: { program: "TECH_SME", asOf: "${AS_OF}" } }) { edges { node { creditCode } } } }`,
          // This test's enterprises: another test of the file may have registered an eligible one (any order, --randomize).
          { codes: [scored, certified, fewStaff, tooBig] },
          admin,
        )
      ).data.enterprises.edges.map((e: { node: { creditCode: string } }) => e.node.creditCode);
    expect((await outreach()).sort()).toEqual([scored, certified].sort());
    await ok('mutation ($input: RecordQualificationInput!) { recordQualification(input: $input) { errors { message } } }', {
      creditCode: scored,
      kind: 'TECH_SME',
      number: '202642010004201',
      validFrom: '2026-05-01',
      validUntil: '2027-04-30',
      issuer: '湖北省科学技术厅',
    });
    expect(await outreach()).toEqual([certified]);
  });

  it('records awards of the zone’s own talent programmes with their batch and year, and refuses one without', async () => {
    const code = await craft(4301, '武汉光谷人才科技有限公司', { employees: 80, stStaff: 30, revenue: '20000000.00', rd: '2000000.00', totalAssets: '15000000.00' });
    const award = (input: Record<string, unknown>) =>
      app.execute<any, any>(
        `mutation ($input: RecordTalentAwardInput!) { recordTalentAward(input: $input) { award { scheme recipientName amount awardedOn batch year } errors { code field message } } }`,
        { input: { creditCode: code, recipientName: '王志强', amount: '1000000.00', awardedOn: '2025-03-15', ...input } },
        admin,
      );
    expect((await award({ scheme: 'OPTICS_VALLEY_3551', batch: 15, year: 2024 })).data.recordTalentAward).toEqual({
      award: { scheme: 'OPTICS_VALLEY_3551', recipientName: '王志强', amount: '1000000.00', awardedOn: '2025-03-15', batch: 15, year: 2024 },
      errors: [],
    });
    expect((await award({ scheme: 'WUHAN_YINGCAI' })).data.recordTalentAward).toEqual({
      award: null,
      errors: [
        { code: 'INVALID_INPUT', field: 'input.batch', message: 'An award of WUHAN_YINGCAI states its batch (批次).' },
        { code: 'INVALID_INPUT', field: 'input.year', message: 'An award of WUHAN_YINGCAI states the year of its selection.' },
      ],
    });
    expect((await award({ scheme: 'OPTICS_VALLEY_3551', batch: 0, year: 2026 })).data.recordTalentAward.errors).toEqual([
      { code: 'INVALID_INPUT', field: 'input.batch', message: 'input.batch must be a whole number from 1 to 999.' },
      { code: 'INVALID_INPUT', field: 'input.year', message: 'input.year must be a whole number from 1978 to 2025.' },
    ]);
    // The kinds of support the source text names need neither.
    expect((await award({ scheme: 'PHD_RECRUITMENT', recipientName: '刘洋' })).data.recordTalentAward.errors).toEqual([]);
  });
});
