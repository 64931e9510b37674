import { Arg, Args, Authorized, Ctx, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { forbidden } from '../../common/errors';
import { Connection, ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { CreditCodeScalar, DateTimeScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';
import { AuditEvent, AuditOutcome } from './audit.entity';

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

@ObjectType('AuditEventConnection')
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized(Role.ZONE_ADMIN, Role.ENTERPRISE_REP)
  @Query(() => AuditEventConnection, {
    description: 'The audit trail, newest first. A representative sees the events concerning its own enterprise.',
  })
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) given: AuditEventFilter | null,
  ): Promise<Page<AuditEvent>> {
    let filter = given;
    const viewer = ctx.viewer!;
    if (viewer.role === Role.ENTERPRISE_REP) {
      if (given?.creditCode && given.creditCode !== viewer.organisation) {
        throw forbidden('A representative sees the audit events of its own enterprise only.');
      }
      filter = { ...given, creditCode: viewer.organisation };
    }
    const request = pageRequest(page, 1);
    const knex = ctx.em.getKnex();
    const where = (q: ReturnType<typeof knex>) => {
      if (filter?.operation) q.where('a.operation', filter.operation);
      if (filter?.actorRole) q.where('a.actor_role', filter.actorRole);
      if (filter?.actorOrg) q.where('a.actor_org', filter.actorOrg);
      if (filter?.outcome) q.where('a.outcome', filter.outcome);
      if (filter?.from) q.where('a.at', '>=', filter.from);
      if (filter?.to) q.where('a.at', '<', filter.to);
      if (filter?.creditCode) q.whereIn('a.enterprise_id', knex('enterprise').select('id').where('credit_code', filter.creditCode));
      return q;
    };
    const q = where(knex('audit_event as a').select('a.*'));
    if (request.cursor) q.where('a.seq', '<', String(request.cursor[0]));
    const rows: Record<string, unknown>[] = await ctx.em.execute(q.orderBy('a.seq', 'desc').limit(request.limit + 1));
    return Page.fromRows(
      rows.map((r) => ctx.em.map(AuditEvent, r)),
      request,
      (e) => e,
      (e) => [e.seq],
      async () => {
        const [row] = (await ctx.em.execute(where(knex('audit_event as a').count({ n: '*' })))) as { n: string }[];
        return Number(row!.n);
      },
    );
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() e: AuditEvent, @Ctx() ctx: RequestContext) {
    return e.enterpriseId ? ctx.loaders.byId(Enterprise).load(e.enterpriseId) : null;
  }
}
