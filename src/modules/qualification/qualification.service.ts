import type { RequestContext } from '../../context';
import { DuplicateError, Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { dateOrder, notInFuture, requiredText } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { Qualification } from './qualification.entity';
import type { QualificationInput } from './qualification.inputs';

/**
 * Records a qualification. Its validity starts no later than today (the registry records what was granted, as for a
 * certificate); it may end in the future. The same number twice within a kind is DUPLICATE, checked first and, for
 * two requests at once, by the unique constraint.
 */
export async function recordQualification(ctx: RequestContext, input: QualificationInput): Promise<Outcome<Qualification>> {
  const problems = new Problems();
  const enterprise = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const number = requiredText(problems, 'input.number', input.number, 100);
  const issuer = requiredText(problems, 'input.issuer', input.issuer, 200);
  dateOrder(problems, 'input.validUntil', input.validFrom, input.validUntil);
  notInFuture(problems, 'input.validFrom', input.validFrom, zoneToday());
  const duplicate = () => new DuplicateError('input.number', `${input.kind} ${number} is recorded already.`);
  if (number && (await ctx.em.count(Qualification, { kind: input.kind, number }))) problems.add(duplicate());
  if (!enterprise || problems.any) return refused(problems.list);
  const qualification = ctx.em.create(Qualification, {
    enterprise,
    kind: input.kind,
    number: number!,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    issuer: issuer!,
  } as never);
  return flushOutcome(ctx, qualification, { duplicate });
}
