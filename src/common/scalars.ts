import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { checkCreditCode } from './credit-code';
import { fixed, isDecimal } from './decimal';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * The years a date given to innozone may fall in: four digits, from 1900 (the registry's oldest dates are enterprises
 * founded in the last century) to 9999 (the usual "open-ended"). Year 0000, which PostgreSQL refuses mid-request, and
 * the centuries before are typos.
 */
export const DATE_YEARS = { from: 1900, to: 9999 } as const;

function inRange<T>(parse: (value: unknown) => T, year: (parsed: T) => number, name: string) {
  return (value: unknown): T => {
    const parsed = parse(value);
    const y = year(parsed);
    if (!(y >= DATE_YEARS.from && y <= DATE_YEARS.to)) {
      const given = typeof value === 'object' && value !== null && 'value' in value ? value.value : value;
      throw badInput(`${name} must lie in the years ${DATE_YEARS.from} to ${DATE_YEARS.to}; got ${JSON.stringify(given)}`);
    }
    return parsed;
  };
}

const localDate = LocalDateResolver.toConfig();
const dateYear = (text: string) => Number(text.slice(0, 4));

/** `Date`: a calendar date "YYYY-MM-DD" (graphql-scalars' LocalDate under the name API.md uses), years 1900–9999. */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: 'Date',
  description: `A calendar date, "YYYY-MM-DD", without time zone, in the years ${DATE_YEARS.from} to ${DATE_YEARS.to}.`,
  parseValue: inRange((v) => localDate.parseValue!(v) as string, dateYear, 'Date'),
  parseLiteral: inRange((ast) => localDate.parseLiteral!(ast as never, undefined) as string, dateYear, 'Date'),
});

const dateTime = DateTimeResolver.toConfig();

/** `DateTime`: an instant, ISO 8601 with offset (graphql-scalars), years 1900–9999 when given. */
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  parseValue: inRange((v) => dateTime.parseValue!(v) as Date, (d) => d.getUTCFullYear(), 'DateTime'),
  parseLiteral: inRange((ast) => dateTime.parseLiteral!(ast as never, undefined) as Date, (d) => d.getUTCFullYear(), 'DateTime'),
});

function decimalScalar(name: string, places: number, description: string) {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !isDecimal(value, places)) {
      throw badInput(`${name} must be a string like "1234.5${places > 1 ? '0' : ''}" with at most ${places} decimals`);
    }
    return fixed(value, places);
  };
  // A value already written as `fixed` writes it (PostgreSQL's numeric(…, places) text) is sent as it is.
  const written = new RegExp(`^-?(0|[1-9][0-9]*)\\.[0-9]{${places}}$`);
  const negativeZero = /^-0\.0*$/;
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => {
      const text = String(value);
      return written.test(text) && !negativeZero.test(text) ? text : fixed(text, places);
    },
    parseValue: parse,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw badInput(`${name} must be given as a string, e.g. "1234.50"`);
      return parse(ast.value);
    },
  });
}

/** `Decimal`: money in yuan as a string with two places ("1234.50"); never a float, in or out. */
export const DecimalScalar = decimalScalar('Decimal', 2, 'Money in yuan: a string with two decimal places, e.g. "1234.50".');

/** `Percent`: a share or rate in percent as a string with up to four places ("3.8500"). */
export const PercentScalar = decimalScalar(
  'Percent',
  4,
  'A share or rate in percent, as a string with four decimal places, e.g. "4.3500" for 4.35%.',
);

/**
 * `CreditCode`: a Unified Social Credit Code. Arguments must have a valid format; the check character is not
 * enforced here, since an administrator may record an early code that fails it (the registry records the override).
 */
function parseCreditCode(value: unknown): string {
  if (typeof value !== 'string') throw badInput('CreditCode must be a string of 18 characters');
  const check = checkCreditCode(value);
  if (!check.ok && check.reason === 'FORMAT') throw badInput(check.message);
  return value.trim().toUpperCase();
}

export const CreditCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CreditCode',
  description:
    'A Unified Social Credit Code (统一社会信用代码, GB 32100-2015), 18 characters. A wrong format is refused; ' +
    'a wrong check character is refused where a code is recorded, unless an administrator overrides it.',
  serialize: (value) => String(value),
  parseValue: parseCreditCode,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('CreditCode must be a string of 18 characters');
    return parseCreditCode(ast.value);
  },
});
