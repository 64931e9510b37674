/**
 * Whole values of an eligibility check's typed fields as `CriterionResultFields` (schema/operations/eligibility.graphql)
 * selects them: the fields a figure, threshold or missing fact does not set are null, as the API sends them.
 */
type Values = Record<string, unknown>;

/** A CriterionFigure: its name and the fields it sets. */
export const figure = (name: string, set: Values = {}) => ({
  name,
  fiscalYear: null,
  firstFiscalYear: null,
  subject: null,
  amount: null,
  percent: null,
  count: null,
  date: null,
  text: null,
  isTrue: null,
  ...set,
});

/** A CriterionThreshold: its name and the bounds it sets (alternative 1 unless given). */
export const threshold = (name: string, set: Values = {}) => ({
  name,
  alternative: 1,
  fiscalYear: null,
  firstFiscalYear: null,
  minimumAmount: null,
  maximumAmount: null,
  minimumPercent: null,
  minimumCount: null,
  maximumCount: null,
  minimumDate: null,
  maximumDate: null,
  anyOf: null,
  noneOf: null,
  isTrue: null,
  ...set,
});

/** A MissingFact. */
export const missingFact = (name: string, set: Values = {}) => ({ name, fiscalYear: null, isLaterYearAccepted: false, minimumDate: null, ...set });

/** A whole check: its words in Chinese (`detail`, the default) and English, and its typed fields (none by default). */
export const criterionResult = (
  criterion: string,
  outcome: string,
  [chinese, english]: [string, string],
  typed: { observed?: unknown[]; required?: unknown[]; missing?: unknown[] } = {},
) => ({
  criterion,
  outcome,
  detail: chinese,
  detailEnglish: english,
  observed: typed.observed ?? [],
  required: typed.required ?? [],
  missing: typed.missing ?? [],
});
