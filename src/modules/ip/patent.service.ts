import type { RequestContext } from '../../context';
import { checkPatentNumber } from '../../common/patent-number';
import { DuplicateError, NotFoundError, notPermitted, Problems, transitionNotAllowed } from '../../common/mutation-errors';
import { flushOutcome, type Outcome, refused } from '../../common/outcome';
import { notInFuture, positiveAmount, requiredText } from '../../common/validate';
import { zoneToday } from '../../clock';
import { enterpriseByCode } from '../enterprise/enterprise.service';
import { Patent, PatentAppraisal, PatentLegalStatus } from './patent.entity';
import { type Changeable, correctRecord, instant, voidRecord } from '../audit/correction';
import type {
  CorrectPatentAppraisalInput,
  RecordPatentAppraisalInput,
  RecordPatentInput,
  UpdatePatentInput,
  VoidPatentAppraisalInput,
} from './patent.inputs';

/** Registers a patent of an enterprise; the number's check digit and type digit are verified. */
export async function recordPatent(ctx: RequestContext, input: RecordPatentInput): Promise<Outcome<Patent>> {
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
export async function recordPatentAppraisal(ctx: RequestContext, input: RecordPatentAppraisalInput): Promise<Outcome<PatentAppraisal>> {
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

/** A representative changes its own enterprise's patents and their appraisals only. */
const PATENT: Changeable<Patent> = {
  entity: Patent,
  type: 'Patent',
  label: 'The patent',
  populate: ['owner'],
  mayChange: (ctx, p) => ctx.access.mayWrite(p.owner.getEntity().creditCode),
  snapshot: (p) => ({ version: p.version, number: p.number, title: p.title, legalStatus: p.legalStatus, grantedOn: p.grantedOn }),
};

/**
 * Brings a patent up to date (granted, lapsed, invalidated, expired) or corrects it: title, legal status, grant date.
 * Its number (and so its kind) stays: a patent registered under a wrong number is another patent.
 */
export function updatePatent(ctx: RequestContext, input: UpdatePatentInput): Promise<Outcome<Patent>> {
  return correctRecord(ctx, PATENT, input, (patent, problems) => {
    const changes: Partial<Patent> = {};
    if (input.title != null) changes.title = requiredText(problems, 'input.title', input.title, 300);
    if (input.legalStatus != null) changes.legalStatus = input.legalStatus;
    const status = changes.legalStatus ?? patent.legalStatus;
    if (input.grantedOn != null) {
      notInFuture(problems, 'input.grantedOn', input.grantedOn, zoneToday());
      if (status === PatentLegalStatus.PENDING) problems.invalid('input.grantedOn', 'A pending application has no grant date.');
      changes.grantedOn = input.grantedOn;
    } else if (status === PatentLegalStatus.PENDING) {
      if (patent.grantedOn) changes.grantedOn = null;
    } else if (!patent.grantedOn) {
      problems.invalid('input.grantedOn', 'A granted patent has a grant date.');
    }
    return changes;
  });
}

const APPRAISAL: Changeable<PatentAppraisal> = {
  entity: PatentAppraisal,
  type: 'PatentAppraisal',
  label: 'The appraisal',
  populate: ['patent.owner'],
  mayChange: (ctx, a) => ctx.access.mayWrite(a.patent.getEntity().owner.getEntity().creditCode),
  snapshot: (a) => ({ version: a.version, appraiser: a.appraiser, value: a.value, appraisedOn: a.appraisedOn, voidedAt: instant(a.voidedAt) }),
};

/** Corrects an appraisal recorded wrongly (audited with the appraisal before and after); a pledge relying on it sees the correction. */
export function correctPatentAppraisal(ctx: RequestContext, input: CorrectPatentAppraisalInput): Promise<Outcome<PatentAppraisal>> {
  return correctRecord(ctx, APPRAISAL, input, (_appraisal, problems) => {
    const changes: Partial<PatentAppraisal> = {};
    if (input.appraiser != null) changes.appraiser = requiredText(problems, 'input.appraiser', input.appraiser);
    if (input.value != null) {
      positiveAmount(problems, 'input.value', input.value);
      changes.value = input.value;
    }
    if (input.appraisedOn != null) {
      notInFuture(problems, 'input.appraisedOn', input.appraisedOn, zoneToday());
      changes.appraisedOn = input.appraisedOn;
    }
    return changes;
  });
}

/**
 * Voids an appraisal recorded in error: kept with why, read by no eligibility answer, list or new pledge after. One a
 * pledge relies on stays (its loan was granted on it): correct it instead.
 */
export function voidPatentAppraisal(ctx: RequestContext, input: VoidPatentAppraisalInput): Promise<Outcome<PatentAppraisal>> {
  return voidRecord(ctx, APPRAISAL, input, async (appraisal, problems) => {
    const [pledge] = await ctx.em.execute<{ registered_on: string }[]>(
      'select registered_on::text from ip_pledge where appraisal_id = ? order by registered_on limit 1',
      [appraisal.id],
    );
    if (pledge) {
      problems.add(
        transitionNotAllowed(
          'input.id',
          `A pledge registered on ${pledge.registered_on} relies on this appraisal: it cannot be voided; correct it instead.`,
        ),
      );
    }
  });
}
