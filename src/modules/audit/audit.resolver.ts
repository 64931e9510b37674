import { Arg, Args, Authorized, Ctx, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { Connection, ForwardPageArgs, type Page } from '../../common/pagination';
import { CreditCodeScalar, DateTimeScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { DataAuthorization } from '../authorization/authorization.entity';
import { AuditEvent, AuditOutcome } from './audit.entity';
import { findAuditEvents } from './audit.queries';

@InputType({ description: 'Which audit events: every given condition must hold.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true })
  operation?: string | null;

  @Field(() => Role, { nullable: true })
  actorRole?: Role | null;

  @Field(() => String, { nullable: true })
  actorOrg?: string | null;

  @Field(() => CreditCodeScalar, { nullable: true, description: 'Events concerning this enterprise.' })
  creditCode?: string | null;

  @Field(() => AuditOutcome, { nullable: true })
  outcome?: AuditOutcome | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;
}

@ObjectType({ description: 'One value a correction changed: the input field that names it, its value before and after.' })
export class AuditFieldChange {
  @Field({ description: 'The field, as the correction input names it (e.g. contractNumber, lenderId).' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value recorded before, as text in its GraphQL form (ids global); null: none.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The value recorded after, as text in its GraphQL form (ids global); null: none.' })
  after!: string | null;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized()
  @Query(() => AuditEventConnection, {
    description: 'The audit trail, newest first. A representative sees the events concerning its own enterprise.',
  })
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) given: AuditEventFilter | null,
  ): Promise<Page<AuditEvent>> {
    return findAuditEvents(ctx, given, page);
  }

  @FieldResolver(() => DataAuthorization, { nullable: true, description: 'The authorisation a bank read under.' })
  authorization(@Root() e: AuditEvent, @Ctx() ctx: RequestContext) {
    return e.authorizationId ? ctx.loaders.byId(DataAuthorization).load(e.authorizationId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why: the reason given for a correction or a void (correct…, voidInstrument); null for other operations.',
  })
  reason(@Root() e: AuditEvent): string | null {
    const reason = e.details?.['reason'];
    return typeof reason === 'string' ? reason : null;
  }

  @FieldResolver(() => [AuditFieldChange], {
    description: 'What a correction changed, each value before and after; empty for other operations.',
  })
  changes(@Root() e: AuditEvent): AuditFieldChange[] {
    const changes = e.details?.['changes'];
    return Array.isArray(changes) ? (changes as AuditFieldChange[]) : [];
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() e: AuditEvent, @Ctx() ctx: RequestContext) {
    return e.enterpriseId ? ctx.loaders.byId(Enterprise).load(e.enterpriseId) : null;
  }
}
