import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { sqlArray } from '../../common/sql';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Patent, PatentAppraisal } from './patent.entity';
import { PatentAppraisalInput, PatentInput } from './patent.inputs';
import { recordPatent, recordPatentAppraisal } from './patent.service';
import { readRows } from '../../db/read-objects';
import { type CustomRead, custom, follows, many, one } from '../../db/read-plan';
import { answers, value } from '../../db/sql-answer';
import { IpPledge, pledgeInForceSql, pledgedOnSql } from '../finance/instrument.entity';
import { zoneToday } from '../../clock';

/** What the fields of patents read (src/db/read-plan.ts). */
const PATENT = follows('Patent', {
  owner: one(Enterprise, 'owner'),
  pledged: custom((ctx) => activePledgesRead(ctx)),
  appraisals: many(PatentAppraisal, 'patent', { appraisedOn: 'desc', id: 'asc' }),
});

/** The same fields in SQL (src/db/sql-answer.ts). */
answers('Patent', {
  owner: PATENT.owner,
  pledged: value((t, q) => pledgedOnSql(t, `${q.p(zoneToday())}::date`)),
  appraisals: PATENT.appraisals,
});

export const PatentPayload = Payload('PatentPayload', 'patent', Patent, 'The patent registered.');
export const PatentAppraisalPayload = Payload('PatentAppraisalPayload', 'appraisal', PatentAppraisal, 'The appraisal recorded.');

/** Whether each patent is pledged today: a registration made and not cancelled (read ahead with a page: read-plan.ts). */
function activePledgesRead(ctx: RequestContext): CustomRead & { pledged(patentIds: readonly string[], pledgedIds: readonly (string | null)[]): boolean[] } {
  return {
    key: 'activePledges',
    entity: IpPledge,
    extra: [],
    order: '',
    sql: (patentIds) => ({
      sql: `select p.* from ip_pledge p where p.patent_id = any(${patentIds}) and ${pledgeInForceSql('p', '?::date')}`,
      bindings: [zoneToday(), zoneToday()],
    }),
    /** Whether each patent is among those a pledge row was read for. */
    pledged(patentIds, pledgedIds) {
      const pledged = new Set(pledgedIds);
      return patentIds.map((id) => pledged.has(id));
    },
    prime(_loaders, patentIds, rows) {
      const loader = activePledges(ctx);
      const pledged = this.pledged(patentIds, rows.text('patent_id'));
      patentIds.forEach((id, i) => loader.prime(id, pledged[i]!));
    },
  };
}

function activePledges(ctx: RequestContext): DataLoader<string, boolean> {
  return ctx.loaders.custom('activePledges', () =>
    new DataLoader<string, boolean>(async (patentIds) => {
      const read = activePledgesRead(ctx);
      const { sql, bindings } = read.sql('?::uuid[]');
      const rows = await readRows<{ patent_id: string }>(ctx.em, sql, [sqlArray(patentIds), ...bindings]);
      return read.pledged(patentIds, rows.map((r) => r.patent_id));
    }),
  );
}

@Resolver(() => Patent)
export class PatentResolver {
  @Authorized()
  @Mutation(() => PatentPayload, { description: 'Registers a patent of an enterprise.' })
  async recordPatent(@Ctx() ctx: RequestContext, @Arg('input') input: PatentInput) {
    return PatentPayload.from(await recordPatent(ctx, input));
  }

  @Authorized()
  @Mutation(() => PatentAppraisalPayload, { description: 'Records an appraisal of a patent.' })
  async recordPatentAppraisal(@Ctx() ctx: RequestContext, @Arg('input') input: PatentAppraisalInput) {
    return PatentAppraisalPayload.from(await recordPatentAppraisal(ctx, input));
  }

  @FieldResolver(() => Enterprise)
  owner(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PATENT.owner, p);
  }

  @FieldResolver(() => [PatentAppraisal], { description: 'Newest first.' })
  appraisals(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow<PatentAppraisal>(PATENT.appraisals, p);
  }

  @FieldResolver(() => Boolean, { description: 'Pledged today: a pledge registered and not cancelled (注销登记), whatever the status of its loan.' })
  pledged(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return activePledges(ctx).load(p.id);
  }
}
