import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/**
 * Issue 14, item 11: every type, field, argument, input field and enum value of the schema is described in English
 * (with the Chinese term in parentheses where Chinese practice has one). What is missing, by schema coordinate:
 * no description at all, or one with Chinese but no English word in it.
 */
export interface DescriptionGap {
  coordinate: string;
  problem: 'MISSING' | 'CHINESE_ONLY';
}

const HAN = /\p{Script=Han}/u;
const ENGLISH_WORD = /[A-Za-z]{3,}/;

export function descriptionGaps(schema: GraphQLSchema): DescriptionGap[] {
  const gaps: DescriptionGap[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    const text = description?.trim() ?? '';
    if (text === '') gaps.push({ coordinate, problem: 'MISSING' });
    else if (HAN.test(text) && !ENGLISH_WORD.test(text.replace(/`[^`]*`/g, ''))) gaps.push({ coordinate, problem: 'CHINESE_ONLY' });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    // The standard scalars and the root operation types are described by the GraphQL specification itself.
    const standard = isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name);
    const root = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as never);
    if (!standard && !root) check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      // A union's members are types, described where they are defined.
    }
  }
  return gaps.sort((a, b) => (a.coordinate < b.coordinate ? -1 : 1));
}
