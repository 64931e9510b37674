import {
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/** Arguments given to list fields so a selection reaches all of a small fixture. */
const FIELD_ARGS: Record<string, string> = Object.fromEntries(
  ['instruments', 'patents', 'projects', 'incentivePlans', 'grants', 'talentAwards', 'creditRatings', 'dishonestDebtorChecks'].map((f) => [f, '(first: 100)']),
);

/**
 * A selection of every field of `type`, recursively, with `__typename` on every object, generated from the
 * schema so a new field is selected the day it is added. A type already on the path is cut short (id and credit
 * code only), which ends the cycles (an instrument's enterprise, a patent's owner).
 */
export function selectEverything(schema: GraphQLSchema, type: GraphQLCompositeType, path: readonly string[] = []): string {
  if (isAbstractType(type)) {
    const variants = schema.getPossibleTypes(type).map((t) => `... on ${t.name} ${selectEverything(schema, t, path)}`);
    return `{ __typename ${variants.join(' ')} }`;
  }
  if (!isObjectType(type)) throw new Error(`${String(type)} is not an object type`);
  const fields = type.getFields();
  if (path.includes(type.name)) {
    const cut = ['id', 'creditCode'].filter((f) => fields[f]);
    return `{ __typename ${cut.join(' ')} }`;
  }
  const parts = ['__typename'];
  for (const field of Object.values(fields)) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    const args = FIELD_ARGS[field.name] ?? '';
    // An actor's organization is a record met in full where it is listed (a bank, an enterprise, a member, a unit):
    // under an actor it is cut short, or every record with an actor would hold a whole enterprise.
    const cut = type.name === 'Actor' && isAbstractType(named) ? schema.getPossibleTypes(named).map((t) => t.name) : [];
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else if (field.name === 'nodes' && type.name.endsWith('Connection')) {
      // A connection's nodes are its edges' nodes, selected in full under `edges`: here cut short (id and credit code).
      const nodeCut = isAbstractType(named) ? schema.getPossibleTypes(named).map((t) => t.name) : [named.name];
      parts.push(`${field.name} ${selectEverything(schema, named as GraphQLCompositeType, [...path, type.name, ...nodeCut])}`);
    } else if (isCompositeType(named)) parts.push(`${field.name}${args} ${selectEverything(schema, named, [...path, type.name, ...cut])}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** A value of `typeName` the schema accepts, for calling a root field with only its required arguments. */
export function sampleValue(schema: GraphQLSchema, typeName: string, samples: Record<string, unknown>): unknown {
  if (typeName in samples) return samples[typeName];
  const type = schema.getType(typeName);
  if (!type) throw new Error(`no type ${typeName}`);
  // An enum is sent by its name (its internal value may differ: a stored spelling kept under a renamed value).
  if ('getValues' in type) return type.getValues()[0]!.name;
  if ('getFields' in type && !isInterfaceType(type) && !isObjectType(type)) {
    const value: Record<string, unknown> = {};
    const fields = Object.values(type.getFields());
    // A OneOf input object (`@oneOf`) takes exactly one field: its first.
    if ('isOneOf' in type && type.isOneOf) return { [fields[0]!.name]: sample(schema, fields[0]!.type, samples) };
    for (const f of fields) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = sample(schema, f.type, samples);
    }
    return value;
  }
  throw new Error(`no sample for ${typeName}`);
}

function sample(schema: GraphQLSchema, type: import('graphql').GraphQLInputType, samples: Record<string, unknown>): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if ('ofType' in inner && inner.ofType) return [sample(schema, inner.ofType as import('graphql').GraphQLInputType, samples)];
  return sampleValue(schema, getNamedType(inner).name, samples);
}

/** An operation calling `parent.field` with sampled required arguments (as variables). */
export function callWithSamples(
  schema: GraphQLSchema,
  parent: 'Query' | 'Mutation',
  field: string,
  samples: Record<string, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const def = schema.getType(parent)!;
  if (!isObjectType(def)) throw new Error(parent);
  const f = def.getFields()[field]!;
  const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((a) => [a.name, sample(schema, a.type, samples)]));
  const decl = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(f.type)) ? '' : '{ __typename }';
  const op = parent === 'Query' ? 'query' : 'mutation';
  return {
    query: `${op} Matrix${decl ? `(${decl})` : ''} { ${field}${call ? `(${call})` : ''} ${selection} }`,
    variables,
  };
}
