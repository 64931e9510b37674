import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { sqlArray } from '../../common/sql';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Patent, PatentAppraisal } from './patent.entity';
import { CorrectPatentAppraisalInput, RecordPatentAppraisalInput, RecordPatentInput, UpdatePatentInput, VoidPatentAppraisalInput } from './patent.inputs';
import * as patents from './patent.service';
import { readRows } from '../../db/read-objects';
import { type CustomRead, custom, follows, many, one } from '../../db/read-plan';
import { answers, list, value } from '../../db/sql-answer';
import { IpPledge, pledgeInForceSql, pledgedOnSql } from '../finance/instrument.entity';
import { zoneToday } from '../../clock';

/** What the fields of patents read (src/db/read-plan.ts). */
const PATENT = follows('Patent', {
  owner: one(Enterprise, 'owner'),
  isPledged: custom((ctx) => activePledgesRead(ctx)),
  // Voided ones too (few): the resolver leaves them out.
  appraisals: many(PatentAppraisal, 'patent', { appraisedOn: 'desc', id: 'asc' }),
});

/** The same fields in SQL (src/db/sql-answer.ts). */
answers('Patent', {
  owner: PATENT.owner,
  isPledged: value((t, q) => pledgedOnSql(t, `${q.p(zoneToday())}::date`)),
  appraisals: list(PatentAppraisal, (t, c) => ({
    from: `patent_appraisal ${c} where ${c}.patent_id = ${t}.id and ${c}.voided_at is null`,
    order: `${c}.appraised_on desc, ${c}.id asc`,
  })),
});

export const RecordPatentPayload = Payload('RecordPatentPayload', 'patent', Patent, 'The patent registered.');
export const UpdatePatentPayload = Payload('UpdatePatentPayload', 'patent', Patent, 'The patent as updated.');
export const RecordPatentAppraisalPayload = Payload('RecordPatentAppraisalPayload', 'patentAppraisal', PatentAppraisal, 'The patent appraisal recorded.');
export const CorrectPatentAppraisalPayload = Payload('CorrectPatentAppraisalPayload', 'patentAppraisal', PatentAppraisal, 'The patent appraisal as corrected.');
export const VoidPatentAppraisalPayload = Payload('VoidPatentAppraisalPayload', 'patentAppraisal', PatentAppraisal, 'The patent appraisal, voided.');

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
  @Mutation(() => RecordPatentPayload, {
    description:
      'Registers a patent (专利) of an enterprise; the number’s check digit is verified and its kind read from it. A representative registers its own enterprise’s patents only.\nErrors: InvalidInputError, NotFoundError, DuplicateError, NotPermittedError.',
  })
  async recordPatent(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The patent to record.' }) input: RecordPatentInput) {
    return RecordPatentPayload.from(await patents.recordPatent(ctx, input));
  }

  @Authorized()
  @Mutation(() => UpdatePatentPayload, {
    description:
      'Brings a registered patent up to date (granted, lapsed, invalidated, expired) or corrects its title, legal status or grant date; its number stays. The version is bumped and the audit trail keeps the reason with the patent before and after. A representative updates its own enterprise’s patents only.\nErrors: InvalidInputError, NotFoundError, StaleVersionError, NotPermittedError.',
  })
  async updatePatent(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The patent, the version read, the reason and the changes.' }) input: UpdatePatentInput) {
    return UpdatePatentPayload.from(await patents.updatePatent(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordPatentAppraisalPayload, {
    description:
      'Records an appraisal (专利评估) of a registered patent. A representative appraises its own enterprise’s patents only.\nErrors: InvalidInputError, NotFoundError, NotPermittedError.',
  })
  async recordPatentAppraisal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The appraisal to record.' }) input: RecordPatentAppraisalInput) {
    return RecordPatentAppraisalPayload.from(await patents.recordPatentAppraisal(ctx, input));
  }

  @Authorized()
  @Mutation(() => CorrectPatentAppraisalPayload, {
    description:
      'Corrects a patent appraisal recorded wrongly: the values given replace those recorded (a pledge relying on it sees the corrected value), the version is bumped, and the audit trail keeps the reason with the appraisal before and after. A voided appraisal cannot be corrected; a representative corrects its own enterprise’s only.\nErrors: InvalidInputError, NotFoundError, StaleVersionError, NotPermittedError, TransitionNotAllowedError.',
  })
  async correctPatentAppraisal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The appraisal, the version read, the reason and the corrected values.' }) input: CorrectPatentAppraisalInput) {
    return CorrectPatentAppraisalPayload.from(await patents.correctPatentAppraisal(ctx, input));
  }

  @Authorized()
  @Mutation(() => VoidPatentAppraisalPayload, {
    description:
      'Voids a patent appraisal recorded in error: it is kept, readable by id with `voidedAt` and `voidReason`, but no eligibility answer, list or new pledge reads it after; the audit trail keeps the reason with the appraisal before and after. Once only; one a pledge relies on cannot be voided (correct it instead); a representative voids its own enterprise’s only.\nErrors: InvalidInputError, NotFoundError, StaleVersionError, NotPermittedError, TransitionNotAllowedError.',
  })
  async voidPatentAppraisal(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The appraisal, the version read and the reason.' }) input: VoidPatentAppraisalInput) {
    return VoidPatentAppraisalPayload.from(await patents.voidPatentAppraisal(ctx, input));
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise holding it (专利权人).' })
  owner(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.follow(PATENT.owner, p);
  }

  @FieldResolver(() => [PatentAppraisal], {
    description: 'Its appraisals that are not voided, newest first: a few at most (one per valuation a pledge or a sale needed), so a plain list.',
  })
  async appraisals(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.follow<PatentAppraisal>(PATENT.appraisals, p)).filter((a) => !a.voidedAt);
  }

  @FieldResolver(() => Boolean, { description: 'Pledged today: a pledge registered and not cancelled (注销登记), whatever the status of its loan.' })
  isPledged(@Root() p: Patent, @Ctx() ctx: RequestContext) {
    return activePledges(ctx).load(p.id);
  }
}
