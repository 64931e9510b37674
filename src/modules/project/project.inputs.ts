import { Field, ID, InputType } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../common/scalars';
import { FundingSource, ParticipantRole, ProjectOutputKind, ProjectStatus } from './project.entity';

@InputType({ description: 'A participant: exactly one of creditCode (an enterprise) and institutionId.' })
export class ProjectParticipantInput {
  @Field(() => CreditCodeScalar, { nullable: true })
  creditCode?: string | null;

  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => ParticipantRole)
  role!: ParticipantRole;
}

@InputType()
export class ProjectBudgetLineInput {
  @Field(() => FundingSource)
  source!: FundingSource;

  @Field(() => DecimalScalar)
  amount!: string;
}

@InputType()
export class ProjectOutputInput {
  @Field(() => ProjectOutputKind)
  kind!: ProjectOutputKind;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'For a PATENT output: the patent number, registered already.' })
  patentNumber?: string | null;
}

@InputType()
export class ResearchProjectInput {
  @Field()
  title!: string;

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => DateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  platform?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  disposalRightsPilot: boolean = false;

  @Field(() => [ProjectParticipantInput], { description: 'At least one enterprise and one institution.' })
  participants!: ProjectParticipantInput[];

  @Field(() => [ProjectBudgetLineInput], { defaultValue: [] })
  budget!: ProjectBudgetLineInput[];

  @Field(() => [ProjectOutputInput], { defaultValue: [] })
  outputs!: ProjectOutputInput[];
}
