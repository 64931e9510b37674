import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CreditCodeScalar, PercentScalar } from '../../common/scalars';
import { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import { CppccLevel, HandlingUnit, PolicyRequestStatus, ProposalStatus, ProposerKind } from './cppcc.entity';

/** Arbitrary JSON objects: the frozen evidence and what produced it. */
export const JSONObjectScalar = JSONObjectResolver;

@InputType()
export class PolicyRequestInput {
  @Field({ description: 'The need, in a line.' })
  title!: string;

  @Field({ description: 'The need in full.' })
  need!: string;

  @Field(() => [CreditCodeScalar], {
    description: 'The enterprises it concerns (a representative: its own, alone). Empty for a need of the zone.',
  })
  creditCodes!: string[];
}

@InputType()
export class PolicyRequestFilter {
  @Field(() => PolicyRequestStatus, { nullable: true })
  status?: PolicyRequestStatus | null;

  @Field(() => CreditCodeScalar, { nullable: true, description: 'Concerning this enterprise.' })
  creditCode?: string | null;
}

@InputType()
export class DraftProposalInput {
  @Field(() => CppccLevel)
  level!: CppccLevel;

  @Field({ description: '案由: one issue.' })
  subject!: string;

  @Field({ description: '理由.' })
  reasons!: string;

  @Field({ description: '建议.' })
  recommendations!: string;

  @Field(() => [ID], { defaultValue: [], description: 'The policy requests it carries.' })
  policyRequestIds!: string[];

  @Field(() => ProposerKind, { defaultValue: ProposerKind.MEMBERS, description: 'SECTOR and PARTY: the drafter’s own.' })
  proposerKind!: ProposerKind;

  @Field(() => [ID], { defaultValue: [], description: 'Members proposing jointly with the drafter.' })
  coProposerIds!: string[];

  @Field(() => String, { nullable: true, description: 'For SPECIAL_COMMITTEE: the committee.' })
  committee?: string | null;

  @Field({ defaultValue: false })
  complex!: boolean;
}

@InputType({ description: 'Changes to a draft; what is not given stays.' })
export class ProposalUpdateInput {
  @Field(() => CppccLevel, { nullable: true })
  level?: CppccLevel | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  reasons?: string | null;

  @Field(() => String, { nullable: true })
  recommendations?: string | null;

  @Field(() => [ID], { nullable: true })
  policyRequestIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  complex?: boolean | null;
}

@InputType({ description: 'Exactly one of: an enterprise, an instrument, or the figures of a portfolio filter.' })
export class EvidenceInput {
  @Field(() => CreditCodeScalar, { nullable: true })
  creditCode?: string | null;

  @Field(() => ID, { nullable: true })
  instrumentId?: string | null;

  @Field(() => EnterpriseFilter, { nullable: true })
  portfolioFilter?: EnterpriseFilter | null;
}

@InputType()
export class ProposalFilter {
  @Field(() => [ProposalStatus], { nullable: true })
  status?: ProposalStatus[] | null;

  @Field(() => CppccLevel, { nullable: true })
  level?: CppccLevel | null;

  @Field(() => String, { nullable: true, description: 'Proposed by members of, or by, this sector (code).' })
  sector?: string | null;

  @Field(() => Boolean, { nullable: true })
  key?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'With its units, past its due date without a reply.' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Proposed or co-signed by me (a member).' })
  mine?: boolean | null;
}

@InputType()
export class CppccMemberFilter {
  @Field(() => String, { nullable: true, description: 'Sector code.' })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'Party code.' })
  party?: string | null;

  @Field(() => CppccLevel, { nullable: true, description: 'Sits on this committee.' })
  level?: CppccLevel | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  search?: string | null;
}

@ObjectType({ description: 'A handling unit’s replies rated in a year (democratic evaluation, 民主评议).' })
export class HandlingUnitScore {
  @Field(() => HandlingUnit)
  unit!: HandlingUnit;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Lead replies given in the year.' })
  replies!: number;

  @Field(() => Int, { description: 'Of them, rated by the proposer.' })
  rated!: number;

  @Field(() => Int)
  satisfied!: number;

  @Field(() => Int)
  basicallySatisfied!: number;

  @Field(() => Int)
  dissatisfied!: number;

  @Field(() => PercentScalar, { nullable: true, description: 'Satisfied or basically satisfied, of those rated.' })
  satisfactionRate!: string | null;
}
