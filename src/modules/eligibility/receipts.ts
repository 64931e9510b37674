import { randomUUID } from 'node:crypto';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { serviceUnavailable } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { loadNode } from '../node/node.resolver';
import { type Check, CRITERIA, CriterionKind, type CriterionRule, REFUSALS, type RuleKind } from './criteria';
import type { EnterpriseFacts, FiscalYearFacts } from './facts';
import type { ProgramRuleVersion } from './program.entity';
import { EligibilityReceipt, type ReceiptAnswer, type StoredCheck } from './receipt.entity';

/**
 * The viewers whose eligibility answers carry a receipt: banks. A receipt settles a dispute between a bank and an
 * enterprise over a lending decision made on the answer; an administrator's or a representative's check decides
 * nothing with a counterparty (and can be asked again for any date), and administrators check whole zones at a time
 * (outreach, 1000-code batches), which would fill an immutable table with receipts nobody can dispute.
 */
export const RECEIPTED_ROLES: ReadonlySet<Role> = new Set([Role.BANK_OFFICER]);

/** One answer of an eligibility call, with what its receipt keeps besides the answer itself. */
export interface ReceiptDraft {
  creditCode: string;
  enterpriseId: string | null;
  authorizationId: string | null;
  answer: ReceiptAnswer;
  facts: Record<string, unknown>;
}

/**
 * Records the receipts of one eligibility call's answers, in the order given, in ONE statement whatever their number
 * (a bank asks up to 1000 codes at once); returns each answer's receipt id (global). What the call shares (viewer,
 * rules, date) is bound once; the answers go as one JSON array. If PostgreSQL refuses the statement no receipt is
 * written and the call fails: an answer never leaves without its receipt.
 */
export async function recordReceipts(
  ctx: RequestContext,
  rules: ProgramRuleVersion,
  program: string,
  asOf: string,
  drafts: readonly ReceiptDraft[],
): Promise<string[]> {
  if (drafts.length === 0) return [];
  const viewer = ctx.viewer!;
  const ids = drafts.map(() => randomUUID());
  const rows = drafts.map((d, i) => ({
    id: ids[i],
    credit_code: d.creditCode,
    enterprise_id: d.enterpriseId,
    authorization_id: d.authorizationId,
    answer: d.answer,
    facts: d.facts,
  }));
  try {
    await ctx.em.execute(
      `insert into eligibility_receipt
         (id, viewer_role, viewer_org, programme, rule_version_id, rule_version, rules_effective_from, as_of,
          credit_code, enterprise_id, authorization_id, answer, facts)
       select r.id, ?, ?, ?, ?, ?, ?::date, ?::date, r.credit_code, r.enterprise_id, r.authorization_id, r.answer, r.facts
       from jsonb_to_recordset(?::jsonb) as r(id uuid, credit_code text, enterprise_id uuid, authorization_id uuid, answer jsonb, facts jsonb)`,
      [viewer.role, viewer.organisation, program, rules.id, rules.version, rules.effectiveFrom, asOf, JSON.stringify(rows)],
    );
  } catch (err) {
    ctx.log.error({ err, answers: drafts.length }, 'eligibility receipts could not be recorded; the answer is withheld');
    throw serviceUnavailable('The receipts of this eligibility answer could not be recorded, so it is not given; try again.');
  }
  return ids.map((id) => toGlobalId('EligibilityReceipt', id));
}

/**
 * The receipt with this global id, or null when the id names none. Who may see it is the policy's row rule
 * (policy.ts: its own bank and the zone), applied to what this returns, so another viewer's null is the same as an
 * unknown id's.
 */
export async function findReceipt(ctx: RequestContext, id: string): Promise<EligibilityReceipt | null> {
  const record: unknown = await loadNode(ctx, id);
  return record instanceof EligibilityReceipt ? record : null;
}

/** Whether every check of a receipt was kept whole (receipts written since API v1), so none needs deriving. */
export const isWhole = (answer: ReceiptAnswer): boolean => answer.checks.every((c) => c.detailChinese !== undefined);

/**
 * The checks of a receipt as served. A receipt written since API v1 kept each check whole. One written before kept
 * the criterion, the outcome and the English words only: the rest is derived, never stored, from what the receipt
 * kept besides (the facts the criteria read, and the rule version, immutable) by evaluating the criterion again,
 * and used only when that gives the outcome and the words the bank was given, to the letter. A check that does not
 * (the criterion's code changed since) keeps its words alone: no figures, and the English words in both languages.
 * Nothing stored is changed: the receipt says what it said.
 */
export function receiptChecks(receipt: EligibilityReceipt, criteria: readonly CriterionRule[] | null): Check[] {
  return receipt.answer.checks.map((stored) => (stored.detailChinese !== undefined ? (stored as Check) : derived(stored, receipt, criteria)));
}

/** The words of the refusals and of an unregistered code, as written before API v1, with their Chinese. */
const LEGACY_PLATFORM_WORDS = new Map<string, string>([
  ['No active authorisation from this enterprise lets your bank check its eligibility (scope ELIGIBILITY).', REFUSALS.BANK_OFFICER!.zh],
  [REFUSALS.ENTERPRISE_REP!.en, REFUSALS.ENTERPRISE_REP!.zh],
]);

function derived(stored: StoredCheck, receipt: EligibilityReceipt, criteria: readonly CriterionRule[] | null): Check {
  const wordsOnly: Check = { ...stored, detailChinese: stored.detail, observed: [], required: [], missing: [] };
  if (stored.criterion === CriterionKind.AUTHORIZATION) {
    const chinese = LEGACY_PLATFORM_WORDS.get(stored.detail);
    return chinese ? { ...wordsOnly, detailChinese: chinese } : wordsOnly;
  }
  const rule = criteria?.find((c) => c.kind === stored.criterion);
  const facts = rule ? factsFromJson(receipt.facts) : null;
  if (!rule || !facts) return wordsOnly;
  try {
    const again = CRITERIA[rule.kind as RuleKind].evaluate(rule, facts, receipt.asOf);
    if (again.outcome !== stored.outcome || again.detail.en !== stored.detail) return wordsOnly;
    return { ...stored, detailChinese: again.detail.zh, observed: again.observed, required: again.required, missing: again.missing };
  } catch {
    // Facts kept before a criterion read what it reads now: no figures, the words as kept.
    return wordsOnly;
  }
}

/** The facts a receipt kept (facts.ts factsAsJson), as the criteria read them; null for a refusal's, which kept none. */
function factsFromJson(json: Record<string, unknown>): EnterpriseFacts | null {
  const enterprise = json['enterprise'] as Omit<EnterpriseFacts['enterprise'], 'id'> | undefined;
  if (!enterprise) return null;
  const list = <K extends keyof EnterpriseFacts>(kind: K) => (json[kind] ?? []) as EnterpriseFacts[K];
  return {
    enterprise: { id: '', ...enterprise },
    years: new Map(((json['years'] ?? []) as FiscalYearFacts[]).map((y) => [y.fiscalYear, y])),
    certificates: list('certificates'),
    patents: list('patents'),
    ratings: list('ratings'),
    taxGrades: list('taxGrades'),
    dishonestChecks: list('dishonestChecks'),
    defaults: list('defaults'),
    insurance: list('insurance'),
    qualifications: list('qualifications'),
  };
}
