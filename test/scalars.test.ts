import { Arg, Query, Resolver } from 'type-graphql';
import { Role } from '../src/auth/roles';
import { CreditCodeScalar, DateScalar, DateTimeScalar, DecimalScalar, PercentScalar } from '../src/common/scalars';
import { as, TestApp } from './support/app';

/** A test-only field that gives back what the scalars made of its arguments, serialised as every answer is. */
@Resolver()
class EchoResolver {
  @Query(() => DecimalScalar, { nullable: true })
  echoDecimal(@Arg('v', () => DecimalScalar) v: string): string {
    return v;
  }

  @Query(() => PercentScalar, { nullable: true })
  echoPercent(@Arg('v', () => PercentScalar) v: string): string {
    return v;
  }

  @Query(() => DateScalar, { nullable: true })
  echoDate(@Arg('v', () => DateScalar) v: string): string {
    return v;
  }

  @Query(() => DateTimeScalar, { nullable: true })
  echoDateTime(@Arg('v', () => DateTimeScalar) v: Date): Date {
    return v;
  }

  @Query(() => CreditCodeScalar, { nullable: true })
  echoCreditCode(@Arg('v', () => CreditCodeScalar) v: string): string {
    return v;
  }
}

/**
 * Issue 14, item 9: each scalar carries `@specifiedBy` and does exactly what its description says, in and out,
 * through GraphQL variables as a client sends them.
 */
describe('scalars as documented', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ extraResolvers: [EchoResolver] });
  });
  afterAll(() => app.close());

  const admin = as(Role.ZONE_ADMIN);
  /** The value given back as a client reads it (JSON), or the error's message (variable coercion refuses before anything runs). */
  async function echo(scalar: string, value: unknown): Promise<unknown> {
    const r = await app.execute<any, any>(`query ($v: ${scalar}!) { v: echo${scalar}(v: $v) }`, { v: value }, admin);
    return r.errors ? `refused: ${r.errors[0]!.message.replace(/^Variable "\$v" got invalid value .*?; /, '')}` : JSON.parse(JSON.stringify(r.data)).v;
  }

  it('says where each of our scalars is specified', async () => {
    const r = await app.execute<any, any>('{ __schema { types { name kind specifiedByURL } } }', {}, admin);
    const scalars = r.data.__schema.types.filter((t: { kind: string; name: string }) => t.kind === 'SCALAR' && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));
    expect(Object.fromEntries(scalars.map((t: { name: string; specifiedByURL: string }) => [t.name, t.specifiedByURL]))).toEqual({
      CreditCode: 'https://openstd.samr.gov.cn/bzgk/gb/newGbInfo?hcno=24691C25985C1073D3A7C85629378AC0',
      Date: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
      DateTime: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
      Decimal: 'https://www.w3.org/TR/xmlschema11-2/#decimal',
      JSONObject: 'http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf',
      Percent: 'https://www.w3.org/TR/xmlschema11-2/#decimal',
    });
  });

  it('Decimal: yuan with up to 16 digits and 2 places in, exactly 2 places out, nothing rounded', async () => {
    const cases: [unknown, unknown][] = [
      ['1234.5', '1234.50'],
      ['1234.50', '1234.50'],
      ['-80', '-80.00'],
      ['0012.30', '12.30'],
      ['-0.00', '0.00'],
      ['9999999999999999.99', '9999999999999999.99'],
      ['1234.567', 'refused: Decimal must be a string like "1234.50" with at most 2 decimals'],
      ['10000000000000000', 'refused: Decimal must be a string like "1234.50" with at most 2 decimals'],
      ['+5', 'refused: Decimal must be a string like "1234.50" with at most 2 decimals'],
      ['1e3', 'refused: Decimal must be a string like "1234.50" with at most 2 decimals'],
      ['12.', 'refused: Decimal must be a string like "1234.50" with at most 2 decimals'],
      [1234.5, 'refused: Decimal must be a string like "1234.50" with at most 2 decimals'],
    ];
    const results = [];
    for (const [given] of cases) results.push([given, await echo('Decimal', given)]);
    expect(results).toEqual(cases);
  });

  it('Percent: up to 4 places in, exactly 4 out', async () => {
    const cases: [unknown, unknown][] = [
      ['4.35', '4.3500'],
      ['30', '30.0000'],
      ['4.35001', 'refused: Percent must be a string like "1234.50" with at most 4 decimals'],
      [4.35, 'refused: Percent must be a string like "1234.50" with at most 4 decimals'],
    ];
    const results = [];
    for (const [given] of cases) results.push([given, await echo('Percent', given)]);
    expect(results).toEqual(cases);
  });

  it('Date: RFC 3339 full-date, real days of 1900–9999 only; DateTime: an offset required, UTC out', async () => {
    const results = [
      await echo('Date', '2026-03-31'),
      await echo('Date', '2024-02-29'),
      await echo('Date', '2026-02-30'),
      await echo('Date', '1899-12-31'),
      await echo('Date', '2026-3-31'),
      await echo('DateTime', '2026-03-31T09:30:00+08:00'),
      await echo('DateTime', '2026-03-31T01:30:00Z'),
      await echo('DateTime', '2026-03-31T09:30:00'),
    ];
    expect(results.map((r) => (typeof r === 'string' && r.startsWith('refused') ? 'refused' : r))).toEqual([
      '2026-03-31',
      '2024-02-29',
      'refused',
      'refused',
      'refused',
      '2026-03-31T01:30:00.000Z',
      '2026-03-31T01:30:00.000Z',
      'refused',
    ]);
  });

  it('CreditCode: trimmed and upper-cased in, a wrong length or character refused, 18 capitals out', async () => {
    const results = [
      await echo('CreditCode', ' 91420100ma4k0a1b6l '),
      await echo('CreditCode', '91420100MA4K0A1B6'),
      await echo('CreditCode', '91420100MA4K0A1B6I'),
      // A wrong check character is not the scalar's business: where a code is looked up, it matches nothing.
      await echo('CreditCode', '91420100MA4K0A1B6M'),
    ];
    expect(results.map((r) => (typeof r === 'string' && r.startsWith('refused') ? 'refused' : r))).toEqual([
      '91420100MA4K0A1B6L',
      'refused',
      'refused',
      '91420100MA4K0A1B6M',
    ]);
  });
});
