import {
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  getNullableType,
  isListType,
  isNonNullType,
  type ResponsePath,
} from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { forbidden } from '../common/errors';
import type { RequestContext } from '../context';
import { mayCall, TYPES } from './policy';

/** The root field a resolver runs under: the operation recorded with a bank's reads. */
function rootField(path: ResponsePath): string {
  let p = path;
  while (p.prev) p = p.prev;
  return String(p.key);
}

/** The GraphQL type an object value stands for: entity classes are named after their types. */
const typeOf = (value: object): string => value.constructor?.name ?? 'Object';

/** Are the items of this list type nullable? (`nodes` keeps a null in place; other lists drop what is hidden.) */
function itemsNullable(type: GraphQLOutputType): boolean {
  const list = getNullableType(type);
  return isListType(list) && !isNonNullType(list.ofType);
}

/** Hides what the viewer may not see in a resolved value: null for a single object, removed from a list. */
async function screen(value: unknown, ctx: RequestContext, info: GraphQLResolveInfo): Promise<unknown> {
  if (value === null || typeof value !== 'object') return value;
  const policed = (v: unknown) => v !== null && typeof v === 'object' && !!TYPES[typeOf(v)] && !ctx.access.seesAllRowsOf(typeOf(v));
  if (Array.isArray(value) ? !value.some(policed) : !policed(value)) return value;
  const operation = rootField(info.path);
  if (Array.isArray(value)) {
    const seen = await Promise.all(value.map((v) => (v === null ? false : ctx.access.seesObject(typeOf(v), v, operation))));
    return itemsNullable(info.returnType) ? value.map((v, i) => (seen[i] ? v : null)) : value.filter((_, i) => seen[i]);
  }
  return (await ctx.access.seesObject(typeOf(value), value, operation)) ? value : null;
}

/**
 * Applies the access policy (policy.ts) to every field type-graphql resolves: a field the viewer may not see
 * resolves to null without running its resolver, and an object the viewer may not see never leaves it.
 * Root fields are gated by the authChecker; this re-checks them so a resolver that forgot `@Authorized()` is
 * still closed.
 */
export const enforcePolicy: MiddlewareFn<RequestContext> = async ({ root, info, context }, next) => {
  const parent = info.parentType.name;
  if (parent === 'Query' || parent === 'Mutation') {
    if (!mayCall(parent, info.fieldName, context.viewer?.role ?? null)) {
      throw forbidden(`A ${context.viewer?.role ?? 'caller without a token'} may not use ${info.fieldName}.`);
    }
  } else if (TYPES[parent]) {
    if (!(await context.access.seesField(parent, info.fieldName, root as object))) return null;
  }
  return screen(await next(), context, info);
};
