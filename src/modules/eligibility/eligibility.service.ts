import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { badUserInput } from '../../common/errors';
import { DuplicateError, InvalidInputError, MutationErrorCode, NotFoundError, Problems } from '../../common/mutation-errors';
import { actorOf, flushOutcome, type Outcome, refused } from '../../common/outcome';
import { isDecimal, toScaled } from '../../common/decimal';
import { sqlArray } from '../../common/sql';
import { requiredText } from '../../common/validate';
import { AuditOutcome } from '../audit/audit.entity';
import type { AuditRecord } from '../audit/audit.service';
import { zoneToday } from '../../clock';
import { notVoidedSql } from '../finance/instrument.entity';
import { type CreditCodeCheck, checkCreditCode } from '../../common/credit-code';
import {
  type Check,
  checkOf,
  CRITERIA,
  type CriterionRule,
  CriterionKind,
  CriterionOutcome,
  type Param,
  type Prose,
  REFUSALS,
  type RuleKind,
  say,
  type SqlCondition,
} from './criteria';
import { CriterionResult, EligibilityResult, type RuleVersionInput } from './eligibility.types';
import { type Figure, FigureName } from './figures';
import { type EnterpriseFacts, factsAsJson, loadFacts } from './facts';
import { type AppliedBenefit, benefitFor, benefitProblems, benefitReads } from './benefits';
import { RECEIPTED_ROLES, type ReceiptDraft, recordReceipts } from './receipts';
import { IN_FORCE_ORDER, PilotProgram, ProgramRuleVersion, ProgramUptake, versionInForce } from './program.entity';

/** Most credit codes one eligibility request takes. */
export const MAX_BATCH = 1000;

/** The version of `program`'s rules in force on `asOf`; a BAD_USER_INPUT error for an unknown code or date. */
export async function rulesInForce(em: EntityManager, program: string, asOf: string): Promise<ProgramRuleVersion> {
  // A program has a handful of versions: all are read, and the one in force chosen as versionInForce says.
  const version = versionInForce(await em.find(ProgramRuleVersion, { program: { code: program } }, { populate: ['program'] }), asOf);
  if (version) return version;
  const known = await em.findOne(PilotProgram, { code: program });
  if (!known) {
    const codes = (await em.find(PilotProgram, {}, { orderBy: { code: 'asc' } })).map((p) => p.code);
    throw badUserInput(`No program has the code ${program}; the programs are ${codes.join(', ')}.`, 'program');
  }
  throw badUserInput(`No rules of ${program} were in force on ${asOf}.`, 'asOf');
}

/** A check the platform answers itself (no facts read): the words, and the figures it names. */
const platformCheck = (criterion: CriterionKind, detail: Prose, observed: Figure[] = []): Check => ({
  criterion,
  outcome: CriterionOutcome.FAILED,
  detail: detail.en,
  detailChinese: detail.zh,
  observed,
  required: [],
  missing: [],
});

/** The check of a code that is not a valid USCC: its format, or its check character. */
function invalidCode(code: string, check: Exclude<CreditCodeCheck, { ok: true }>): Check {
  const given: Figure = { name: FigureName.CREDIT_CODE, text: code };
  return check.reason === 'FORMAT'
    ? platformCheck(
        CriterionKind.CREDIT_CODE_VALID,
        say(
          `${JSON.stringify(code)} is not a Unified Social Credit Code: 18 characters, digits and capital letters except I, O, S, V, Z, with a 6-digit division code in positions 3–8.`,
          `“${code}”不是统一社会信用代码：应为18位，由数字和除I、O、S、V、Z以外的大写字母组成，第3–8位为6位行政区划码。`,
        ),
        [given],
      )
    : platformCheck(
        CriterionKind.CREDIT_CODE_VALID,
        say(check.message, `${code}的校验码应为${check.expected}，而不是${code[17]}。`),
        [given, { name: FigureName.CREDIT_CODE_CHECK_CHARACTER, text: check.expected }],
      );
}

/**
 * Checks enterprises against the program's rules in force on `asOf` (default today), every criterion with its
 * figures. Statements do not grow with the batch: the rules, the enterprises, then each kind of fact for all of them,
 * and for a bank one insert of every answer's receipt (receipts.ts).
 *
 * Codes come as text, each trimmed and upper-cased: one that is not a Unified Social Credit Code is answered with a
 * failed CREDIT_CODE_VALID check and nothing else, the rest of the batch as usual. A code with a wrong check character
 * that the registry holds (an early code recorded with an override) is checked as any other by a viewer who may see
 * it; to anyone else it is answered as a wrong code, as an unregistered one would be.
 *
 * A bank gets results only for enterprises whose active authorization gives it the ELIGIBILITY scope; for any
 * other code, registered or not, one AUTHORIZATION check fails and nothing else is said. Every check a bank
 * makes goes on the audit trail, with its receipt.
 */
export async function checkEligibility(
  ctx: RequestContext,
  program: string,
  creditCodes: string[],
  asOf: string | null | undefined,
): Promise<EligibilityResult[]> {
  if (creditCodes.length > MAX_BATCH) {
    throw badUserInput(`eligibility takes at most ${MAX_BATCH} credit codes at a time; ${creditCodes.length} were given.`, 'creditCodes');
  }
  const date = asOf ?? zoneToday();
  const rules = await rulesInForce(ctx.em, program, date);
  const asked = creditCodes.map((given) => {
    const code = given.trim().toUpperCase();
    return { code, check: checkCreditCode(code) };
  });
  // Only a code of the right format can be registered (the registry refuses any other).
  const lookedUp = [...new Set(asked.filter((a) => a.check.ok || a.check.reason === 'CHECK_CHARACTER').map((a) => a.code))];
  const rows = lookedUp.length
    ? await ctx.em.execute<{ id: string; credit_code: string }[]>('select id, credit_code from enterprise where credit_code = any(?::text[])', [sqlArray(lookedUp)])
    : [];
  const idOf = new Map(rows.map((r) => [r.credit_code, r.id]));
  const role = ctx.viewer!.role;
  const visible = await ctx.access.visibleEnterpriseIds();
  const grants = await ctx.access.bankGrants();
  const mayCheck = (id: string) =>
    role === Role.BANK_OFFICER ? !!grants.get(id)?.scopes.has('ELIGIBILITY') : visible === null || visible.has(id);
  const checkable = rows.filter((r) => mayCheck(r.id)).map((r) => r.id);
  const reads = new Set([...rules.criteria.flatMap((rule) => CRITERIA[rule.kind as RuleKind].reads), ...benefitReads(rules.benefits ?? [])]);
  const facts = checkable.length ? await loadFacts(ctx.em, checkable, date, reads) : new Map<string, EnterpriseFacts>();
  const programObject = rules.program.getEntity();

  const result = (creditCode: string, checks: Check[], enterpriseId: string | null = null) =>
    Object.assign(new EligibilityResult(), {
      creditCode,
      enterpriseId,
      program: programObject,
      rules,
      asOf: date,
      eligible: checks.length > 0 && checks.every((c) => c.outcome === CriterionOutcome.PASSED),
      checks: checks.map((c) => CriterionResult.of(c)),
      benefit: null as AppliedBenefit | null,
      receiptId: null,
    });
  const denied = (creditCode: string): AuditRecord => ({
    operation: 'eligibility',
    outcome: AuditOutcome.DENIED,
    details: { creditCode, program, ruleVersion: rules.version, asOf: date },
  });

  /** Each answer, with what its receipt keeps and the audit event it makes (written once its receipt is). */
  const receipted = RECEIPTED_ROLES.has(role);
  type Answer = { result: EligibilityResult; receipt: ReceiptDraft | null; audit: AuditRecord | null };
  const answers = asked.map(({ code, check: codeCheck }): Answer => {
    const id = idOf.get(code);
    const refusedAudit = role === Role.ZONE_ADMIN ? null : denied(code);
    if (!codeCheck.ok && !(id && mayCheck(id))) {
      const checks = [invalidCode(code, codeCheck)];
      const answer = result(code, checks);
      // What such an answer rests on: the code as given, whether or not it names an enterprise.
      return { result: answer, receipt: receipted ? draft(code, answer, checks, id ?? null, null, { creditCode: { isValid: false } }) : null, audit: refusedAudit };
    }
    if (!id || !mayCheck(id)) {
      if (role === Role.ZONE_ADMIN) {
        const checks = [
          platformCheck(
            CriterionKind.REGISTERED_IN_ZONE,
            say(`No enterprise with credit code ${code} is registered in the zone.`, `园区内没有统一社会信用代码为${code}的企业。`),
            [{ name: FigureName.CREDIT_CODE, text: code }],
          ),
        ];
        const answer = result(code, checks);
        return { result: answer, receipt: receipted ? draft(code, answer, checks, id ?? null, null, { registered: false }) : null, audit: null };
      }
      const checks = [platformCheck(CriterionKind.AUTHORIZATION, REFUSALS[role] ?? REFUSALS[Role.ENTERPRISE_REP]!)];
      const answer = result(code, checks);
      return {
        result: answer,
        // The only fact such an answer rests on: no authorization in force with the scope.
        receipt: receipted ? draft(code, answer, checks, id ?? null, null, { authorization: { scope: 'ELIGIBILITY', inForce: false } }) : null,
        audit: refusedAudit,
      };
    }
    const f = facts.get(id)!;
    const checks = rules.criteria.map((rule) => checkOf(rule.kind, CRITERIA[rule.kind as RuleKind].evaluate(rule, f, date)));
    const answer = result(code, checks, id);
    if (answer.eligible) answer.benefit = benefitFor(rules.benefits ?? [], f, date);
    const grant = grants.get(id)?.byScope.get('ELIGIBILITY');
    const authorization = grant ? { authorization: { scope: 'ELIGIBILITY', inForce: true, purpose: grant.purpose } } : {};
    return {
      result: answer,
      receipt: receipted ? draft(code, answer, checks, id, grant?.authorizationId ?? null, { ...authorization, ...factsAsJson(f, reads) }) : null,
      audit: {
        operation: 'eligibility',
        outcome: AuditOutcome.DONE,
        enterpriseId: id,
        purpose: grant?.purpose ?? null,
        authorizationId: grant?.authorizationId ?? null,
        details: { program, ruleVersion: rules.version, asOf: date, eligible: answer.eligible },
      },
    };
  });

  if (receipted) {
    const receiptIds = await recordReceipts(ctx, rules, program, date, answers.map((a) => a.receipt!));
    answers.forEach((a, i) => {
      a.result.receiptId = receiptIds[i]!;
      if (a.audit) a.audit.details = { ...a.audit.details, receiptId: receiptIds[i] };
    });
  }
  for (const a of answers) if (a.audit) ctx.access.noteAudit(a.audit);
  return answers.map((a) => a.result);
}

/** What the receipt of an answer keeps: the answer as served, every check whole and in its order, and the facts it rests on. */
function draft(
  creditCode: string,
  answer: EligibilityResult,
  checks: Check[],
  enterpriseId: string | null,
  authorizationId: string | null,
  facts: Record<string, unknown>,
): ReceiptDraft {
  return {
    creditCode,
    enterpriseId,
    authorizationId,
    answer: {
      eligible: answer.eligible,
      checks,
      ...(answer.benefit ? { benefit: { percent: answer.benefit.percent, basis: answer.benefit.basis, detail: answer.benefit.detail } } : {}),
    },
    facts,
  };
}

const ALL_PARAMS: Param[] = [
  'minimumYears', 'industries', 'isStateOwned', 'years', 'isEachYearRequired', 'rdBands', 'fields', 'minimum', 'maximum', 'minimumPercent', 'count',
  'months', 'minimumRating', 'grades', 'maximumAgeDays', 'kinds', 'minimumEmployees', 'maximumEmployees', 'minimumScore', 'sectors', 'techEnterpriseTypes',
];

const RANGES: Partial<Record<Param, [number, number]>> = {
  minimumYears: [0, 100],
  years: [1, 10],
  count: [1, 100],
  months: [1, 120],
  maximumAgeDays: [1, 3650],
  minimumEmployees: [1, 10_000_000],
  maximumEmployees: [1, 10_000_000],
  minimumScore: [1, 100],
};

/** A criterion as given, checked against what its kind takes; its problems go under `field`. */
function criterionRule(problems: Problems, field: string, input: Record<string, unknown> & { kind: CriterionKind }): CriterionRule | null {
  if (input.kind === CriterionKind.AUTHORIZATION || input.kind === CriterionKind.CREDIT_CODE_VALID) {
    problems.invalid(`${field}.kind`, `${input.kind === CriterionKind.AUTHORIZATION ? 'AUTHORIZATION' : 'CREDIT_CODE_VALID'} is answered by the platform, not a rule criterion.`);
    return null;
  }
  const def = CRITERIA[input.kind];
  const given = ALL_PARAMS.filter((p) => input[p] !== undefined && input[p] !== null);
  const before = problems.list.length;
  for (const p of def.required) if (!given.includes(p)) problems.invalid(`${field}.${p}`, `${input.kind} needs ${p}.`);
  for (const p of given) {
    if (!def.required.includes(p) && !def.optional.includes(p)) problems.invalid(`${field}.${p}`, `${input.kind} takes no ${p}.`);
  }
  const rule: CriterionRule = { kind: input.kind };
  for (const p of given) (rule as unknown as Record<string, unknown>)[p] = input[p];
  for (const [p, [min, max]] of Object.entries(RANGES) as [Param, [number, number]][]) {
    const v = rule[p] as number | undefined;
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max)) problems.invalid(`${field}.${p}`, `${p} is a whole number from ${min} to ${max}.`);
  }
  const percentOk = (p: string) => toScaled(p, 4) > 0n && toScaled(p, 4) <= 1_000_000n;
  if (rule.minimumPercent && !percentOk(rule.minimumPercent)) problems.invalid(`${field}.minimumPercent`, 'A share is over 0% and at most 100%.');
  if (input.kind === CriterionKind.HEADCOUNT && rule.minimumEmployees === undefined && rule.maximumEmployees === undefined) {
    problems.invalid(field, 'HEADCOUNT needs a minimumEmployees, a maximumEmployees or both.');
  }
  if (rule.minimumEmployees !== undefined && rule.maximumEmployees !== undefined && rule.minimumEmployees > rule.maximumEmployees) {
    problems.invalid(`${field}.maximumEmployees`, 'The maximum is below the minimum.');
  }
  if (rule.kinds && rule.kinds.length === 0) problems.invalid(`${field}.kinds`, 'Name at least one kind.');
  if (rule.techEnterpriseTypes && rule.techEnterpriseTypes.length === 0) problems.invalid(`${field}.techEnterpriseTypes`, 'Name at least one type.');
  const ranged = [CriterionKind.REVENUE, CriterionKind.RD_EXPENSE, CriterionKind.TOTAL_ASSETS];
  if (ranged.includes(input.kind) && !rule.minimum && !rule.maximum) {
    problems.invalid(field, `${input.kind} needs a minimum, a maximum or both.`);
  }
  for (const p of ['minimum', 'maximum'] as const) {
    if (rule[p] && (!isDecimal(rule[p]!, 2) || rule[p]!.startsWith('-'))) problems.invalid(`${field}.${p}`, `${p} is an amount of at least 0.`);
  }
  if (rule.minimum && rule.maximum && toScaled(rule.minimum, 2) > toScaled(rule.maximum, 2)) {
    problems.invalid(`${field}.maximum`, 'The maximum is below the minimum.');
  }
  if (rule.industries && rule.industries.length === 0) problems.invalid(`${field}.industries`, 'Name at least one industry.');
  if (rule.fields && rule.fields.length === 0) problems.invalid(`${field}.fields`, 'Name at least one field.');
  if (rule.sectors && rule.sectors.length === 0) problems.invalid(`${field}.sectors`, 'Name at least one sector.');
  if (rule.grades && rule.grades.length === 0) problems.invalid(`${field}.grades`, 'Name at least one grade.');
  if (rule.rdBands) {
    const bands = (rule.rdBands as { revenueUpTo?: string | null; minimumPercent: string }[]).map((b) => ({
      revenueUpTo: b.revenueUpTo ?? null,
      minimumPercent: b.minimumPercent,
    }));
    rule.rdBands = bands;
    if (bands.length === 0) problems.invalid(`${field}.rdBands`, 'Give at least one band.');
    bands.forEach((b, i) => {
      if (!percentOk(b.minimumPercent)) problems.invalid(`${field}.rdBands.${i}.minimumPercent`, 'A share is over 0% and at most 100%.');
      const last = i === bands.length - 1;
      if (b.revenueUpTo === null && !last) problems.invalid(`${field}.rdBands.${i}.revenueUpTo`, 'Only the last band is open-ended.');
      if (b.revenueUpTo !== null && i > 0 && bands[i - 1]!.revenueUpTo !== null && toScaled(b.revenueUpTo, 2) <= toScaled(bands[i - 1]!.revenueUpTo!, 2)) {
        problems.invalid(`${field}.rdBands.${i}.revenueUpTo`, 'Bands go up in revenue.');
      }
    });
  }
  return problems.list.length === before ? rule : null;
}

/**
 * Records a new version of a program's rules. One recorded ahead takes effect tomorrow at the earliest and after
 * the latest version, so no answer already given changes. One that takes effect today or earlier, or on or before
 * a later version's date, changes answers for days already past: it is taken only with the reason it is recorded so
 * (a rule issued after its effective date, or a correction), which stays with it; receipts keep what was answered.
 */
export async function recordRuleVersion(ctx: RequestContext, input: RuleVersionInput): Promise<Outcome<ProgramRuleVersion>> {
  const problems = new Problems();
  const program = await ctx.em.findOne(PilotProgram, { code: input.program });
  if (!program) problems.add(new NotFoundError('input.program', `No program has the code ${input.program}.`));
  const note = requiredText(problems, 'input.note', input.note, 1000);
  const reason = input.retroactiveReason == null ? null : requiredText(problems, 'input.retroactiveReason', input.retroactiveReason, 1000);
  if (input.criteria.length === 0) problems.invalid('input.criteria', 'A version has at least one criterion.');
  const benefits = (input.benefits ?? []).map((b) => ({
    percent: b.percent,
    ...(b.sectors != null ? { sectors: b.sectors } : {}),
    ...(b.qualifications != null ? { qualifications: b.qualifications } : {}),
    basis: b.basis.trim(),
  }));
  for (const [field, message] of benefitProblems(benefits, 'input.benefits')) problems.invalid(field, message);
  const kinds = new Set<CriterionKind>();
  const criteria = input.criteria.map((c, i) => {
    if (kinds.has(c.kind)) problems.invalid(`input.criteria.${i}.kind`, `${c.kind} is named twice.`);
    kinds.add(c.kind);
    return criterionRule(problems, `input.criteria.${i}`, c as unknown as Record<string, unknown> & { kind: CriterionKind });
  });
  const versions = program ? await ctx.em.find(ProgramRuleVersion, { program }, { orderBy: IN_FORCE_ORDER }) : [];
  const corrected = input.corrects == null ? null : (versions.find((v) => v.version === input.corrects) ?? null);
  if (program && input.corrects != null && !corrected) problems.add(new NotFoundError('input.corrects', `${input.program} has no version ${input.corrects}.`));
  if (corrected && versions.some((v) => v.correctsVersion === corrected.version)) {
    problems.add(new DuplicateError('input.corrects', `Version ${corrected.version} is corrected already: correct the version that corrects it.`));
  }
  // The latest version still in force on some date, besides the one corrected.
  const superseded = new Set([...versions.map((v) => v.correctsVersion), input.corrects ?? null]);
  const latest = versions.find((v) => !superseded.has(v.version)) ?? null;
  const today = zoneToday();
  const retroactive = input.corrects != null || input.effectiveFrom <= today || (latest !== null && input.effectiveFrom <= latest.effectiveFrom);
  if (retroactive && input.retroactiveReason == null) {
    problems.add(
      new InvalidInputError(
        'input.effectiveFrom',
        input.corrects != null
          ? `A correction changes answers already given: give retroactiveReason.`
          : latest && input.effectiveFrom > today
            ? `Version ${latest.version} takes effect on ${latest.effectiveFrom}; a version before it changes it retroactively: give retroactiveReason.`
            : `A new version takes effect after today (${today}), so answers already given stay as they were; one taking effect earlier needs retroactiveReason.`,
        MutationErrorCode.INVALID_INPUT,
      ),
    );
  }
  if (!retroactive && input.retroactiveReason != null) {
    problems.invalid('input.retroactiveReason', `A version taking effect on ${input.effectiveFrom}, after today and after every other version, is not retroactive.`);
  }
  if (!program || problems.any) return refused(problems.list);
  // The number is the next one: versions are numbered in the order they are recorded, whatever their dates.
  const version = ctx.em.create(ProgramRuleVersion, {
    program,
    version: Math.max(0, ...versions.map((v) => v.version)) + 1,
    effectiveFrom: input.effectiveFrom,
    criteria: criteria as CriterionRule[],
    benefits,
    note: note!,
    recordedBy: actorOf(ctx),
    retroactiveReason: reason,
    correctsVersion: input.corrects ?? null,
  } as never);
  return flushOutcome(ctx, version, {
    duplicate: () => new InvalidInputError('input.effectiveFrom', 'Another version was recorded for this program meanwhile.', MutationErrorCode.DUPLICATE),
  });
}

/** "Does not use the program yet", in SQL over `e`. */
function notUsing(uptake: ProgramUptake, asOf: string): SqlCondition {
  const held = (kind: string, extra = "i.status in ('PENDING', 'ACTIVE')") =>
    `not exists (select 1 from instrument_holder h join financing_instrument i on i.id = h.instrument_id
       where h.enterprise_id = e.id and i.kind = '${kind}' and ${extra} and ${notVoidedSql('i')})`;
  switch (uptake) {
    case ProgramUptake.IP_PLEDGE_LOAN:
      return { sql: held('IP_PLEDGE_LOAN'), bindings: [] };
    case ProgramUptake.CREDIT_LOAN:
      return { sql: held('CREDIT_LOAN'), bindings: [] };
    case ProgramUptake.NEEQ_LISTING:
      return { sql: held('NEEQ_LISTING'), bindings: [] };
    case ProgramUptake.TECH_INSURANCE_SUBSIDY:
      return {
        sql: held('TECH_INSURANCE', 'i.subsidy_claimed is not null and i.start_date <= ? and (i.end_date is null or i.end_date >= ?)'),
        bindings: [asOf, asOf],
      };
    case ProgramUptake.EQUITY_INCENTIVE_PLAN:
      return { sql: `not exists (select 1 from equity_incentive_plan x where x.enterprise_id = e.id and x.status in ('APPROVED', 'IN_EFFECT'))`, bindings: [] };
    case ProgramUptake.HIGH_TECH_CERTIFICATE:
      return {
        sql: 'not exists (select 1 from high_tech_certificate c where c.enterprise_id = e.id and c.issued_on <= ? and c.expires_on >= ?)',
        bindings: [asOf, asOf],
      };
    case ProgramUptake.TECH_SME_QUALIFICATION:
      return {
        sql: `not exists (select 1 from qualification q where q.enterprise_id = e.id and q.kind = 'TECH_SME' and q.valid_from <= ? and q.valid_to >= ?)`,
        bindings: [asOf, asOf],
      };
    case ProgramUptake.RD_SUPER_DEDUCTION:
      return {
        sql: `not exists (select 1 from tax_pilot_usage t where t.enterprise_id = e.id and t.pilot = 'RD_SUPER_DEDUCTION' and t.fiscal_year >= ?)`,
        bindings: [Number(asOf.slice(0, 4)) - 2],
      };
  }
}

/** Every criterion of the rules in force passes, in SQL over `e` (the outreach list, and the agreement test). */
export function eligibleSql(rules: ProgramRuleVersion, asOf: string): SqlCondition {
  const parts = rules.criteria.map((rule) => CRITERIA[rule.kind as RuleKind].sql(rule, asOf));
  return { sql: parts.map((p) => `(${p.sql})`).join(' and '), bindings: parts.flatMap((p) => p.bindings) };
}

/** The outreach condition: eligible for the program on `asOf` and not using it yet. */
export async function outreachSql(em: EntityManager, program: string, asOf: string | null | undefined): Promise<SqlCondition> {
  const date = asOf ?? zoneToday();
  const rules = await rulesInForce(em, program, date);
  const eligible = eligibleSql(rules, date);
  const unused = notUsing(rules.program.getEntity().uptake, date);
  return { sql: `(${eligible.sql}) and ${unused.sql}`, bindings: [...eligible.bindings, ...unused.bindings] };
}
