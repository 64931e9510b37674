import { GraphQLEnumType, type GraphQLEnumValueConfigMap, type GraphQLSchema } from 'graphql';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { LEGACY_REMOVAL } from './legacy-args';

/**
 * Enum values renamed by API v1 that shared/API.md lists, kept for one release as deprecated aliases: an old client
 * may still send `CITY` (read as MUNICIPAL); answers give the new name. type-graphql registers one GraphQL value per
 * member of a TypeScript enum, and these enums are the database's too, so the aliases are added to the built schema.
 */
export const ENUM_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CppccLevel: { CITY: 'MUNICIPAL', PROVINCE: 'PROVINCIAL', NATION: 'NATIONAL' },
  CriterionKind: { AUTHORISATION: 'AUTHORIZATION' },
};

/**
 * The schema with each alias before the value it stands for, deprecated. (graphql-js answers a value with the last
 * name declared for it, so the aliases come first and answers keep the new names.) mapSchema (graphql-tools, already
 * Apollo Server's) rebuilds every reference to the enum types it replaces; resolvers are kept.
 */
export function addEnumAliases(schema: GraphQLSchema, aliases = ENUM_ALIASES): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ENUM_TYPE]: (type) => {
      const own = aliases[type.name];
      if (!own) return type;
      const config = type.toConfig();
      const added: GraphQLEnumValueConfigMap = {};
      for (const [old, now] of Object.entries(own)) {
        const target = config.values[now];
        if (!target) throw new Error(`${type.name}.${old} is an alias of ${now}, which ${type.name} lacks.`);
        added[old] = {
          value: target.value,
          description: `Before API v1: ${now}, which answers give.`,
          deprecationReason: `Use ${now}. Removed after ${LEGACY_REMOVAL}.`,
        };
      }
      return new GraphQLEnumType({ ...config, values: { ...added, ...config.values } });
    },
  });
}
