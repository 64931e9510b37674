import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { CppccLevel } from './cppcc.entity';

/** The highest term (届) a committee is numbered with: the national committee is in its 14th (2023–2028). */
export const MAX_TERM = 99;

@InputType({ description: 'A sector (界别) of the committee to record.' })
export class RecordSectorInput {
  @Field({ description: 'A short code, new: 2–40 capital letters, digits or underscores, starting with a letter (e.g. RELIGION for 宗教界).' })
  code!: string;

  @Field({ description: 'The name, in Chinese, new among the sectors (e.g. 宗教界), at most 50 characters.' })
  name!: string;
}

@InputType({ description: 'A party (a democratic party, 民主党派) or people’s organization (人民团体) to record.' })
export class RecordPartyInput {
  @Field({ description: 'A short code, new: 2–40 capital letters, digits or underscores, starting with a letter (e.g. CDL for 中国民主同盟).' })
  code!: string;

  @Field({ description: 'The name, in Chinese, new among the parties (e.g. 中国民主同盟), at most 50 characters.' })
  name!: string;
}

@InputType({ description: 'A CPPCC member (政协委员) to record, for a term of the committee.' })
export class RecordCppccMemberInput {
  @Field({ description: 'The member’s name, in Chinese, at most 50 characters; no other serving member of the term has it.' })
  name!: string;

  @Field(() => ID, { description: 'The sector (界别) the member sits in, by its id.' })
  sectorId!: string;

  @Field(() => ID, { nullable: true, description: 'The member’s party, by its id; omitted or null for a member of none.' })
  partyId?: string | null;

  @Field(() => [CppccLevel], {
    defaultValue: [CppccLevel.MUNICIPAL],
    description: 'The committees the member sits on, one per level, each at most once (kept lowest first).',
  })
  levels!: CppccLevel[];

  @Field(() => Int, { description: `The term (届) of the municipal committee the member was elected to, e.g. 15 (第十五届, 2022–2027): 1 to ${MAX_TERM}.` })
  term!: number;
}

@InputType({ description: 'A member leaving the committee (at the end of the term, or earlier).' })
export class RetireCppccMemberInput {
  @Field(() => ID, { description: 'The member, serving.' })
  memberId!: string;

  @Field(() => DateScalar, {
    description: 'The first day the member no longer sits (Asia/Shanghai): from then on the member drafts, co-signs and proposes no more.',
  })
  retiredOn!: string;
}

@InputType({ description: 'A handling unit (承办单位) to record.' })
export class RecordHandlingUnitInput {
  @Field({ description: 'The unit’s current name, in Chinese, new among the units (e.g. 武汉市地方金融管理局), at most 100 characters.' })
  name!: string;

  @Field(() => CppccLevel, { description: 'The level whose proposals it handles.' })
  level!: CppccLevel;
}

@InputType({ description: 'A handling unit’s new name (a reorganization renames bureaus: 地方金融工作局 became 地方金融管理局).' })
export class RenameHandlingUnitInput {
  @Field(() => ID, { description: 'The unit.' })
  unitId!: string;

  @Field({ description: 'Its new name, in Chinese, new among the units, at most 100 characters; the current one joins `formerNames`.' })
  name!: string;
}
