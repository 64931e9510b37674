import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  type GraphQLError,
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
import { either, MASKED_PREFIX, maskedSentence } from './policy-table';
import { FIELD_GRANTS, isMaskable, maskedExtensions, mayCall, TYPES } from './policy';
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

/** How each restricted type's object is made from the full one it stands for (`TypeRule.restricted`), by type name. */
const restrictedForms = new Map<string, (full: object) => object>();

/** Declares how an object of the restricted type `type` is made from a full one (the module defining it calls this). */
export function restrictedForm(type: string, make: (full: object) => object): void {
  restrictedForms.set(type, make);
}

/** Can a value of this field's type be an object of type `name`? */
function canHold(info: GraphQLResolveInfo, name: string): boolean {
  const named = getNamedType(info.returnType);
  return isAbstractType(named) ? info.schema.getPossibleTypes(named).some((t) => t.name === name) : named.name === name;
}

/**
 * An object the viewer sees, as it is shown to it: itself, or its restricted form when the viewer may see it only so
 * (null where the field cannot hold that form: a payload or a link no such viewer reaches).
 */
async function asShown(value: object, ctx: RequestContext, info: GraphQLResolveInfo): Promise<object | null> {
  const type = typeOf(value);
  const restricted = TYPES[type]?.restricted;
  if (!restricted || !(await ctx.access.seesOnlyRestricted(type, value))) return value;
  return canHold(info, restricted.as) ? restrictedForms.get(restricted.as)!(value) : null;
}

/**
 * Hides what the viewer may not see in a resolved value: null for a single object, removed from a list (with no error:
 * for this viewer it does not exist); an object it may see only restricted becomes its restricted form.
 */
function screen(value: unknown, ctx: RequestContext, info: GraphQLResolveInfo): unknown {
  if (value === null || typeof value !== 'object') return value;
  const policed = (v: unknown) => v !== null && typeof v === 'object' && !!TYPES[typeOf(v)] && !ctx.access.seesAllRowsOf(typeOf(v));
  // The common case (an administrator, reference data, a page object) returns at once, without a promise.
  if (Array.isArray(value) ? !value.some(policed) : !policed(value)) return value;
  const operation = rootField(info.path);
  const shown = async (v: object): Promise<object | null> => ((await ctx.access.seesObject(typeOf(v), v, operation)) ? asShown(v, ctx, info) : null);
  if (Array.isArray(value)) {
    return Promise.all(value.map((v) => (v === null ? null : shown(v as object)))).then((seen) =>
      itemsNullable(info.returnType) ? seen : seen.filter((v) => v !== null),
    );
  }
  return shown(value);
}

/** Can a value of this type hold an object the policy screens (a record type that is not public)? */
function mayHoldPoliced(schema: GraphQLSchema, type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  const policed = (name: string) => !!TYPES[name] && !TYPES[name]!.public;
  if (isAbstractType(named)) return schema.getPossibleTypes(named).some((t) => policed(t.name));
  return policed(named.name);
}

/**
 * The error a masked field answers with, beside its null: FORBIDDEN, with what would grant it in `extensions`
 * (`reason`, `allowedRoles`, and `requiredScope` or `condition`: src/auth/policy.ts `MaskedExtensions`).
 */
export function maskedError(type: string, field: string, role: Role | null): GraphQLError {
  const why = maskedExtensions(type, field, role);
  const coordinate = `${type}.${field}`;
  const message =
    why.reason === 'SCOPE'
      ? `${coordinate} is masked: it needs an authorization from the enterprise with scope ${why.requiredScope}.`
      : why.reason === 'CONDITION'
        ? `${coordinate} is masked: a ${role} sees it only under condition ${why.condition}.`
        : `${coordinate} is masked: ${why.allowedRoles.length ? `only ${either(why.allowedRoles)} may see it` : 'no role may see it'}.`;
  return forbidden(message, { ...why });
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

/** Wraps an object field: masked (null and a FORBIDDEN error) when the viewer may not see it, then screening of what it returns. */
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
    const role = ctx.viewer?.role ?? null;
    const grant = role ? FIELD_GRANTS.get(type)?.get(name)?.[role] : undefined;
    if (grant === undefined) throw maskedError(type, name, role);
    if (grant === true) return resolveAndScreen(root, args, ctx, info);
    return ctx.access.seesField(type, name, root as object).then((seen) => {
      if (!seen) throw maskedError(type, name, role);
      return resolveAndScreen(root, args, ctx, info);
    });
  };
}

/** A description with the generated masked sentence last, in place of any written by hand (which could drift). */
function withMaskedSentence(description: string | null | undefined, sentence: string): string {
  const own = (description ?? '').split(MASKED_PREFIX)[0]!.trim();
  return own ? `${own} ${sentence}` : sentence;
}

/**
 * Applies the access policy (policy.ts) to the built schema, field by field, only where it can matter: every root
 * field is gated (and every mutation audited in its transaction); a field some viewers of its object may not see is
 * masked for them (null and a FORBIDDEN error, without running its resolver), so it must be nullable, and its
 * description ends with who sees it; a field that can return a record is screened so an object the viewer may not see
 * never leaves (null, or left out of a list) and one it may see only restricted leaves as its restricted form.
 * Everything else keeps its resolver untouched, so an administrator's page pays for none of this.
 */
export function applyPolicy(schema: GraphQLSchema): GraphQLSchema {
  for (const [type, rule] of Object.entries(TYPES)) {
    const as = rule.restricted?.as;
    if (as && (!isObjectType(schema.getType(as)) || !restrictedForms.has(as))) throw new Error(`policy: ${type} is restricted as ${as}, which has no object type or form`);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (type.name === 'Query' || type.name === 'Mutation') {
        field.resolve = rootResolver(type.name, field, schema) as GraphQLFieldResolver<unknown, unknown>;
        continue;
      }
      const checks = !!TYPES[type.name] && isMaskable(type.name, field.name);
      if (checks) {
        // A masked non-null field would null its parent too: the whole object would vanish for one hidden value.
        if (isNonNullType(field.type)) throw new Error(`policy: ${type.name}.${field.name} is masked for some viewers, so it must be nullable`);
        field.description = withMaskedSentence(field.description, maskedSentence(type.name, field.name)!);
      }
      const screens = mayHoldPoliced(schema, field.type);
      if (checks || screens) field.resolve = fieldResolver(type.name, field, checks, screens) as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
