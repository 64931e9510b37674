import { Condition, type Grant, type Grants, INPUT_FIELDS, ROOT, ROWS, TYPES } from './policy';
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
};

const cell = (grant: Grant | undefined): string => (grant === undefined ? '–' : grant === true ? '✓' : CONDITION_TEXT[grant]);
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const header = (first: string[]) => [row([...first, ...COLUMNS.map(([, c]) => c)]), row([...first, ...COLUMNS].map(() => '---'))];

/** Which rows of a type a role sees, in words. */
function rowsCell(role: Role, grant: Grant | undefined, owned: boolean): string {
  if (grant === undefined) return '–';
  const base = !owned ? '✓' : role === Role.ENTERPRISE_REP ? 'own' : role === Role.BANK_OFFICER ? 'authorised' : '✓';
  if (grant === true) return base;
  return base === '✓' ? CONDITION_TEXT[grant] : `${base}, ${CONDITION_TEXT[grant]}`;
}

/** The access policy as Markdown tables: root fields by role, then each type's rows and fields. */
export function renderPolicyTable(): string {
  const lines: string[] = [TABLE_BEGIN, ''];
  lines.push('Root fields (anything else: `FORBIDDEN`; without a token: `UNAUTHENTICATED`):', '');
  lines.push(...header(['fields']));
  for (const parent of ['Query', 'Mutation'] as const) {
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
  lines.push(
    '',
    'Records: who sees an object at all (rep: its own enterprise’s; bank: those of enterprises holding an active',
    'authorisation for it, with the scope named), then its fields. A field a viewer may not see is `null`; an object',
    'it may not see is `null`, or left out of a list.',
    '',
  );
  lines.push(...header(['type', 'fields']));
  for (const [type, rule] of Object.entries(TYPES)) {
    const owned = !!rule.owners && !('proposal' in rule.owners);
    lines.push(row([`**${type}**`, '*rows*', ...COLUMNS.map(([r]) => (rule.public ? 'public' : rowsCell(r, rule.rows[r], owned)))]));
    for (const [group, grants] of Object.entries(rule.fields)) {
      const g = grants === ROWS ? rule.rows : grants;
      const same = grants === ROWS || COLUMNS.every(([r]) => g[r] === rule.rows[r]);
      const names = group.split(/\s+/).filter(Boolean).map((f) => `\`${f}\``).join(' ');
      lines.push(row(['', names, ...COLUMNS.map(([r]) => (same ? (rule.rows[r] ? '✓' : '–') : cell(g[r])))]));
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
