import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type ResponsePath,
} from 'graphql';
import { forbidden, unauthenticated } from '../common/errors';
import type { RequestContext } from '../context';
import { AuditOutcome } from '../modules/audit/audit.entity';
import { auditedMutation } from '../modules/audit/audit.middleware';
import { recordAudit } from '../modules/audit/audit.service';
import { FIELD_GRANTS, mayCall, TYPES } from './policy';
import type { Role } from './roles';

type Resolver = GraphQLFieldResolver<unknown, RequestContext>;

/** The root field a resolver runs under: the operation recorded with a bank's reads. */
function rootField(path: ResponsePath): string {
  let p = path;
  while (p.prev) p = p.prev;
  return String(p.key);
}

/** The GraphQL type an object value stands for: entity classes are named after their types. */
const typeOf = (value: object): string => value.constructor?.name ?? 'Object';

const isPromise = (v: unknown): v is Promise<unknown> => !!v && typeof (v as Promise<unknown>).then === 'function';

/** Are the items of this list type nullable? (`nodes` keeps a null in place; other lists drop what is hidden.) */
function itemsNullable(type: GraphQLOutputType): boolean {
  const list = getNullableType(type);
  return isListType(list) && !isNonNullType(list.ofType);
}

/** Hides what the viewer may not see in a resolved value: null for a single object, removed from a list. */
function screen(value: unknown, ctx: RequestContext, info: GraphQLResolveInfo): unknown {
  if (value === null || typeof value !== 'object') return value;
  const policed = (v: unknown) => v !== null && typeof v === 'object' && !!TYPES[typeOf(v)] && !ctx.access.seesAllRowsOf(typeOf(v));
  // The common case (an administrator, reference data, a page object) returns at once, without a promise.
  if (Array.isArray(value) ? !value.some(policed) : !policed(value)) return value;
  const operation = rootField(info.path);
  if (Array.isArray(value)) {
    return Promise.all(value.map((v) => (v === null ? false : ctx.access.seesObject(typeOf(v), v, operation)))).then((seen) =>
      itemsNullable(info.returnType) ? value.map((v, i) => (seen[i] ? v : null)) : value.filter((_, i) => seen[i]),
    );
  }
  return ctx.access.seesObject(typeOf(value), value, operation).then((seen) => (seen ? value : null));
}

/** Can a value of this type hold an object the policy screens (a record type that is not public)? */
function mayHoldPoliced(schema: GraphQLSchema, type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  const policed = (name: string) => !!TYPES[name] && !TYPES[name]!.public;
  if (isAbstractType(named)) return schema.getPossibleTypes(named).some((t) => policed(t.name));
  return policed(named.name);
}

/** Is this field granted to exactly those who see its object, with the same conditions? Then it needs no check. */
function sameAsRows(type: string, field: string): boolean {
  const rule = TYPES[type]!;
  if (rule.public) return true;
  const grants = FIELD_GRANTS.get(type)?.get(field);
  if (!grants) return false; // no decision: closed (the matrix test fails on it anyway)
  const roles = new Set([...Object.keys(rule.rows), ...Object.keys(grants)]) as Set<Role>;
  return [...roles].every((r) => grants[r] === rule.rows[r]);
}

/** Wraps a root field: the policy's gate (and, for a mutation, its audit event and transaction), then screening. */
function rootResolver(parent: 'Query' | 'Mutation', field: GraphQLField<unknown, RequestContext>, schema: GraphQLSchema): Resolver {
  const original = (field.resolve ?? defaultFieldResolver) as Resolver;
  const inner: Resolver = parent === 'Mutation' ? auditedMutation(original) : original;
  const screens = mayHoldPoliced(schema, field.type);
  return async (root, args, ctx, info) => {
    const role = ctx.viewer?.role ?? null;
    if (!mayCall(parent, info.fieldName, role)) {
      if (!ctx.viewer) throw unauthenticated();
      // A mutation refused for the role is an audited attempt too.
      if (parent === 'Mutation') {
        await recordAudit(ctx.em.fork(), ctx.viewer, { operation: info.fieldName, outcome: AuditOutcome.DENIED, details: { error: 'FORBIDDEN' } });
      }
      throw forbidden(`A ${ctx.viewer.role} may not use ${info.fieldName}.`);
    }
    const value = await inner(root, args, ctx, info);
    return screens ? screen(value, ctx, info) : value;
  };
}

/** Wraps an object field: null when the viewer may not see it, then screening of what it returns. */
function fieldResolver(type: string, field: GraphQLField<unknown, RequestContext>, checks: boolean, screens: boolean): Resolver {
  const original = (field.resolve ?? defaultFieldResolver) as Resolver;
  const name = field.name;
  const resolveAndScreen: Resolver = (root, args, ctx, info) => {
    const value = original(root, args, ctx, info);
    if (!screens) return value;
    return isPromise(value) ? value.then((v) => screen(v, ctx, info)) : screen(value, ctx, info);
  };
  if (!checks) return resolveAndScreen;
  return (root, args, ctx, info) => {
    const role = ctx.viewer?.role;
    const grant = role ? FIELD_GRANTS.get(type)?.get(name)?.[role] : undefined;
    if (grant === undefined) return null;
    if (grant === true) return resolveAndScreen(root, args, ctx, info);
    return ctx.access.seesField(type, name, root as object).then((seen) => (seen ? resolveAndScreen(root, args, ctx, info) : null));
  };
}

/**
 * Applies the access policy (policy.ts) to the built schema, field by field, only where it can matter: every root
 * field is gated (and every mutation audited in its transaction); a field some viewers of its object may not see
 * resolves to null for them without running its resolver; a field that can return a record is screened so an
 * object the viewer may not see never leaves (null, or left out of a list). Everything else keeps its resolver
 * untouched, so an administrator's page pays for none of this.
 */
export function applyPolicy(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (type.name === 'Query' || type.name === 'Mutation') {
        field.resolve = rootResolver(type.name, field, schema) as GraphQLFieldResolver<unknown, unknown>;
        continue;
      }
      const checks = !!TYPES[type.name] && !sameAsRows(type.name, field.name);
      const screens = mayHoldPoliced(schema, field.type);
      if (checks || screens) field.resolve = fieldResolver(type.name, field, checks, screens) as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
