import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { checkCreditCode } from './credit-code';
import { fixed, isDecimal } from './decimal';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** `Date`: a calendar date "YYYY-MM-DD" (graphql-scalars' LocalDate under the name API.md uses). */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD", without time zone.',
});

/** `DateTime`: an instant, ISO 8601 with offset (graphql-scalars). */
export const DateTimeScalar = DateTimeResolver;

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
