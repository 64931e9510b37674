import 'reflect-metadata';
import { type GraphQLObjectType, type GraphQLSchema, isAbstractType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { applyPolicy } from './auth/enforce-policy';
import { ROOT } from './auth/policy';
import { typeNamedAfterClass } from './common/node';
import { addEnumAliases } from './common/enum-aliases';
import { applyOneOfInputs } from './common/one-of';
import { DateTimeScalar } from './common/scalars';
import { notePlainFields } from './db/sql-answer';
import { AccountResolver } from './modules/account/account.resolver';
import { AuditEventResolver } from './modules/audit/audit.resolver';
import { AuthorizationResolver, EnterpriseViewerAuthorizationResolver } from './modules/authorization/authorization.resolver';
import {
  CppccMemberResolver,
  PolicyRequestResolver,
  ProposalEvidenceResolver,
  ProposalReplyResolver,
  ReplyRatingResolver,
  CoHandlerOpinionResolver,
  ProposalResolver,
} from './modules/cppcc/cppcc.resolver';
import {
  CreditStandingResolver,
  EligibilityReceiptResolver,
  EligibilityResultResolver,
  PilotProgramResolver,
  ProgramRuleVersionResolver,
} from './modules/eligibility/eligibility.resolver';
import { CreditRecordsResolver } from './modules/credit/credit.resolver';
import { EnterpriseResolver } from './modules/enterprise/enterprise.resolver';
import { financeResolvers } from './modules/finance/instrument.resolver';
import { LoanBookResolver } from './modules/finance/loan-book';
import { EquityIncentivePlanResolver } from './modules/incentive/incentive.resolver';
import { ImportResolver } from './modules/imports/import.resolver';
import { InstitutionResolver } from './modules/institution/institution.resolver';
import { PatentResolver } from './modules/ip/patent.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { PortfolioResolver } from './modules/portfolio/portfolio.resolver';
import { QualificationResolver } from './modules/qualification/qualification.resolver';
import {
  ProjectOutputResolver,
  ProjectParticipantResolver,
  ResearchProjectResolver,
} from './modules/project/project.resolver';
import { CppccRegistersResolver } from './modules/cppcc/registers.resolver';
import { ReferenceDataResolver } from './modules/reference/reference.resolver';
import { TaxPilotUsageResolver } from './modules/tax/tax.resolver';
import { ActorResolver, ViewerResolver } from './modules/viewer';
import { NotificationResolver } from './events/notification.resolver';
import { WebhookResolver } from './events/webhook.resolver';
import { LiveResolver } from './subscriptions/live';
import { announceReads, NO_PUB_SUB } from './subscriptions/reads';

/** Every module's resolvers; a new module adds its own here. */
export const resolvers: NonEmptyArray<Function> = [
  ViewerResolver,
  NotificationResolver,
  WebhookResolver,
  ActorResolver,
  NodeResolver,
  EnterpriseResolver,
  PortfolioResolver,
  ...financeResolvers,
  PatentResolver,
  QualificationResolver,
  ResearchProjectResolver,
  ProjectParticipantResolver,
  ProjectOutputResolver,
  EquityIncentivePlanResolver,
  TaxPilotUsageResolver,
  ReferenceDataResolver,
  CppccRegistersResolver,
  InstitutionResolver,
  AuditEventResolver,
  AuthorizationResolver,
  EnterpriseViewerAuthorizationResolver,
  LoanBookResolver,
  PilotProgramResolver,
  ProgramRuleVersionResolver,
  CreditStandingResolver,
  CreditRecordsResolver,
  EligibilityReceiptResolver,
  EligibilityResultResolver,
  ProposalResolver,
  ProposalReplyResolver,
  ReplyRatingResolver,
  CoHandlerOpinionResolver,
  ProposalEvidenceResolver,
  CppccMemberResolver,
  PolicyRequestResolver,
  AccountResolver,
  ImportResolver,
  LiveResolver,
];

/**
 * Builds the GraphQL schema from the code (type-graphql). `extraResolvers` is for tests only: their root fields,
 * which the policy cannot know, are opened to every caller; every other root field the policy does not name stays
 * closed.
 */
export async function buildInnozoneSchema(extraResolvers: Function[] = []): Promise<GraphQLSchema> {
  // A plain field reads its property with GraphQL's default resolver (which graphql-jit inlines), not through
  // type-graphql's per-field wrapper, which allocated a resolver-data object for every field of every object. None
  // of our fields has middlewares or roles (the access policy applies itself: src/auth/enforce-policy.ts). A field
  // served under another name than its property (`id` from `nodeId`) keeps the wrapper, which reads the property.
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && field.name === field.schemaName && !field.middlewares?.length && !field.roles?.length) field.simple = true;
  }
  const built = await buildSchema({
    resolvers: [...resolvers, ...extraResolvers] as NonEmptyArray<Function>,
    authChecker,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Required by type-graphql for any @Subscription; innozone's bring their own streams (src/subscriptions/live.ts).
    pubSub: NO_PUB_SUB,
  });
  // Pre-v1 enum values kept as deprecated aliases (src/common/enum-aliases.ts).
  const schema = addEnumAliases(built);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) type.resolveType = typeNamedAfterClass;
  }
  // Input classes marked @OneOf() become `@oneOf` input objects (type-graphql has no option for it).
  applyOneOfInputs(schema);
  // Which fields read their property as they are (their SQL form is their column: src/db/sql-answer.ts).
  notePlainFields(schema);
  applyPolicy(schema);
  // Live unread counts hear of notifications marked read, once the marking committed.
  announceReads(schema);
  if (extraResolvers.length > 0) {
    for (const parent of ['Query', 'Mutation'] as const) {
      for (const field of Object.keys(schema.getType(parent) ? (schema.getType(parent) as GraphQLObjectType).getFields() : {})) {
        if (!(field in ROOT[parent])) (ROOT[parent] as Record<string, unknown>)[field] = 'PUBLIC';
      }
    }
  }
  return schema;
}

export const SCHEMA_HEADER =
  '# Emitted from the code by `npm run schema` (src/schema.ts). Do not edit: a test fails when it drifts.\n\n';

/** The SDL committed as schema/schema.graphql: sorted, so the file changes only when the schema does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
