import { messages, pick, useLanguage, type Pair } from '../../i18n';
import type { MutationErrorFieldsFragment } from '../../generated/graphql';

/**
 * A refused CPPCC mutation's typed errors (payload `errors`) in the reader's language, each shown beside the field its
 * `path` names. The server's `message` is English for programs and logs: a person reads these texts instead.
 */
const BY_CODE: Record<string, Pair> = {
  TRANSITION_NOT_ALLOWED: ['该提案当前的状态不允许此操作，可能已有人处理过。请刷新页面查看最新状态。', 'The proposal’s status does not allow this now: someone may have acted on it already. Reload the page.'],
  STALE_VERSION: ['该提案在您打开后已被修改，请刷新页面后重新操作。', 'The proposal changed since you opened it: reload the page and try again.'],
  NOT_PERMITTED: ['您无权对该提案进行此操作。', 'You may not do this to this proposal.'],
  NOT_FOUND: ['找不到所指的记录，可能已被删除或您无权查看。', 'What this names cannot be found, or you may not see it.'],
  DUPLICATE: ['此操作已经做过，不能重复。', 'This was done already.'],
  INVALID_INPUT: ['输入有误，请检查后重试。', 'Something in the form is not right: check it and try again.'],
};

/** Finer texts where a code and the field it points at say more together (the first prefix that matches wins). */
const BY_CODE_AND_FIELD: [code: string, path: string, text: Pair][] = [
  ['INVALID_INPUT', 'input.subject', ['案由必填，只写一件事，不超过100字。', 'The subject is required: one issue, at most 100 characters.']],
  ['INVALID_INPUT', 'input.reasons', ['理由必填，不超过5000字。', 'The reasons are required, at most 5,000 characters.']],
  ['INVALID_INPUT', 'input.recommendations', ['建议必填，不超过5000字。', 'The recommendations are required, at most 5,000 characters.']],
  ['INVALID_INPUT', 'input.policyRequestIds', ['所涉政策诉求有误：最多10项。', 'The policy requests are not right: at most 10.']],
  ['NOT_FOUND', 'input.policyRequestIds', ['找不到所选的政策诉求。', 'A chosen policy request cannot be found.']],
  ['NOT_PERMITTED', 'input.level', ['您不是该级政协的委员，不能向其提出提案。', 'You do not sit on that committee, so you cannot propose to it.']],
  ['INVALID_INPUT', 'input.evidence', ['证据须是企业、融资记录或企业群统计中的一项。', 'Evidence is one of an enterprise, an instrument or a portfolio.']],
  ['NOT_FOUND', 'input.evidence.creditCode', ['没有以此统一社会信用代码登记的企业。', 'No enterprise is registered with this credit code.']],
  ['NOT_FOUND', 'input.evidence.instrumentId', ['找不到该融资记录（可能已作废）。', 'The instrument cannot be found (it may have been voided).']],
  ['INVALID_INPUT', 'input.decision.convertToReport.report', ['社情民意信息内容必填，不超过1500字。', 'The report is required, at most 1,500 characters.']],
  ['INVALID_INPUT', 'input.leadUnitId', ['主办单位须与提案同级，且不能与会办单位重复。', 'The lead unit must be of the proposal’s level and not also a co-handler.']],
  ['INVALID_INPUT', 'input.coHandlerIds', ['会办单位须与提案同级，不能重复，最多10个。', 'Co-handlers must be of the proposal’s level, none twice, at most 10.']],
  ['NOT_FOUND', 'input.leadUnitId', ['找不到所选的主办单位。', 'The lead unit cannot be found.']],
  ['INVALID_INPUT', 'input.text', ['答复内容必填，不超过5000字。', 'The reply is required, at most 5,000 characters.']],
  ['INVALID_INPUT', 'input.replyId', ['只能评价本轮主办单位的答复。', 'Only the lead unit’s reply of the current round is rated.']],
];

const useText = messages({
  refused: ['未能完成：', 'Not done: '],
});

/** The path of an error as the form names its fields: `input.subject`, `input.coHandlerIds.0`. */
const pathOf = (e: MutationErrorFieldsFragment) => (e.path ?? []).join('.');

/** An error as a sentence, in the reader's language; `overrides` lets a form say what a code means for it (DUPLICATE). */
export function useMutationErrorText(overrides: Partial<Record<string, Pair>> = {}) {
  const { language } = useLanguage();
  return (e: MutationErrorFieldsFragment): string => {
    const path = pathOf(e);
    const fine = BY_CODE_AND_FIELD.find(([code, prefix]) => code === e.code && (path === prefix || path.startsWith(`${prefix}.`)));
    const pair = overrides[e.code] ?? fine?.[2] ?? BY_CODE[e.code] ?? (['操作未能完成。', 'This could not be done.'] as const);
    return pick(pair, language);
  };
}

/**
 * Splits errors between the fields a form shows (by path prefix) and the rest, shown above its button. A field's
 * error text is `at('input.subject')`.
 */
export function useFieldErrors(errors: readonly MutationErrorFieldsFragment[], fields: readonly string[], overrides: Partial<Record<string, Pair>> = {}) {
  const text = useMutationErrorText(overrides);
  const owner = (e: MutationErrorFieldsFragment) => {
    const path = pathOf(e);
    return fields.find((f) => path === f || path.startsWith(`${f}.`)) ?? null;
  };
  return {
    at: (field: string): string | null => {
      const mine = errors.filter((e) => owner(e) === field).map(text);
      return mine.length ? [...new Set(mine)].join(' ') : null;
    },
    rest: [...new Set(errors.filter((e) => owner(e) === null).map(text))],
  };
}

/** The errors no field of the form took, as one alert. */
export function FormErrors(props: { messages: readonly string[] }) {
  const t = useText();
  if (props.messages.length === 0) return null;
  return (
    <p role="alert" className="error">
      {t('refused')}
      {props.messages.join(' ')}
    </p>
  );
}
