import { ACCOUNT_MANAGERS, Condition, FIELD_GRANTS, type Grant, type Grants, INPUT_FIELDS, isMaskable, ROOT, ROWS, shownAsType, TYPES } from './policy';
import { Role } from './roles';

/** The README shows the policy between these markers; `npm run schema` rewrites it and a test checks it. */
export const TABLE_BEGIN = '<!-- access-policy:begin (written by `npm run schema` from src/auth/policy.ts) -->';
export const TABLE_END = '<!-- access-policy:end -->';

const COLUMNS: [Role, string][] = [
  [Role.ZONE_ADMIN, 'admin'],
  [Role.ENTERPRISE_REP, 'rep'],
  [Role.BANK_OFFICER, 'bank'],
  [Role.CPPCC_MEMBER, 'member'],
  [Role.CPPCC_OFFICE, 'office'],
  [Role.HANDLING_UNIT, 'unit'],
];
const ROLES_IN_ORDER: readonly Role[] = COLUMNS.map(([r]) => r);

const CONDITION_TEXT: Record<Condition, string> = {
  [Condition.HIGH_TECH]: 'HIGH_TECH scope',
  [Condition.PATENTS]: 'PATENTS scope',
  [Condition.FINANCIALS]: 'FINANCIALS scope',
  [Condition.INSTRUMENTS]: 'INSTRUMENTS scope',
  [Condition.OWN_LOAN]: 'own loans',
  [Condition.SUBMITTED]: 'once submitted',
  [Condition.ASSIGNED_TO_UNIT]: 'assigned to it',
  [Condition.FILED_BY_VIEWER]: 'filed by it',
  [Condition.ISSUED_TO_VIEWER]: 'issued to it',
  [Condition.GRANTED_TO_VIEWER]: 'granted to it',
  [Condition.MANAGED_BY_VIEWER]: 'those it manages',
  [Condition.LEADS_OR_WROTE]: 'as lead unit or author',
  [Condition.ADDRESSED_TO_VIEWER]: 'addressed to it',
};

/** A role under a condition, in a masked field's description: `BANK_OFFICER whose authorization … has scope X`. */
const CONDITION_CLAUSE: Record<Condition, (role: Role) => string> = {
  [Condition.HIGH_TECH]: (r) => `${r} whose authorization from the enterprise has scope HIGH_TECH`,
  [Condition.PATENTS]: (r) => `${r} whose authorization from the enterprise has scope PATENTS`,
  [Condition.FINANCIALS]: (r) => `${r} whose authorization from the enterprise has scope FINANCIALS`,
  [Condition.INSTRUMENTS]: (r) => `${r} whose authorization from the enterprise has scope INSTRUMENTS`,
  [Condition.OWN_LOAN]: (r) => `${r} of the lending bank`,
  [Condition.SUBMITTED]: (r) => `${r} once it is submitted`,
  [Condition.ASSIGNED_TO_UNIT]: (r) => `${r} it is assigned to`,
  [Condition.FILED_BY_VIEWER]: (r) => `${r} that filed it`,
  [Condition.ISSUED_TO_VIEWER]: (r) => `${r} it was issued to`,
  [Condition.GRANTED_TO_VIEWER]: (r) => `${r} of the bank it was granted to`,
  [Condition.MANAGED_BY_VIEWER]: (r) => `${r} managing accounts of its role`,
  [Condition.LEADS_OR_WROTE]: (r) => `${r} leading the proposal or that wrote it`,
  [Condition.ADDRESSED_TO_VIEWER]: (r) => `${r} it is addressed to`,
};

/** How every masked field's description sentence begins (enforce-policy.ts appends it; a test checks it). */
export const MASKED_PREFIX = 'Masked (null with a FORBIDDEN error)';

/** `a, b or c`. */
export const either = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

/**
 * The sentence a masked field's description ends with, generated from the policy so it cannot drift, e.g.
 * "Masked (null with a FORBIDDEN error) unless the viewer is ZONE_ADMIN or ENTERPRISE_REP, or a BANK_OFFICER whose
 * authorization from the enterprise has scope FINANCIALS." Null for a field no viewer of its object is masked from.
 */
export function maskedSentence(type: string, field: string): string | null {
  if (!isMaskable(type, field)) return null;
  const grants = FIELD_GRANTS.get(type)?.get(field) ?? {};
  // Only roles shown the object meet the field: those who see it wherever they see the object (granted outright, or
  // under the very condition the object is shown under), then those who see it under a further condition.
  const shown = shownAsType(TYPES[type]!);
  const always = ROLES_IN_ORDER.filter((r) => shown[r] !== undefined && (grants[r] === true || grants[r] === shown[r]));
  const conditional = ROLES_IN_ORDER.filter((r) => shown[r] !== undefined && grants[r] !== undefined && grants[r] !== true && grants[r] !== shown[r]).map(
    (r) => CONDITION_CLAUSE[grants[r] as Condition](r),
  );
  if (always.length === 0 && conditional.length === 0) return `${MASKED_PREFIX} for every viewer.`;
  const parts = [...(always.length ? [either(always)] : []), ...(conditional.length ? [`a ${either(conditional)}`] : [])];
  return `${MASKED_PREFIX} unless the viewer is ${parts.join(', or ')}.`;
}

const cell = (grant: Grant | undefined): string => (grant === undefined ? '–' : grant === true ? '✓' : CONDITION_TEXT[grant]);
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const header = (first: string[]) => [row([...first, ...COLUMNS.map(([, c]) => c)]), row([...first, ...COLUMNS].map(() => '---'))];

/** Which rows of a type a role sees, in words. */
function rowsCell(role: Role, grant: Grant | undefined, owned: boolean): string {
  if (grant === undefined) return '–';
  const base = !owned ? '✓' : role === Role.ENTERPRISE_REP ? 'own' : role === Role.BANK_OFFICER ? 'authorized' : '✓';
  if (grant === true) return base;
  return base === '✓' ? CONDITION_TEXT[grant] : `${base}, ${CONDITION_TEXT[grant]}`;
}

/** The access policy as Markdown tables: root fields by role, then each type's rows and fields. */
export function renderPolicyTable(): string {
  const lines: string[] = [TABLE_BEGIN, ''];
  lines.push('Root fields (anything else: `FORBIDDEN`; without a token: `UNAUTHENTICATED`):', '');
  lines.push(...header(['fields']));
  for (const parent of ['Query', 'Mutation', 'Subscription'] as const) {
    // Fields with the same grants share a line.
    const groups = new Map<string, string[]>();
    for (const [field, grants] of Object.entries(ROOT[parent])) {
      const key = grants === 'PUBLIC' ? 'PUBLIC' : JSON.stringify(COLUMNS.map(([r]) => (grants as Grants)[r] ?? null));
      groups.set(key, [...(groups.get(key) ?? []), field]);
    }
    for (const [key, fields] of groups) {
      const cells =
        key === 'PUBLIC'
          ? COLUMNS.map(() => 'public')
          : COLUMNS.map(([r], i) => {
              const g = (JSON.parse(key) as (Grant | null)[])[i] ?? undefined;
              return parent === 'Mutation' && r === Role.ENTERPRISE_REP && g ? 'own enterprise' : cell(g);
            });
      lines.push(row([`${parent}: ${fields.map((f) => `\`${f}\``).join(', ')}`, ...cells]));
    }
  }
  for (const [field, grants] of Object.entries(INPUT_FIELDS)) {
    lines.push(row([`input: \`${field}\``, ...COLUMNS.map(([r]) => cell(grants[r]))]));
  }
  // Whose accounts each role creates, disables, enables and resets (an account of any other role: NOT_PERMITTED).
  for (const [role, grants] of Object.entries(ACCOUNT_MANAGERS)) {
    const none = COLUMNS.every(([r]) => grants[r] === undefined);
    lines.push(row([`accounts of \`${role}\`${none ? ' (only `npm run user`)' : ''}`, ...COLUMNS.map(([r]) => cell(grants[r]))]));
  }
  lines.push(
    '',
    'Records: who sees an object at all (rep: its own enterprise’s; bank: those of enterprises holding an active',
    'authorization for it, with the scope named), who sees it in full (anyone else who sees it gets its restricted',
    'type), then its fields. A field a viewer may not see is masked: `null`, with a `FORBIDDEN` error at its path',
    'saying what would grant it. An object it may not see is `null`, or left out of a list, with no error.',
    '',
  );
  lines.push(...header(['type', 'fields']));
  for (const [type, rule] of Object.entries(TYPES)) {
    const owned = !!rule.owners && !('proposal' in rule.owners);
    const shown = shownAsType(rule);
    lines.push(row([`**${type}**`, '*rows*', ...COLUMNS.map(([r]) => (rule.public ? 'public' : rowsCell(r, rule.rows[r], owned)))]));
    if (rule.restricted) {
      lines.push(row(['', `*in full* (else \`${rule.restricted.as}\`)`, ...COLUMNS.map(([r]) => cell(rule.restricted!.full[r]))]));
    }
    for (const [group, grants] of Object.entries(rule.fields)) {
      const g = grants === ROWS ? shown : grants;
      const same = grants === ROWS || COLUMNS.every(([r]) => g[r] === shown[r]);
      const names = group.split(/\s+/).filter(Boolean).map((f) => `\`${f}\``).join(' ');
      lines.push(row(['', names, ...COLUMNS.map(([r]) => (same ? (shown[r] ? '✓' : '–') : cell(g[r])))]));
    }
  }
  lines.push('', TABLE_END);
  return lines.join('\n');
}

/** `readme` with its policy section replaced by the current table. */
export function withPolicyTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error('README.md has no access-policy markers');
  return readme.slice(0, begin) + renderPolicyTable() + readme.slice(end + TABLE_END.length);
}
