import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { IndustryCluster, Park } from '../enterprise/park.entity';
import { Bank, BankBranch, Fund, Insurer, RiskCompensationPool } from '../finance/counterparty.entity';
import { Institution } from '../institution/institution.entity';
import {
  BankBranchInput,
  BankInput,
  CodedNameInput,
  FundInput,
  InstitutionInput,
  InsurerInput,
  RiskCompensationPoolInput,
} from './reference.inputs';
import * as reference from './reference.service';

export const ParkPayload = Payload('ParkPayload', 'park', Park, 'The park recorded.');
export const IndustryClusterPayload = Payload('IndustryClusterPayload', 'cluster', IndustryCluster, 'The cluster recorded.');
export const InstitutionPayload = Payload('InstitutionPayload', 'institution', Institution, 'The institution recorded.');
export const BankPayload = Payload('BankPayload', 'bank', Bank, 'The bank recorded.');
export const BankBranchPayload = Payload('BankBranchPayload', 'branch', BankBranch, 'The sub-branch recorded.');
export const InsurerPayload = Payload('InsurerPayload', 'insurer', Insurer, 'The insurer recorded.');
export const FundPayload = Payload('FundPayload', 'fund', Fund, 'The fund recorded.');
export const RiskCompensationPoolPayload = Payload('RiskCompensationPoolPayload', 'pool', RiskCompensationPool, 'The pool recorded.');

/** The registry's reference data and counterparties, maintained by zone administrators. */
@Resolver()
export class ReferenceDataResolver {
  @Authorized()
  @Mutation(() => ParkPayload)
  async recordPark(@Ctx() ctx: RequestContext, @Arg('input') input: CodedNameInput) {
    return ParkPayload.from(await reference.recordPark(ctx, input));
  }

  @Authorized()
  @Mutation(() => IndustryClusterPayload)
  async recordIndustryCluster(@Ctx() ctx: RequestContext, @Arg('input') input: CodedNameInput) {
    return IndustryClusterPayload.from(await reference.recordIndustryCluster(ctx, input));
  }

  @Authorized()
  @Mutation(() => InstitutionPayload)
  async recordInstitution(@Ctx() ctx: RequestContext, @Arg('input') input: InstitutionInput) {
    return InstitutionPayload.from(await reference.recordInstitution(ctx, input));
  }

  @Authorized()
  @Mutation(() => BankPayload)
  async recordBank(@Ctx() ctx: RequestContext, @Arg('input') input: BankInput) {
    return BankPayload.from(await reference.recordBank(ctx, input));
  }

  @Authorized()
  @Mutation(() => BankBranchPayload)
  async recordBankBranch(@Ctx() ctx: RequestContext, @Arg('input') input: BankBranchInput) {
    return BankBranchPayload.from(await reference.recordBankBranch(ctx, input));
  }

  @Authorized()
  @Mutation(() => InsurerPayload)
  async recordInsurer(@Ctx() ctx: RequestContext, @Arg('input') input: InsurerInput) {
    return InsurerPayload.from(await reference.recordInsurer(ctx, input));
  }

  @Authorized()
  @Mutation(() => FundPayload)
  async recordFund(@Ctx() ctx: RequestContext, @Arg('input') input: FundInput) {
    return FundPayload.from(await reference.recordFund(ctx, input));
  }

  @Authorized()
  @Mutation(() => RiskCompensationPoolPayload)
  async recordRiskCompensationPool(@Ctx() ctx: RequestContext, @Arg('input') input: RiskCompensationPoolInput) {
    return RiskCompensationPoolPayload.from(await reference.recordRiskCompensationPool(ctx, input));
  }
}
