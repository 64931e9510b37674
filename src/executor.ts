import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { execute, type ExecutionResult, getOperationAST, GraphQLError, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from './context';
import { variablesHoldOneOf } from './common/one-of';
import { answerInSql, type SqlPlan } from './db/sql-answer';

/** Operations kept compiled: clients send a few dozen distinct ones; the bound keeps a hostile client from growing it. */
const COMPILED_OPERATIONS = 500;

/**
 * graphql-jit's errors are its own kind: no `extensions` unless the cause had some, which Apollo's error formatting
 * requires. Rebuilt as graphql-js errors with the same message, path, locations and cause.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations?.length) Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true });
  return rebuilt;
}

/**
 * First, an operation that can be answered in one SQL statement is (src/db/sql-answer.ts). Otherwise it executes with
 * graphql-jit (or graphql-js with `jit: false`): each distinct operation (by Apollo's query hash and operation name) is
 * compiled once into a function that resolves and serialises its selection without walking the AST again. Apollo
 * Server 5 takes an executor only through its gateway interface, so this is a "gateway" that serves one local
 * schema. Parsing, validation (depth, aliases), plugins and error formatting stay Apollo's.
 *
 * An operation whose variables do not coerce is answered by graphql-js instead, so its error says exactly what
 * graphql-js says and Apollo classifies it as BAD_USER_INPUT as before.
 */
export function compiledExecutor(schema: GraphQLSchema, options: { jit: boolean } = { jit: true }): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery & { oneOfVariables?: boolean }>({ max: COMPILED_OPERATIONS });
  /** Answers in SQL planned, by operation, viewer, day and variables (or why there is none). */
  const plans = new LRUCache<string, SqlPlan>({ max: COMPILED_OPERATIONS });
  let listener: GatewaySchemaLoadOrUpdateCallback | null = null;

  const executor: GatewayExecutor = async (request) => {
    const context = request.context as RequestContext;
    if (context.sqlAnswers) {
      const answered = await answerInSql(schema, request.document, request.operationName, request.request.variables, context, {
        cache: plans,
        operation: `${request.queryHash}\u0000${request.operationName ?? ''}`,
      });
      if (answered) return answered;
    }
    const withGraphqlJs = () =>
      execute({
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: request.request.variables,
        operationName: request.operationName,
      }) as Promise<ExecutionResult<Record<string, unknown>>>;
    if (!options.jit) return withGraphqlJs();
    const key = `${request.queryHash}\u0000${request.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(schema, request.document, request.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result as ExecutionResult<Record<string, unknown>>;
      const operation = getOperationAST(request.document, request.operationName ?? undefined);
      query = Object.assign(result, { oneOfVariables: !!operation && variablesHoldOneOf(schema, operation) });
      compiled.set(key, query);
    }
    // graphql-jit's own variable coercion does not know OneOf input objects (src/common/one-of.ts): graphql-js
    // coerces them first, and words the refusal when they break the rule.
    if (query.oneOfVariables) {
      const operation = getOperationAST(request.document, request.operationName ?? undefined)!;
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.request.variables ?? {});
      if (coerced.errors) return withGraphqlJs();
    }
    const result = await query.query(undefined, request.context, request.request.variables ?? {});
    if (result.errors?.length && result.data === undefined) {
      // Variables that do not coerce: nothing ran; let graphql-js word the refusal.
      return withGraphqlJs();
    }
    if (result.errors?.length) return { ...result, errors: result.errors.map(asGraphQLError) } as ExecutionResult<Record<string, unknown>>;
    return result as ExecutionResult<Record<string, unknown>>;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      compiled.clear();
      plans.clear();
    },
  };
}
