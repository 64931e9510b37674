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

export const PatentPayload = Payload('PatentPayload', 'patent', Patent, 'The patent registered.');
export const PatentAppraisalPayload = Payload('PatentAppraisalPayload', 'appraisal', PatentAppraisal, 'The appraisal recorded.');

/** Whether each patent is pledged under a loan that is pending or outstanding. */
function activePledges(ctx: RequestContext): DataLoader<string, boolean> {
  return ctx.loaders.custom('activePledges', () =>
    new DataLoader<string, boolean>(async (patentIds) => {
      const rows: { patent_id: string }[] = await readRows(
        ctx.em,
        `select distinct p.patent_id from ip_pledge p join financing_instrument i on i.id = p.loan_id
         where p.patent_id = any(?::uuid[]) and i.status in ('PENDING', 'ACTIVE')`,
        [sqlArray(patentIds)],
      );
      const pledged = new Set(rows.map((r) => r.patent_id));
      return patentIds.map((id) => pledged.has(id));
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
    return ctx.loaders.byId(Enterprise).load(p.owner.id);
  }

  @FieldResolver(() => [PatentAppraisal], { description: 'Newest first.' })
  appraisals(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.manyBy(PatentAppraisal, 'patent', { appraisedOn: 'desc', id: 'asc' }).load(p.id);
  }

  @FieldResolver(() => Boolean, { description: 'Pledged under a loan that is pending or outstanding.' })
  pledged(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return activePledges(ctx).load(p.id);
  }
}
