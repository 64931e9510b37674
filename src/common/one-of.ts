import {
  getNamedType,
  GraphQLError,
  type GraphQLInputType,
  GraphQLInputObjectType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  typeFromAST,
  type ValidationRule,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * OneOf input objects (`@oneOf`, graphql-js 16.9+): exactly one of the fields is given, and it is not null. A client
 * then cannot send an impossible combination (a rejection with a "key proposal" flag, two sources of evidence): the
 * document is refused at validation (a literal) or at variable coercion (a variable), before any resolver runs.
 *
 * type-graphql 2.0.0-rc.4 has no option for it, so input classes are marked here (`@OneOf()` next to `@InputType`) and
 * the built schema's input object types are switched over by `applyOneOfInputs` (src/schema.ts). Every field of such
 * a class must be nullable and have no default value, as the specification requires; a class breaking that fails the
 * schema build.
 */
const marked = new Set<Function>();

/** Marks an `@InputType` class as a OneOf input object: exactly one of its fields, non-null. */
export function OneOf(): ClassDecorator {
  return (target) => {
    marked.add(target);
  };
}

/** Sets `isOneOf` on the input object types of the marked classes; returns their GraphQL names. */
export function applyOneOfInputs(schema: GraphQLSchema): string[] {
  const names: string[] = [];
  for (const target of marked) {
    const metadata = getMetadataStorage().inputTypes.find((t) => t.target === target);
    const type = metadata && schema.getType(metadata.name);
    // A marked class whose input type no resolver uses is not in the schema: nothing to do.
    if (!metadata || !type) continue;
    if (!isInputObjectType(type)) throw new Error(`@OneOf(): ${metadata.name} is not an input object type`);
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type)) throw new Error(`@OneOf(): ${type.name}.${field.name} must be nullable`);
      if (field.defaultValue !== undefined) throw new Error(`@OneOf(): ${type.name}.${field.name} cannot have a default value`);
    }
    (type as { isOneOf: boolean }).isOneOf = true;
    names.push(type.name);
  }
  return names;
}

/** Does a value of this input type hold a OneOf input object anywhere (through lists and input objects)? */
function holdsOneOf(type: GraphQLInputType, seen = new Set<GraphQLInputObjectType>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named)) return false;
  if (named.isOneOf) return true;
  seen.add(named);
  return Object.values(named.getFields()).some((f) => holdsOneOf(isListType(f.type) ? f.type.ofType : f.type, seen));
}

/**
 * Does the operation take a variable whose value holds a OneOf input object? graphql-jit (src/executor.ts) coerces
 * variables itself and does not know OneOf: such operations have their variables coerced by graphql-js first.
 */
export function variablesHoldOneOf(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType | undefined;
    return !!type && holdsOneOf(type);
  });
}

/**
 * A variable standing for a OneOf input object's field must be non-null (the specification's "All Variable Usages Are
 * Allowed"). graphql-js 16.15 has the check but compares the wrapped parent type (`ReviewDecisionInput!`), so it never
 * fires; this rule makes it, with graphql-js's own words.
 */
export const oneOfVariablesRule: ValidationRule = (context) => ({
  OperationDefinition: {
    leave(operation) {
      for (const { node, parentType } of context.getRecursiveVariableUsages(operation)) {
        const parent = parentType && getNamedType(parentType);
        const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === node.name.value);
        if (!parent || !isInputObjectType(parent) || !parent.isOneOf || !definition || definition.type.kind === 'NonNullType') continue;
        const varType = typeFromAST(context.getSchema(), definition.type as never);
        context.reportError(
          new GraphQLError(`Variable "$${node.name.value}" is of type "${String(varType)}" but must be non-nullable to be used for OneOf Input Object "${parent.name}".`, {
            nodes: [definition, node],
          }),
        );
      }
    },
  },
});
