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
  description:
    `A calendar date without time of day or time zone: RFC 3339 \`full-date\`, "YYYY-MM-DD" (e.g. "2026-03-31"), ` +
    `in the years ${DATE_YEARS.from} to ${DATE_YEARS.to}; a date that does not exist ("2026-02-30") is refused. ` +
    'Dates of the registry are dates in China: where innozone decides what is true "today" (authorizations in force, ' +
    'rules in force, overdue proposals, an omitted `asOf`), today is the date in Asia/Shanghai (UTC+8), whatever the ' +
    'time zone of the client or the server. Written the same way in answers.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  parseValue: inRange((v) => localDate.parseValue!(v) as string, dateYear, 'Date'),
  parseLiteral: inRange((ast) => localDate.parseLiteral!(ast as never, undefined) as string, dateYear, 'Date'),
});

const dateTime = DateTimeResolver.toConfig();

/** `DateTime`: an instant, ISO 8601 with offset (graphql-scalars), years 1900–9999 when given. */
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  description:
    'An instant: RFC 3339 `date-time` with a time zone offset, e.g. "2026-03-31T09:30:00+08:00" or ' +
    '"2026-03-31T01:30:00Z", in the years 1900 to 9999; one without an offset is refused. Answers give it in UTC ' +
    'with milliseconds, e.g. "2026-03-31T01:30:00.000Z".',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  parseValue: inRange((v) => dateTime.parseValue!(v) as Date, (d) => d.getUTCFullYear(), 'DateTime'),
  parseLiteral: inRange((ast) => dateTime.parseLiteral!(ast as never, undefined) as Date, (d) => d.getUTCFullYear(), 'DateTime'),
});

function decimalScalar(name: string, places: number, description: string, specifiedByURL: string) {
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
    specifiedByURL,
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
export const DecimalScalar = decimalScalar(
  'Decimal',
  2,
  'An amount of money in Chinese yuan (CNY, ISO 4217; 元), exact, as a JSON string, never a number. ' +
    'In: an XML Schema decimal restricted to an optional leading "-", 1 to 16 digits before the point and 0 to 2 ' +
    'after it (pattern -?[0-9]{1,16}(\\.[0-9]{1,2})?), e.g. "1234.5", "1234.50", "-80"; a "+", an exponent, a ' +
    'point without digits after it, a third decimal place (fen is the smallest unit) or a JSON number is refused, ' +
    'nothing is rounded. A field that cannot be negative (an amount lent, a value appraised) says so and refuses a ' +
    'negative amount as invalid input. Out: always exactly two decimal places, no leading zeros, no "+", never "-0.00", ' +
    'e.g. "1234.50", "0.00", "-80.00".',
  'https://www.w3.org/TR/xmlschema11-2/#decimal',
);

/** `Percent`: a share or rate in percent as a string with up to four places ("3.8500"). */
export const PercentScalar = decimalScalar(
  'Percent',
  4,
  'A share or rate in percent (百分比), exact, as a JSON string: "4.35" means 4.35 %, not 435 %. ' +
    'In: an XML Schema decimal restricted to an optional leading "-", 1 to 16 digits before the point and 0 to 4 ' +
    'after it (pattern -?[0-9]{1,16}(\\.[0-9]{1,4})?), e.g. "4.35", "4.3500", "30"; a fifth decimal place, an ' +
    'exponent or a JSON number is refused, nothing is rounded. A field with a range (a share of 0 to 100) says so. ' +
    'Out: always exactly four decimal places, e.g. "4.3500", "30.0000".',
  'https://www.w3.org/TR/xmlschema11-2/#decimal',
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
    'A Unified Social Credit Code (统一社会信用代码) of GB 32100-2015: 18 characters, the digits and the capitals ' +
    'other than I, O, S, V and Z, in the standard\'s layout (registering authority, kind, 6-digit administrative ' +
    'division, 9-character organization code, check character). In: surrounding white space is trimmed and letters ' +
    'are upper-cased first (" 91420100ma4k0a1b6l " is 91420100MA4K0A1B6L); a wrong length or character is refused ' +
    'at once. A wrong check character (the 18th, from the weights of the standard) is refused where a code is ' +
    'recorded, as a CheckCharacterMismatchError, unless an administrator overrides it for a code legally issued so; ' +
    'where a code is only looked up, it simply matches nothing. Out: always the 18 characters, upper-case.',
  specifiedByURL: 'https://openstd.samr.gov.cn/bzgk/gb/newGbInfo?hcno=24691C25985C1073D3A7C85629378AC0',
  serialize: (value) => String(value),
  parseValue: parseCreditCode,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('CreditCode must be a string of 18 characters');
    return parseCreditCode(ast.value);
  },
});
