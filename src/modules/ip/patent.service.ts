import type { RequestContext } from '../../context';
import { checkPatentNumber } from '../../common/patent-number';
import { DuplicateError, NotFoundError, notPermitted, Problems } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { notInFuture, positiveAmount, requiredText } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { Patent, PatentAppraisal, PatentLegalStatus } from './patent.entity';
import type { PatentAppraisalInput, PatentInput } from './patent.inputs';

/** Registers a patent of an enterprise; the number's check digit and type digit are verified. */
export async function recordPatent(ctx: RequestContext, input: PatentInput): Promise<Outcome<Patent>> {
  const problems = new Problems();
  const owner = await enterpriseByCode(ctx, problems, 'input.creditCode', input.creditCode);
  const check = checkPatentNumber(input.number);
  if (!check.ok) problems.invalid('input.number', check.message);
  const title = requiredText(problems, 'input.title', input.title, 300);
  notInFuture(problems, 'input.grantedOn', input.grantedOn, zoneToday());
  if (input.legalStatus === PatentLegalStatus.PENDING && input.grantedOn) {
    problems.invalid('input.grantedOn', 'A pending application has no grant date.');
  }
  if (input.legalStatus !== PatentLegalStatus.PENDING && !input.grantedOn) {
    problems.invalid('input.grantedOn', 'A granted patent has a grant date.');
  }
  if (check.ok && (await ctx.em.count(Patent, { number: check.number }))) {
    problems.add(new DuplicateError('input.number', `Patent ${check.number} is registered already.`));
  }
  if (!owner || !check.ok || problems.any) return refused(problems.list);
  const patent = ctx.em.create(Patent, {
    owner,
    number: check.number,
    type: check.type,
    title: title!,
    legalStatus: input.legalStatus,
    grantedOn: input.grantedOn ?? null,
  } as never);
  return flushOutcome(ctx, patent, {
    duplicate: () => new DuplicateError('input.number', `Patent ${check.number} is registered already.`),
  });
}

/** Records an appraisal of a registered patent. */
export async function recordPatentAppraisal(ctx: RequestContext, input: PatentAppraisalInput): Promise<Outcome<PatentAppraisal>> {
  const problems = new Problems();
  const number = input.patentNumber.trim().toUpperCase();
  const patent = await ctx.em.findOne(Patent, { number }, { populate: ['owner'] });
  if (patent && !ctx.access.mayWrite(patent.owner.getEntity().creditCode)) {
    return refused([notPermitted('input.patentNumber', 'A representative appraises its own enterprise’s patents only.')]);
  }
  if (!patent) problems.add(new NotFoundError('input.patentNumber', `Patent ${number} is not registered.`));
  const appraiser = requiredText(problems, 'input.appraiser', input.appraiser);
  positiveAmount(problems, 'input.value', input.value);
  notInFuture(problems, 'input.appraisedOn', input.appraisedOn, zoneToday());
  if (!patent || problems.any) return refused(problems.list);
  const appraisal = ctx.em.create(PatentAppraisal, {
    patent,
    appraiser: appraiser!,
    value: input.value,
    appraisedOn: input.appraisedOn,
  } as never);
  return flushOutcome(ctx, appraisal);
}
