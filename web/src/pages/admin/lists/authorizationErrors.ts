import { pick, type Language, type Pair } from '../../../i18n';
import { addYears } from './zoneDates';

/** A mutation's typed error as the payload gives it: the server's English `message` is never shown. */
export interface MutationErrorLike {
  __typename: string;
  code: string;
  message: string;
  path: string[] | null;
}

/** What the form held when it was sent: which of the date rules `input.validUntil` broke is told from it. */
export interface SentDates {
  validFrom: string;
  validUntil: string;
  today: string;
}

/** The errors of grantAuthorization and revokeAuthorization, by type and the input field they name. */
const TEXT: Record<string, Pair> = {
  'NotPermittedError input.creditCode': ['无权为该企业录入授权。', 'You may not record authorizations for this enterprise.'],
  'NotFoundError input.creditCode': ['未登记此统一社会信用代码的企业。', 'No enterprise with this credit code is registered.'],
  'NotFoundError input.bankCreditCode': ['没有这家银行。', 'There is no such bank.'],
  'InvalidInputError input.bankCreditCode': ['该银行尚在筹建，不能接受授权。', 'This bank is planned and not yet open.'],
  'InvalidInputError input.scopes': ['请至少选择一项授权范围。', 'Choose at least one scope.'],
  'InvalidInputError input.purpose': ['请填写用途（不超过 500 字）。', 'Give the purpose (at most 500 characters).'],
  'InvalidInputError input.signer': ['请填写签字人（不超过 100 字）。', 'Give the signer (at most 100 characters).'],
  'InvalidInputError input.paperReference': ['请填写纸质授权书编号（不超过 100 字）。', 'Give the paper’s reference (at most 100 characters).'],
  'DuplicateError input.purpose': [
    '该企业对这家银行同一用途的授权在这段日期内已有生效记录。',
    'An authorization of this enterprise for this bank and purpose is in force on some of these days already.',
  ],
  'NotFoundError input.authorizationId': ['没有这项授权。', 'There is no such authorization.'],
  'InvalidInputError input.authorizationId': ['授权编号无效。', 'Not the id of an authorization.'],
  'TransitionNotAllowedError input.authorizationId': ['该授权已被撤销。', 'The authorization is revoked already.'],
};

const DATES: Record<'order' | 'term' | 'ended' | 'other', Pair> = {
  order: ['截止日期不得早于生效日期。', 'The last day cannot come before the first.'],
  term: ['授权期限最长三年。', 'An authorization runs at most three years.'],
  ended: ['截止日期已过，授权将无法生效。', 'The authorization would already have ended.'],
  other: ['日期有误。', 'The dates are not valid.'],
};

/** An error of the authorization mutations as a sentence in the reader's language. */
export function authorizationErrorText(error: MutationErrorLike, language: Language, sent?: SentDates): string {
  const at = error.path?.join('.') ?? '';
  if (error.__typename === 'InvalidInputError' && (at === 'input.validUntil' || at === 'input.validFrom') && sent) {
    // Several rules share the field (one error each): the dates sent tell which were broken.
    const broken = (['order', 'term', 'ended'] as const).filter((rule) =>
      rule === 'order' ? sent.validUntil < sent.validFrom : rule === 'term' ? sent.validUntil > addYears(sent.validFrom, 3) : sent.validUntil < sent.today,
    );
    return (broken.length ? broken : (['other'] as const)).map((rule) => pick(DATES[rule], language)).join(' ');
  }
  const known = TEXT[`${error.__typename} ${at}`];
  if (known) return pick(known, language);
  return pick(['无法保存（{code}）。', 'Not saved ({code}).'], language, { code: error.code });
}
