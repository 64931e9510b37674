import type { RequestContext } from '../../context';
import { DuplicateError, InvalidInputError, NotFoundError, Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { idOf, requiredText } from '../../common/validate';
import { zoneToday } from '../../clock';
import { CppccMember, HandlingUnit, LEVEL_ORDER, Party, Sector } from './cppcc.entity';
import { isServing } from './cppcc.service';
import {
  MAX_TERM,
  type RecordCppccMemberInput,
  type RecordHandlingUnitInput,
  type RecordPartyInput,
  type RecordSectorInput,
  type RenameHandlingUnitInput,
  type RetireCppccMemberInput,
} from './registers.types';

/**
 * The CPPCC registers kept by the proposals office through the API (issue 16): sectors, parties, members and
 * handling units. Before, only the seed created them, so after `seed --reset` no CPPCC token worked.
 */

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** A sector or party: a new code and a new name. */
async function recordCoded<T extends Sector | Party>(
  ctx: RequestContext,
  entity: typeof Sector | typeof Party,
  label: string,
  input: { code: string; name: string },
): Promise<Outcome<T>> {
  const problems = new Problems();
  if (!CODE.test(input.code)) problems.invalid('input.code', 'A code is 2–40 capital letters, digits or underscores, starting with a letter.');
  const name = requiredText(problems, 'input.name', input.name, 50);
  if (problems.any) return refused(problems.list);
  if (await ctx.em.count(entity, { code: input.code })) problems.add(new DuplicateError('input.code', `${label} ${input.code} is recorded already.`));
  if (await ctx.em.count(entity, { name: name! })) problems.add(new DuplicateError('input.name', `${label} ${name} is recorded already.`));
  if (problems.any) return refused(problems.list);
  const created = ctx.em.create(entity as never, { code: input.code, name: name! } as never) as T;
  return flushOutcome(ctx, created, { duplicate: () => new DuplicateError('input.code', `${label} ${input.code} is recorded already.`) });
}

export const recordSector = (ctx: RequestContext, input: RecordSectorInput) => recordCoded<Sector>(ctx, Sector, 'Sector', input);
export const recordParty = (ctx: RequestContext, input: RecordPartyInput) => recordCoded<Party>(ctx, Party, 'Party', input);

/** Records a member for a term; refused when a serving member of that term has the name already. */
export async function recordCppccMember(ctx: RequestContext, input: RecordCppccMemberInput): Promise<Outcome<CppccMember>> {
  const problems = new Problems();
  const name = requiredText(problems, 'input.name', input.name, 50);
  if (!Number.isInteger(input.term) || input.term < 1 || input.term > MAX_TERM) problems.invalid('input.term', `A term is numbered 1 to ${MAX_TERM}.`);
  if (input.levels.length === 0) problems.invalid('input.levels', 'A member sits on at least one committee.');
  if (new Set(input.levels).size !== input.levels.length) problems.invalid('input.levels', 'Each committee is named once.');
  const sectorId = idOf(problems, 'input.sectorId', input.sectorId, 'Sector');
  const partyId = input.partyId ? idOf(problems, 'input.partyId', input.partyId, 'Party') : null;
  const sector = sectorId ? await ctx.em.findOne(Sector, sectorId) : null;
  if (sectorId && !sector) problems.add(new NotFoundError('input.sectorId', 'No such sector.'));
  const party = partyId ? await ctx.em.findOne(Party, partyId) : null;
  if (partyId && !party) problems.add(new NotFoundError('input.partyId', 'No such party.'));
  if (problems.any) return refused(problems.list);
  const namesakes = await ctx.em.find(CppccMember, { name: name!, term: input.term });
  if (namesakes.some((m) => isServing(m))) {
    return refused([new DuplicateError('input.name', `${name} serves on the committee of term ${input.term} already.`)]);
  }
  const member = ctx.em.create(CppccMember, {
    name: name!,
    sector: sector!,
    party,
    levels: LEVEL_ORDER.filter((l) => input.levels.includes(l)),
    term: input.term,
  } as never);
  return flushOutcome(ctx, member);
}

/** A member leaves the committee on a day (at the end of the term, or earlier). */
export async function retireCppccMember(ctx: RequestContext, input: RetireCppccMemberInput): Promise<Outcome<CppccMember>> {
  const problems = new Problems();
  const id = idOf(problems, 'input.memberId', input.memberId, 'CppccMember');
  const member = id ? await ctx.em.findOne(CppccMember, id) : null;
  if (!member) return refused(problems.any ? problems.list : [new NotFoundError('input.memberId', 'No such CPPCC member.')]);
  if (member.retiredOn !== null && member.retiredOn <= zoneToday()) {
    return refused([new InvalidInputError('input.memberId', `${member.name} retired on ${member.retiredOn} already.`)]);
  }
  member.retiredOn = input.retiredOn;
  return flushOutcome(ctx, member);
}

const takenName = (name: string) => new DuplicateError('input.name', `A handling unit named ${name} is recorded already.`);

export async function recordHandlingUnit(ctx: RequestContext, input: RecordHandlingUnitInput): Promise<Outcome<HandlingUnit>> {
  const problems = new Problems();
  const name = requiredText(problems, 'input.name', input.name, 100);
  if (problems.any) return refused(problems.list);
  if (await ctx.em.count(HandlingUnit, { name: name! })) return refused([takenName(name!)]);
  const unit = ctx.em.create(HandlingUnit, { name: name!, level: input.level, formerNames: [] } as never);
  return flushOutcome(ctx, unit, { duplicate: () => takenName(name!) });
}

/** Renames a unit; its current name joins its former names (timelines and replies keep the name of their time). */
export async function renameHandlingUnit(ctx: RequestContext, input: RenameHandlingUnitInput): Promise<Outcome<HandlingUnit>> {
  const problems = new Problems();
  const id = idOf(problems, 'input.unitId', input.unitId, 'HandlingUnit');
  const name = requiredText(problems, 'input.name', input.name, 100);
  const unit = id ? await ctx.em.findOne(HandlingUnit, id) : null;
  if (id && !unit) problems.add(new NotFoundError('input.unitId', 'No such handling unit.'));
  if (problems.any) return refused(problems.list);
  if (unit!.name === name) return refused([new InvalidInputError('input.name', `${name} is the unit’s name already.`)]);
  if (await ctx.em.count(HandlingUnit, { name: name! })) return refused([takenName(name!)]);
  unit!.formerNames = [...unit!.formerNames.filter((n) => n !== unit!.name && n !== name), unit!.name];
  unit!.name = name!;
  return flushOutcome(ctx, unit!, { duplicate: () => takenName(name!) });
}
