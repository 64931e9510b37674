import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { Role } from '../src/auth/roles';
import { loadSigningKey, TokenService } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { toGlobalId } from '../src/common/global-id';
import { projectPath } from '../src/project';
import { BANKS } from '../seeds/reference';
import { CreateEnterpriseDocument, ViewerDocument } from './support/generated/graphql';
import { as, TEST_TOKEN_SECRET, TestApp } from './support/app';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

const key = new TextEncoder().encode(TEST_TOKEN_SECRET);
const unauthenticated = (message: string) => ({
  status: 401,
  data: undefined,
  errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }],
});

describe('bearer tokens', () => {
  let app: TestApp;
  const bank = BANKS[0]!.creditCode;
  const enterprise = testCode(501);
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
  });
  afterAll(() => app.close());

  // A member and a handling unit, named in tokens by their global ids.
  const memberId = '7f1c2a3b-0000-4000-8000-000000000001';
  const unitId = '7f1c2a3b-0000-4000-8000-000000000002';
  const member = toGlobalId('CppccMember', memberId);
  const unit = toGlobalId('HandlingUnit', unitId);
  // The organisations tokens name, registered before every test (some tests delete one to see its token refused).
  beforeEach(async () => {
    const em = app.orm.em.fork();
    if ((await em.execute(`select 1 from enterprise where credit_code = ?`, [enterprise])).length === 0) {
      const created = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(enterprise, '武汉令牌测试有限公司') }, as(Role.ZONE_ADMIN));
      expect(created.data!.createEnterprise.errors).toEqual([]);
    }
    await em.execute(`insert into sector (id, code, name) values ('7f1c2a3b-0000-4000-8000-000000000003', 'SCITECH', '科学技术界') on conflict do nothing`);
    await em.execute(`insert into cppcc_member (id, name, sector_id, levels, term) values (?, '胡振宇', '7f1c2a3b-0000-4000-8000-000000000003', '{MUNICIPAL}', 15) on conflict do nothing`, [memberId]);
    await em.execute(`insert into handling_unit (id, name, level, former_names) values (?, '武汉市科学技术局', 'MUNICIPAL', '{}') on conflict do nothing`, [unitId]);
  });

  const orgOf: Record<Role, string | null> = {
    ZONE_ADMIN: null,
    CPPCC_OFFICE: null,
    CPPCC_MEMBER: member,
    HANDLING_UNIT: unit,
    BANK_OFFICER: BANKS[0]!.creditCode,
    ENTERPRISE_REP: testCode(501),
  };

  it('answers viewer for every role with the role and the organization the token names, as the record it is', async () => {
    const organizationOf: Record<Role, unknown> = {
      ZONE_ADMIN: null,
      CPPCC_OFFICE: null,
      CPPCC_MEMBER: { __typename: 'CppccMember', id: member, name: '胡振宇' },
      HANDLING_UNIT: { __typename: 'HandlingUnit', id: unit, name: '武汉市科学技术局' },
      BANK_OFFICER: { __typename: 'Bank', creditCode: BANKS[0]!.creditCode, name: BANKS[0]!.name },
      ENTERPRISE_REP: { __typename: 'Enterprise', creditCode: testCode(501), name: '武汉令牌测试有限公司' },
    };
    for (const role of Object.values(Role)) {
      const result = await app.http(ViewerDocument, {}, { token: await app.token(role, orgOf[role]) });
      expect(result).toEqual({ status: 200, data: { viewer: { role, organization: organizationOf[role] } } });
    }
  });

  it('answers viewer with null without a token', async () => {
    expect(await app.http(ViewerDocument, {})).toEqual({ status: 200, data: { viewer: null } });
  });

  it('refuses a token signed with another key', async () => {
    const forged = await new TokenService(new TextEncoder().encode('another-key-'.repeat(4)), '1h').sign({
      role: Role.ZONE_ADMIN,
    });
    expect(await app.http(ViewerDocument, {}, { token: forged })).toEqual(
      unauthenticated('The bearer token signature is not valid.'),
    );
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT({ role: Role.ZONE_ADMIN })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('innozone')
      .setAudience('innozone-graphql')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(key);
    expect(await app.http(ViewerDocument, {}, { token: expired })).toEqual(
      unauthenticated('The bearer token has expired.'),
    );
  });

  describe('lifetimes and claims (issue 12)', () => {
    const now = () => Math.floor(Date.now() / 1000);
    /** A well-signed token with exactly these claims besides issuer and audience. */
    const signed = (claims: Record<string, unknown>, times: { iat?: number; exp?: number }) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('innozone').setAudience('innozone-graphql');
      if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
      if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
      return jwt.sign(key);
    };
    const admin = { role: Role.ZONE_ADMIN };

    it('refuses a token without an expiry, or without its time of issue', async () => {
      expect(await app.http(ViewerDocument, {}, { token: await signed(admin, { iat: now() }) })).toEqual(
        unauthenticated('The bearer token must carry "exp": innozone accepts only tokens that expire.'),
      );
      expect(await app.http(ViewerDocument, {}, { token: await signed(admin, { exp: now() + 600 }) })).toEqual(
        unauthenticated('The bearer token must carry "iat": innozone accepts only tokens that expire.'),
      );
    });

    it('refuses a token valid for longer than 12 hours, and takes one of exactly 12', async () => {
      const hundredYears = await signed(admin, { iat: now(), exp: now() + 100 * 365 * 86_400 });
      expect(await app.http(ViewerDocument, {}, { token: hundredYears })).toEqual(
        unauthenticated('The bearer token is valid for longer than the 12h innozone accepts.'),
      );
      const twelveHoursAndOne = await signed(admin, { iat: now(), exp: now() + 12 * 3_600 + 1 });
      expect(await app.http(ViewerDocument, {}, { token: twelveHoursAndOne })).toEqual(
        unauthenticated('The bearer token is valid for longer than the 12h innozone accepts.'),
      );
      const twelveHours = await signed(admin, { iat: now(), exp: now() + 12 * 3_600 });
      expect(await app.http(ViewerDocument, {}, { token: twelveHours })).toEqual({
        status: 200,
        data: { viewer: { role: 'ZONE_ADMIN', organization: null } },
      });
    });

    it('refuses a token issued in the future (beyond a minute of clock skew)', async () => {
      const tomorrow = await signed(admin, { iat: now() + 86_400, exp: now() + 86_400 + 600 });
      expect(await app.http(ViewerDocument, {}, { token: tomorrow })).toEqual(
        unauthenticated('The bearer token says it was issued in the future.'),
      );
      const skewed = await signed(admin, { iat: now() + 30, exp: now() + 600 });
      expect((await app.http(ViewerDocument, {}, { token: skewed })).status).toBe(200);
    });

    it('refuses an organisation on a token of a role that acts for none, so none lands in the audit trail', async () => {
      for (const role of [Role.ZONE_ADMIN, Role.CPPCC_OFFICE]) {
        const token = await signed({ role, org: bank }, { iat: now(), exp: now() + 600 });
        expect(await app.http(ViewerDocument, {}, { token })).toEqual(
          unauthenticated(`A ${role} token acts for no organisation; this one names "${bank}".`),
        );
      }
      await expect(app.tokens.sign({ role: Role.ZONE_ADMIN, org: bank })).rejects.toThrow(
        `A ZONE_ADMIN token acts for no organisation; this one names "${bank}".`,
      );
    });

    it('signs for at most the longest lifetime it accepts', async () => {
      await expect(app.tokens.sign({ role: Role.ZONE_ADMIN }, '13h')).rejects.toThrow('A token may be valid for at most 12h; asked for 13h.');
      await expect(new TokenService(key, '1h', '30m').sign({ role: Role.ZONE_ADMIN })).rejects.toThrow(
        'A token may be valid for at most 30m; asked for 1h.',
      );
    });
  });

  it('refuses malformed tokens and headers', async () => {
    const malformed = unauthenticated('The bearer token is malformed or not issued by innozone.');
    expect(await app.http(ViewerDocument, {}, { token: 'not-a-jwt' })).toEqual(malformed);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"ZONE_ADMIN"}').toString('base64url')}.`;
    expect(await app.http(ViewerDocument, {}, { token: unsigned })).toEqual(malformed);
    expect(await app.http(ViewerDocument, {}, { authorization: 'Basic dXNlcjpwYXNz' })).toEqual(
      unauthenticated('The Authorization header must be "Bearer <token>".'),
    );
  });

  it('checks the organisation on every request: an unknown bank or enterprise, or one deleted since, is refused', async () => {
    expect(await app.http(ViewerDocument, {}, { token: await app.token(Role.BANK_OFFICER, testCode(599)) })).toEqual(
      unauthenticated('The organisation this BANK_OFFICER token acts for is not registered.'),
    );
    const token = await app.token(Role.ENTERPRISE_REP, enterprise);
    expect((await app.http(ViewerDocument, {}, { token })).status).toBe(200);
    await app.orm.em.fork().execute('delete from enterprise where credit_code = ?', [enterprise]);
    expect(await app.http(ViewerDocument, {}, { token })).toEqual(
      unauthenticated('The organisation this ENTERPRISE_REP token acts for is not registered.'),
    );
    expect(bank).toHaveLength(18);
  });

  it('checks a member’s or a handling unit’s token against the registers, by global id', async () => {
    for (const [role, org] of [[Role.CPPCC_MEMBER, member], [Role.HANDLING_UNIT, unit]] as const) {
      expect((await app.http(ViewerDocument, {}, { token: await app.token(role, org) })).status).toBe(200);
      // The id of another type, or of no one, is refused.
      for (const wrong of [toGlobalId('Enterprise', memberId), toGlobalId(role === Role.CPPCC_MEMBER ? 'CppccMember' : 'HandlingUnit', unitId.replace(/2$/, '9')), 'member-0001']) {
        expect(await app.http(ViewerDocument, {}, { token: await app.token(role, wrong) })).toEqual(
          unauthenticated(`The organisation this ${role} token acts for is not registered.`),
        );
      }
    }
    const token = await app.token(Role.CPPCC_MEMBER, member);
    await app.orm.em.fork().execute('delete from cppcc_member where id = ?', [memberId]);
    expect(await app.http(ViewerDocument, {}, { token })).toEqual(unauthenticated('The organisation this CPPCC_MEMBER token acts for is not registered.'));
  });

  it('refuses a well-signed token for an unknown role or a bank token without its bank', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('innozone')
        .setAudience('innozone-graphql')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
    expect(await app.http(ViewerDocument, {}, { token: await sign({ role: 'SUPERUSER' }) })).toEqual(
      unauthenticated('Unknown role "SUPERUSER".'),
    );
    expect(await app.http(ViewerDocument, {}, { token: await sign({ role: 'BANK_OFFICER' }) })).toEqual(
      unauthenticated('A BANK_OFFICER token must name the organisation it acts for.'),
    );
  });
});

describe('npm run token', () => {
  const run = promisify(execFile);
  const tokenCli = projectPath('dist', 'src', 'cli', 'token.js');

  it('prints a token the server accepts, signed with the key generated once under the data folder', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'innozone-token-'));
    const env = { ...process.env, INNOZONE_DATA_DIR: dataDir, INNOZONE_TOKEN_SECRET: '' };
    const first = await run(process.execPath, [tokenCli, '--role', 'BANK_OFFICER', '--org', '914403001922038216'], {
      env,
    });
    const second = await run(process.execPath, [tokenCli, '--role', 'ZONE_ADMIN'], { env });

    const keyFile = path.join(dataDir, 'token-secret');
    expect(((await stat(keyFile)).mode & 0o777).toString(8)).toBe('600');
    // The server side loads the same key from the same folder.
    const serverKey = await loadSigningKey(loadConfig({ INNOZONE_DATA_DIR: dataDir }));
    expect(new TextDecoder().decode(serverKey)).toBe((await readFile(keyFile, 'utf8')).trim());
    const tokens = new TokenService(serverKey, '1h');
    expect(await tokens.verify(first.stdout.trim())).toEqual({ role: 'BANK_OFFICER', organisation: '914403001922038216' });
    expect(await tokens.verify(second.stdout.trim())).toEqual({ role: 'ZONE_ADMIN', organisation: null });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses an unknown role and a bank token without --org', async () => {
    await expect(run(process.execPath, [tokenCli, '--role', 'KING'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown role KING.'),
    });
    await expect(
      run(process.execPath, [tokenCli, '--role', 'BANK_OFFICER'], {
        env: { ...process.env, INNOZONE_TOKEN_SECRET: TEST_TOKEN_SECRET },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: 'A BANK_OFFICER token must name the organisation it acts for.\n' });
  });
});
