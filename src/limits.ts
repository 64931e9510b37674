import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  BREAK,
  type DocumentNode,
  getLocation,
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './common/pagination';
import type { OperationLimits } from './config';

/**
 * Assumed length of a list that has no `first`/`last` (an enterprise's financial years, an instrument's holders, a
 * project's participants). The registry's lists of that kind hold a handful; 5 errs on the long side of the demo
 * zone's and a synthetic zone's.
 */
export const UNPAGED_LIST_SIZE = 5;

/**
 * Object types that are values computed with their parent, never rows read (an eligibility check's typed figures,
 * thresholds and missing facts): they cost what scalars cost, nothing, so a 1,000-code batch may ask for them.
 */
const VALUE_TYPES: ReadonlySet<string> = new Set(['CriterionFigure', 'CriterionThreshold', 'MissingFact']);

/** List arguments whose items each cost a full answer: the batch limit counts them across aliases. */
const BATCH_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  'Query.eligibility': ['creditCodes'],
  'Query.nodes': ['ids'],
};

const refusal = (message: string) => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

/**
 * graphql-armor's depth and alias rules, reporting their refusal as a validation error (a 400) rather than throwing it
 * (which Apollo answers with a 500). The limits are named in the message: they are documented, not secret.
 */
export function armorRules(limits: OperationLimits): ValidationRule[] {
  const report = (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
  return [
    maxDepthRule({ n: limits.depth, exposeLimits: true, propagateOnRejection: false, onReject: [report] }),
    maxAliasesRule({ n: limits.aliases, exposeLimits: true, propagateOnRejection: false, onReject: [report] }),
  ];
}

/**
 * The cost of a field: each object it can return counts 1, times how many it can return. A connection returns
 * `first` (or `last`, or the default page) of its nodes; its `edges`/`nodes` are counted there, not again. A batch
 * field returns one answer per code or id given. Any other list is assumed to hold UNPAGED_LIST_SIZE. Scalars cost
 * nothing: what costs is rows and objects.
 */
export function costEstimator(batch: { items: number }): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const key = `${type.name}.${field.name}`;
    const listArgs = BATCH_ARGUMENTS[key];
    if (listArgs) {
      const n = listArgs.reduce((sum, name) => sum + (Array.isArray(args[name]) ? (args[name] as unknown[]).length : 0), 0);
      batch.items += n;
      return n * (1 + childComplexity);
    }
    const filterCodes = (args['filter'] as { creditCodes?: unknown } | undefined)?.creditCodes;
    if (Array.isArray(filterCodes)) batch.items += filterCodes.length;

    const named = getNamedType(field.type);
    if (isLeafType(named) || VALUE_TYPES.has(named.name)) return 0;
    if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return childComplexity;
    if (isObjectType(named) && named.name.endsWith('Connection') && named.getFields()['edges']) {
      const asked = typeof args['first'] === 'number' ? args['first'] : typeof args['last'] === 'number' ? args['last'] : DEFAULT_PAGE_SIZE;
      return 1 + Math.max(0, Math.min(asked as number, MAX_PAGE_SIZE)) * childComplexity;
    }
    if (isListType(getNullableType(field.type))) return 1 + UNPAGED_LIST_SIZE * (1 + childComplexity);
    return 1 + childComplexity;
  };
}

/**
 * The refusal of an operation whose static cost or batch size is over the limits, or null. Variables are known here
 * (unlike in validation rules), so `first: $n` counts as what `$n` is. Variables that do not coerce are left to
 * execution, which refuses them with BAD_USER_INPUT before anything runs. HTTP requests (`costLimit`) and subscriptions
 * (src/subscriptions/ws.ts) are held to it alike.
 */
export function costRefusal(
  limits: OperationLimits,
  operation: { schema: GraphQLSchema; document: DocumentNode; variables?: Record<string, unknown> | null; operationName?: string | null },
): GraphQLError | null {
  const batch = { items: 0 };
  let cost: number;
  try {
    cost = getComplexity({
      schema: operation.schema,
      query: operation.document,
      variables: operation.variables ?? {},
      operationName: operation.operationName ?? undefined,
      estimators: [costEstimator(batch)],
    });
  } catch (err) {
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
      return refusal(`The operation has too many fields to evaluate (more than 10000 with fragments spread).`);
    }
    return null;
  }
  if (batch.items > limits.batch) {
    return refusal(
      `The operation names ${batch.items} credit codes or ids in all; at most ${limits.batch} may be named in one request, ` +
        'counting every alias.',
    );
  }
  if (cost > limits.cost) {
    return refusal(
      `The operation costs ${cost}, over the limit of ${limits.cost}. Ask for smaller pages (first/last) or fewer nested ` +
        'lists, or split it into several requests.',
    );
  }
  return null;
}

/** Refuses, before execution, an HTTP operation over the cost or batch limits (`costRefusal`). */
export function costLimit(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const refused = costRefusal(limits, { schema, document, variables: request.variables, operationName });
          if (refused) throw refused;
        },
      };
    },
  };
}

/** A NUL (which PostgreSQL cannot store in text) or a surrogate without its pair (which no encoding can carry). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => UNSTORABLE.test(text);

/** The path, in the request, of the first text that cannot be stored; undefined when there is none. */
function firstUnstorable(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return unstorable(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstUnstorable(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstUnstorable(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses, once for every input of the request, text that PostgreSQL cannot store: a NUL character or an unpaired
 * surrogate, in a variable (JSON allows both) or in a string written in the operation (GraphQL allows `\u0000`).
 * Otherwise each would reach the database and fail there, as a 500, or be changed silently into U+FFFD.
 */
export const textInputGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        let where = firstUnstorable(request.variables ?? {}, 'variables');
        if (!where) {
          visit(document, {
            StringValue(node) {
              if (unstorable(node.value)) {
                where = `the operation, line ${node.loc ? getLocation(node.loc.source, node.loc.start).line : '?'}`;
                return BREAK;
              }
              return undefined;
            },
          });
        }
        if (where) {
          throw new GraphQLError(`Text must not contain NUL characters or unpaired surrogates (in ${where}).`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};
