import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { readAll } from '../../db/read-objects';
import { zoneToday } from '../../clock';
import { CppccMember, HandlingUnit, Party, Sector } from './cppcc.entity';
import { isServing } from './cppcc.service';
import * as registers from './registers.service';
import {
  RecordCppccMemberInput,
  RecordHandlingUnitInput,
  RecordPartyInput,
  RecordSectorInput,
  RenameHandlingUnitInput,
  RetireCppccMemberInput,
} from './registers.types';

/** The errors a mutation may return, as its description's last line says them (API v1 convention 9). */
const errors = (...types: string[]) => `Errors: ${[...types].sort().join(', ')}.`;

export const RecordSectorPayload = Payload('RecordSectorPayload', 'sector', Sector, 'The sector recorded.');
export const RecordPartyPayload = Payload('RecordPartyPayload', 'party', Party, 'The party recorded.');
export const RecordCppccMemberPayload = Payload('RecordCppccMemberPayload', 'member', CppccMember, 'The member recorded.');
export const RetireCppccMemberPayload = Payload('RetireCppccMemberPayload', 'member', CppccMember, 'The member, with the day it retired.');
export const RecordHandlingUnitPayload = Payload('RecordHandlingUnitPayload', 'unit', HandlingUnit, 'The unit recorded.');
export const RenameHandlingUnitPayload = Payload('RenameHandlingUnitPayload', 'unit', HandlingUnit, 'The unit under its new name.');

/** The CPPCC registers, kept by the proposals office (issue 16): sectors, parties, members and handling units. */
@Resolver(() => CppccMember)
export class CppccRegistersResolver {
  @Authorized()
  @Query(() => [Sector], { description: 'Every sector (界别) of the committee, by code: the ids `recordCppccMember` takes. A few dozen, so a plain list.' })
  sectors(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Sector, { code: 'asc' });
  }

  @Authorized()
  @Query(() => [Party], { description: 'Every party and people’s organization on record, by code: the ids `recordCppccMember` takes. A handful, so a plain list.' })
  parties(@Ctx() ctx: RequestContext) {
    return readAll(ctx.em, Party, { code: 'asc' });
  }

  @Authorized()
  @Mutation(() => RecordSectorPayload, { description: `The proposals office records a sector (界别) of the committee.\n\n${errors('DuplicateError', 'InvalidInputError')}` })
  async recordSector(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The sector to record.' }) input: RecordSectorInput) {
    return RecordSectorPayload.from(await registers.recordSector(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordPartyPayload, {
    description: `The proposals office records a party (民主党派) or people’s organization (人民团体).\n\n${errors('DuplicateError', 'InvalidInputError')}`,
  })
  async recordParty(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The party to record.' }) input: RecordPartyInput) {
    return RecordPartyPayload.from(await registers.recordParty(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordCppccMemberPayload, {
    description:
      'The proposals office records a member (政协委员) elected for a term, in a sector and possibly a party; an account for the member ' +
      `(\`createAccount\`, role CPPCC_MEMBER) then names the member’s id.\n\n${errors('DuplicateError', 'InvalidInputError', 'NotFoundError')}`,
  })
  async recordCppccMember(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The member to record.' }) input: RecordCppccMemberInput) {
    return RecordCppccMemberPayload.from(await registers.recordCppccMember(ctx, input));
  }

  @Authorized()
  @Mutation(() => RetireCppccMemberPayload, {
    description:
      'The proposals office records that a member leaves the committee (at the end of the term, or earlier): from that day the member ' +
      `drafts, co-signs and proposes no more, and still reads and rates the proposals it made.\n\n${errors('InvalidInputError', 'NotFoundError')}`,
  })
  async retireCppccMember(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The member and the day.' }) input: RetireCppccMemberInput) {
    return RetireCppccMemberPayload.from(await registers.retireCppccMember(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordHandlingUnitPayload, {
    description: `The proposals office records a handling unit (承办单位) of a level, under its current name.\n\n${errors('DuplicateError', 'InvalidInputError')}`,
  })
  async recordHandlingUnit(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The unit to record.' }) input: RecordHandlingUnitInput) {
    return RecordHandlingUnitPayload.from(await registers.recordHandlingUnit(ctx, input));
  }

  @Authorized()
  @Mutation(() => RenameHandlingUnitPayload, {
    description:
      'The proposals office records a handling unit’s new name; the old one joins `formerNames`, and the timelines written under it ' +
      `keep it.\n\n${errors('DuplicateError', 'InvalidInputError', 'NotFoundError')}`,
  })
  async renameHandlingUnit(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The unit and its new name.' }) input: RenameHandlingUnitInput) {
    return RenameHandlingUnitPayload.from(await registers.renameHandlingUnit(ctx, input));
  }

  @FieldResolver(() => Boolean, { description: 'Is the member serving (not retired)? Only a serving member drafts, co-signs or proposes.' })
  isActive(@Root() m: CppccMember): boolean {
    return isServing(m, zoneToday());
  }
}
