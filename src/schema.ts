import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { ViewerResolver } from './modules/viewer';

/** Every module's resolvers; a new module adds its own here. */
export const resolvers: NonEmptyArray<Function> = [ViewerResolver];

/** Builds the GraphQL schema from the code (type-graphql). `extraResolvers` is for tests only. */
export function buildInnozoneSchema(extraResolvers: Function[] = []): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers, ...extraResolvers] as NonEmptyArray<Function>,
    authChecker,
    validate: false,
  });
}

export const SCHEMA_HEADER =
  '# Emitted from the code by `npm run schema` (src/schema.ts). Do not edit: a test fails when it drifts.\n\n';

/** The SDL committed as schema/schema.graphql: sorted, so the file changes only when the schema does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
