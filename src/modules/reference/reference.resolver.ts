import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { readAll } from '../../db/read-objects';
import { IndustryCluster, Park } from '../enterprise/park.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from '../finance/counterparty.entity';
import { Institution } from '../institution/institution.entity';
import {
  RecordBankBranchInput,
  RecordBankInput,
  RecordFundInput,
  RecordIndustryClusterInput,
  RecordInstitutionInput,
  RecordInsurerInput,
  RecordParkInput,
  RecordRiskCompensationPoolInput,
} from './reference.inputs';
import * as reference from './reference.service';

export const RecordParkPayload = Payload('RecordParkPayload', 'park', Park, 'The park recorded.');
export const RecordIndustryClusterPayload = Payload('RecordIndustryClusterPayload', 'industryCluster', IndustryCluster, 'The industry cluster recorded.');
export const RecordInstitutionPayload = Payload('RecordInstitutionPayload', 'institution', Institution, 'The institution recorded.');
export const RecordBankPayload = Payload('RecordBankPayload', 'bank', Bank, 'The bank recorded.');
export const RecordBankBranchPayload = Payload('RecordBankBranchPayload', 'bankBranch', BankBranch, 'The bank sub-branch recorded.');
export const RecordInsurerPayload = Payload('RecordInsurerPayload', 'insurer', Insurer, 'The insurer recorded.');
export const RecordFundPayload = Payload('RecordFundPayload', 'fund', Fund, 'The fund recorded.');
export const RecordRiskCompensationPoolPayload = Payload(
  'RecordRiskCompensationPoolPayload',
  'riskCompensationPool',
  RiskCompensationPool,
  'The risk compensation pool recorded.',
);

/** The registry's reference data and counterparties, maintained by zone administrators and read by everyone. */
@Resolver()
export class ReferenceDataResolver {
  @Authorized()
  @Query(() => [Park], { description: 'The sub-parks of the zone, by code: a fixed handful (tens at most), so a plain list.' })
  parks(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Park, { code: 'asc' });
  }

  @Authorized()
  @Query(() => [IndustryCluster], {
    description: 'The strategic emerging industry clusters (战略性新兴产业集群), by code: a fixed handful (tens at most), so a plain list.',
  })
  industryClusters(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, IndustryCluster, { code: 'asc' });
  }

  @Authorized()
  @Query(() => [Bank], {
    description:
      'Every bank on record (partners, others and those planned), by name in pinyin order: the ids `lenderId` takes. Reference data of a few dozen, so a plain list.',
  })
  banks(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Bank, { name: 'pinyin', id: 'asc' });
  }

  @Authorized()
  @Query(() => [Insurer], {
    description: 'Every insurer and reinsurer on record, by name in pinyin order: the ids `insurerId` and `reinsurerId` take. Reference data of a few dozen, so a plain list.',
  })
  insurers(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Insurer, { name: 'pinyin', id: 'asc' });
  }

  @Authorized()
  @Query(() => [Fund], { description: 'Every fund on record, by name in pinyin order: the ids `fundId` takes. Reference data of a few dozen, so a plain list.' })
  funds(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Fund, { name: 'pinyin', id: 'asc' });
  }

  @Authorized()
  @Query(() => [RiskCompensationPool], {
    description: 'Every risk compensation pool (风险补偿资金池) on record, by name in pinyin order: the ids `poolId` takes. A handful, so a plain list.',
  })
  riskCompensationPools(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, RiskCompensationPool, { name: 'pinyin', id: 'asc' });
  }

  @Authorized()
  @Mutation(() => RecordParkPayload, { description: 'Records a sub-park of the zone under a new code.\nErrors: InvalidInputError, DuplicateError.' })
  async recordPark(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The park to record.' }) input: RecordParkInput) {
    return RecordParkPayload.from(await reference.recordPark(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordIndustryClusterPayload, {
    description: 'Records a strategic emerging industry cluster under a new code.\nErrors: InvalidInputError, DuplicateError.',
  })
  async recordIndustryCluster(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The cluster to record.' }) input: RecordIndustryClusterInput) {
    return RecordIndustryClusterPayload.from(await reference.recordIndustryCluster(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordInstitutionPayload, { description: 'Records a university or research institute.\nErrors: InvalidInputError, DuplicateError.' })
  async recordInstitution(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The institution to record.' }) input: RecordInstitutionInput) {
    return RecordInstitutionPayload.from(await reference.recordInstitution(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordBankPayload, {
    description: 'Records a bank; its credit code must have a correct check character.\nErrors: InvalidInputError, DuplicateError.',
  })
  async recordBank(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The bank to record.' }) input: RecordBankInput) {
    return RecordBankPayload.from(await reference.recordBank(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordBankBranchPayload, { description: 'Records a sub-branch of a recorded bank.\nErrors: InvalidInputError, NotFoundError, DuplicateError.' })
  async recordBankBranch(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The branch to record.' }) input: RecordBankBranchInput) {
    return RecordBankBranchPayload.from(await reference.recordBankBranch(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordInsurerPayload, { description: 'Records an insurer or reinsurer.\nErrors: InvalidInputError, DuplicateError.' })
  async recordInsurer(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The insurer to record.' }) input: RecordInsurerInput) {
    return RecordInsurerPayload.from(await reference.recordInsurer(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordFundPayload, { description: 'Records an investment fund.\nErrors: InvalidInputError, DuplicateError.' })
  async recordFund(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The fund to record.' }) input: RecordFundInput) {
    return RecordFundPayload.from(await reference.recordFund(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordRiskCompensationPoolPayload, {
    description: 'Records a risk compensation pool or SME loan mutual-aid fund.\nErrors: InvalidInputError, DuplicateError.',
  })
  async recordRiskCompensationPool(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The pool to record.' }) input: RecordRiskCompensationPoolInput) {
    return RecordRiskCompensationPoolPayload.from(await reference.recordRiskCompensationPool(ctx, input));
  }
}
