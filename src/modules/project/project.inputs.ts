import { Field, ID, InputType } from 'type-graphql';
import { CreditCodeScalar, DateScalar, DecimalScalar } from '../../common/scalars';
import { FundingSource, ParticipantRole, ProjectOutputKind, ProjectStatus } from './project.entity';

@InputType({ description: 'A participant of a project: exactly one of `creditCode` (an enterprise) and `institutionId`.' })
export class ProjectParticipantInput {
  @Field(() => CreditCodeScalar, { nullable: true, description: 'An enterprise taking part, registered in the zone.' })
  creditCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'A university or research institute taking part (an `Institution`).' })
  institutionId?: string | null;

  @Field(() => ParticipantRole, { description: 'The part it plays; LEAD_RESEARCH_INSTITUTION only for an institution.' })
  role!: ParticipantRole;
}

@InputType({ description: 'Money a project gets from one source.' })
export class ProjectBudgetLineInput {
  @Field(() => FundingSource, { description: 'Where the money comes from.' })
  source!: FundingSource;

  @Field(() => DecimalScalar, { description: 'How much, yuan; more than zero.' })
  amount!: string;
}

@InputType({ description: 'Something a project produced.' })
export class ProjectOutputInput {
  @Field(() => ProjectOutputKind, { description: 'What kind of result.' })
  kind!: ProjectOutputKind;

  @Field({ description: 'What it is called; at most 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'For a PATENT output (required then): the number of a patent registered already.' })
  patentNumber?: string | null;
}

@InputType({
  description: 'An industry–university–research (产学研) project to record, with its participants, budget and outputs, all or nothing.',
})
export class RecordResearchProjectInput {
  @Field({ description: 'The project\'s title; at most 300 characters.' })
  title!: string;

  @Field(() => ProjectStatus, { description: 'Where it stands.' })
  status!: ProjectStatus;

  @Field(() => DateScalar, { description: 'The day it starts (or started).' })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it ends (or ended), included; not before `startsOn`.' })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The joint R&D platform (联合研发平台) set up for it, if any; at most 300 characters.' })
  platform?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Its technology transfer falls under the disposal and revenue rights pilot (科技成果处置和收益权改革试点); false when left out.',
  })
  isUnderDisposalRightsPilot: boolean = false;

  @Field(() => [ProjectParticipantInput], {
    description:
      'Who takes part: at least one enterprise and one university or research institute, each named once. A representative records projects of its own enterprise (with institutions) only.',
  })
  participants!: ProjectParticipantInput[];

  @Field(() => [ProjectBudgetLineInput], { defaultValue: [], description: 'Its budget, by source; none when left out.' })
  budget!: ProjectBudgetLineInput[];

  @Field(() => [ProjectOutputInput], { defaultValue: [], description: 'What it produced so far; none when left out.' })
  outputs!: ProjectOutputInput[];
}
