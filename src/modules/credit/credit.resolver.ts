import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { CreditRatingRecord, DishonestDebtorCheck, TaxCreditGrade } from './credit.entity';
import {
  CorrectCreditRatingInput,
  CorrectDishonestDebtorCheckInput,
  RecordCreditRatingInput,
  RecordDishonestDebtorCheckInput,
  RecordTaxCreditGradeInput,
  VoidCreditRatingInput,
  VoidDishonestDebtorCheckInput,
} from './credit.inputs';
import * as credit from './credit.service';

export const RecordCreditRatingPayload = Payload('RecordCreditRatingPayload', 'creditRating', CreditRatingRecord, 'The credit rating recorded.');
export const CorrectCreditRatingPayload = Payload('CorrectCreditRatingPayload', 'creditRating', CreditRatingRecord, 'The credit rating as corrected.');
export const VoidCreditRatingPayload = Payload('VoidCreditRatingPayload', 'creditRating', CreditRatingRecord, 'The credit rating, voided.');
export const RecordTaxCreditGradePayload = Payload('RecordTaxCreditGradePayload', 'taxCreditGrade', TaxCreditGrade, 'The tax credit grade recorded.');
export const RecordDishonestDebtorCheckPayload = Payload(
  'RecordDishonestDebtorCheckPayload',
  'dishonestDebtorCheck',
  DishonestDebtorCheck,
  'The dishonest-debtor check recorded.',
);
export const CorrectDishonestDebtorCheckPayload = Payload(
  'CorrectDishonestDebtorCheckPayload',
  'dishonestDebtorCheck',
  DishonestDebtorCheck,
  'The dishonest-debtor check as corrected.',
);
export const VoidDishonestDebtorCheckPayload = Payload(
  'VoidDishonestDebtorCheckPayload',
  'dishonestDebtorCheck',
  DishonestDebtorCheck,
  'The dishonest-debtor check, voided.',
);

/** Recording, correcting and voiding the credit standing facts eligibility reads; zone administrators only. */
@Resolver()
export class CreditRecordsResolver {
  @Authorized()
  @Mutation(() => RecordCreditRatingPayload, {
    description: 'Records an SME credit rating (中小企业信用评级) of an enterprise, relied on for a year unless stated.\nErrors: InvalidInputError, NotFoundError.',
  })
  async recordCreditRating(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The rating to record.' }) input: RecordCreditRatingInput) {
    return RecordCreditRatingPayload.from(await credit.recordCreditRating(ctx, input));
  }

  @Authorized()
  @Mutation(() => CorrectCreditRatingPayload, {
    description:
      'Corrects a credit rating recorded wrongly: the values given replace those recorded, the version is bumped, and the audit trail keeps the reason with the rating before and after. A voided rating cannot be corrected.\nErrors: InvalidInputError, NotFoundError, StaleVersionError, TransitionNotAllowedError.',
  })
  async correctCreditRating(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The rating, the version read, the reason and the corrected values.' }) input: CorrectCreditRatingInput) {
    return CorrectCreditRatingPayload.from(await credit.correctCreditRating(ctx, input));
  }

  @Authorized()
  @Mutation(() => VoidCreditRatingPayload, {
    description:
      'Voids a credit rating recorded in error: it is kept, readable by id with `voidedAt` and `voidReason`, but no eligibility answer and no list reads it after; the audit trail keeps the reason with the rating before and after. Once only.\nErrors: InvalidInputError, NotFoundError, StaleVersionError, TransitionNotAllowedError.',
  })
  async voidCreditRating(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The rating, the version read and the reason.' }) input: VoidCreditRatingInput) {
    return VoidCreditRatingPayload.from(await credit.voidCreditRating(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordTaxCreditGradePayload, {
    description: 'Records an enterprise’s tax credit grade (纳税信用等级) for a tax year, as published; one per year.\nErrors: InvalidInputError, NotFoundError, DuplicateError.',
  })
  async recordTaxCreditGrade(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The grade to record.' }) input: RecordTaxCreditGradeInput) {
    return RecordTaxCreditGradePayload.from(await credit.recordTaxCreditGrade(ctx, input));
  }

  @Authorized()
  @Mutation(() => RecordDishonestDebtorCheckPayload, {
    description: 'Records a look-up of the dishonest judgment debtor list (失信被执行人名单) for an enterprise, and what it found.\nErrors: InvalidInputError, NotFoundError.',
  })
  async recordDishonestDebtorCheck(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The check to record.' }) input: RecordDishonestDebtorCheckInput) {
    return RecordDishonestDebtorCheckPayload.from(await credit.recordDishonestDebtorCheck(ctx, input));
  }

  @Authorized()
  @Mutation(() => CorrectDishonestDebtorCheckPayload, {
    description:
      'Corrects a dishonest-debtor check recorded wrongly: the values given replace those recorded, the version is bumped, and the audit trail keeps the reason with the check before and after. A voided check cannot be corrected.\nErrors: InvalidInputError, NotFoundError, StaleVersionError, TransitionNotAllowedError.',
  })
  async correctDishonestDebtorCheck(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The check, the version read, the reason and the corrected values.' }) input: CorrectDishonestDebtorCheckInput) {
    return CorrectDishonestDebtorCheckPayload.from(await credit.correctDishonestDebtorCheck(ctx, input));
  }

  @Authorized()
  @Mutation(() => VoidDishonestDebtorCheckPayload, {
    description:
      'Voids a dishonest-debtor check recorded in error: it is kept, readable by id with `voidedAt` and `voidReason`, but no eligibility answer and no list reads it after; the audit trail keeps the reason with the check before and after. Once only.\nErrors: InvalidInputError, NotFoundError, StaleVersionError, TransitionNotAllowedError.',
  })
  async voidDishonestDebtorCheck(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The check, the version read and the reason.' }) input: VoidDishonestDebtorCheckInput) {
    return VoidDishonestDebtorCheckPayload.from(await credit.voidDishonestDebtorCheck(ctx, input));
  }
}
