import { randomUUID } from 'node:crypto';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { serviceUnavailable } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { loadNode } from '../node/node.resolver';
import type { ProgrammeRuleVersion } from './programme.entity';
import { EligibilityReceipt, type ReceiptAnswer } from './receipt.entity';

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
  rules: ProgrammeRuleVersion,
  programme: string,
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
      [viewer.role, viewer.organisation, programme, rules.id, rules.version, rules.effectiveFrom, asOf, JSON.stringify(rows)],
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
