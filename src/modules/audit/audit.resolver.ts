import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { Connection, ForwardPageArgs, type Page } from '../../common/pagination';
import { CreditCodeScalar, DateTimeScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { DataAuthorization } from '../authorization/authorization.entity';
import { AuditEvent, AuditOutcome } from './audit.entity';
import { findAuditEvents } from './audit.queries';
import { JSONObjectScalar } from '../cppcc/cppcc.types';
import { fromGlobalId } from '../../common/global-id';
import { Import } from '../imports/import.entity';

/** What a correction, void or update of a recorded fact changed, as its audit event keeps it. */
@ObjectType({
  description:
    'What a correction, void or update of a recorded fact (a credit rating, a dishonest-debtor check, a patent, a patent appraisal) changed, or the disabling of an account: the reason given, and the record’s facts (and version) before and after.',
})
export class RecordChange {
  @Field(() => ID, { description: 'The record changed: `node(id:)` reads it, voided or not.' })
  recordId!: string;

  @Field({ description: 'Why, as given to the mutation.' })
  reason!: string;

  @Field(() => JSONObjectScalar, { description: 'The record’s facts and version before the change, by field name as the record’s type shows them.' })
  before!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { description: 'The record’s facts and version after it (a void: with `voidedAt` set).' })
  after!: Record<string, unknown>;
}

@InputType({ description: 'Which audit events: every condition given must hold.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'The root field of the operation, e.g. grantAuthorization.' })
  operation?: string | null;

  @Field(() => Role, { nullable: true, description: 'Done with a token of this role.' })
  actorRole?: Role | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Done for this organization: the global id of a Bank, an Enterprise, a CppccMember or a HandlingUnit.',
  })
  actorOrganizationId?: string | null;

  @Field(() => CreditCodeScalar, { nullable: true, description: 'Concerning this enterprise.' })
  creditCode?: string | null;

  @Field(() => AuditOutcome, { nullable: true, description: 'Ended this way.' })
  outcome?: AuditOutcome | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Happened at or after this instant.' })
  occurredFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Happened before this instant (excluded).' })
  occurredBefore?: Date | null;
}

@ObjectType('AuditEventConnection', { description: 'A page of the audit trail, newest first.' })
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized()
  @Query(() => AuditEventConnection, {
    description:
      'The audit trail, newest first. An administrator sees every event; a representative those concerning its own ' +
      'enterprise, the reads banks made of its data included.',
  })
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Which events; all the viewer may see when omitted.' }) given: AuditEventFilter | null,
  ): Promise<Page<AuditEvent>> {
    return findAuditEvents(ctx, given, page);
  }

  @FieldResolver(() => DataAuthorization, { nullable: true, description: 'The authorization a bank read under, or the one granted or revoked; null for other events.' })
  authorization(@Root() e: AuditEvent, @Ctx() ctx: RequestContext) {
    return e.authorizationId ? ctx.loaders.byId(DataAuthorization).load(e.authorizationId) : null;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise it concerns; null when it concerns none.' })
  enterprise(@Root() e: AuditEvent, @Ctx() ctx: RequestContext) {
    return e.enterpriseId ? ctx.loaders.byId(Enterprise).load(e.enterpriseId) : null;
  }

  @FieldResolver(() => Import, {
    nullable: true,
    description: 'For an import of a spreadsheet (`importRecords`): the import, with its kind, file name, SHA-256, row count and problems. Null for every other event.',
  })
  import(@Root() e: AuditEvent, @Ctx() ctx: RequestContext) {
    const parsed = typeof e.details?.['import'] === 'string' ? fromGlobalId(e.details['import']) : null;
    return parsed?.type === 'Import' ? ctx.loaders.byId(Import).load(parsed.id) : null;
  }

  @FieldResolver(() => RecordChange, {
    nullable: true,
    description:
      'For a correction, void or update of a recorded fact that took effect, and for an account disabled: what it changed and why. Null for every other event.',
  })
  change(@Root() e: AuditEvent): RecordChange | null {
    const d = e.details;
    if (!d || typeof d['reason'] !== 'string' || typeof d['record'] !== 'string') return null;
    return Object.assign(new RecordChange(), {
      recordId: d['record'],
      reason: d['reason'],
      before: d['before'] as Record<string, unknown>,
      after: d['after'] as Record<string, unknown>,
    });
  }
}
