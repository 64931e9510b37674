import { useCallback } from 'react';
import type { CppccLevel, EvidenceKind, InstrumentKind, ProposalAction, RejectionGround, ReplyCategory, Role } from '../../generated/graphql';
import { pick, useFormat, useLanguage } from '../../i18n';
import { useLabel } from '../../labels';

/** An Actor as the timeline and evidence name it: `Actor.name` where it names an organization, else its role in words. */
export interface NamedActor {
  name: string;
  role: Role;
  organization: { __typename: string } | null;
}

/**
 * Who acted, in the reader's language. `Actor.name` is the organization's registered name (a member's or a unit's, in
 * Chinese) when there is one; for roles that act for none (the office, administrators) it is the role in English words,
 * so the role's own label is shown instead.
 */
export function useActorName() {
  const label = useLabel();
  return useCallback((actor: NamedActor) => (actor.organization ? actor.name : label('Role', actor.role)), [label]);
}

/**
 * A timeline step's note in the reader's language. The server writes codes where the note is a code (a rejection
 * ground, a reply category, a level) and one English phrase (an escalated draft); names, evidence titles (in Chinese)
 * and the office's own words are shown as written.
 */
export function useEventNote() {
  const label = useLabel();
  const { language } = useLanguage();
  return useCallback(
    (action: ProposalAction, note: string | null): string => {
      if (note == null) return '';
      switch (action) {
        case 'REJECTED':
          return label('RejectionGround', note as RejectionGround);
        case 'REPLIED':
        case 'CO_HANDLER_REPLIED':
          return label('ReplyCategory', note as ReplyCategory);
        case 'ESCALATED':
          return label('CppccLevel', note as CppccLevel);
        case 'DRAFTED': {
          const from = /^escalated from the (\w+) proposal$/.exec(note);
          return from ? pick(['由{level}提案提交上来', 'Escalated from the {level} proposal'], language, { level: label('CppccLevel', from[1] as CppccLevel) }) : note;
        }
        // EVIDENCE_ATTACHED: the evidence's title, written in Chinese (earlier English titles were migrated).
        default:
          return note;
      }
    },
    [label, language],
  );
}

/** What a piece of evidence shows, in a line, from its frozen snapshot (so in the reader's language). */
export function useEvidenceSummary() {
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  return useCallback(
    (kind: EvidenceKind, snapshot: Record<string, unknown>, source: Record<string, unknown>, title: string): string => {
      // Aggregated evidence (isNamingEnterprises false) names no enterprise: its title says what it counts.
      if (kind === 'ENTERPRISE' && snapshot['name'] === undefined) return title;
      if (kind === 'INSTRUMENT' && snapshot['holders'] === undefined) {
        const amount = snapshot['amount'] == null ? '' : ` · ${format.money(String(snapshot['amount']))}${pick([' 元', ' yuan'], language)}`;
        const holders = pick(['{count}家企业', '{count} enterprise(s)'], language, { count: format.number(Number(snapshot['holderCount'] ?? 0)) });
        return `${label('InstrumentKind', snapshot['kind'] as InstrumentKind)} · ${holders}${amount}`;
      }
      if (kind === 'ENTERPRISE') {
        const name = language === 'en' && snapshot['nameEn'] ? String(snapshot['nameEn']) : String(snapshot['name'] ?? title);
        return `${name}（${String(snapshot['creditCode'] ?? '')}）`;
      }
      if (kind === 'INSTRUMENT') {
        const holders = ((snapshot['holders'] as { name: string }[] | undefined) ?? []).map((h) => h.name).join('、');
        const amount = snapshot['amount'] == null ? '' : ` · ${format.money(String(snapshot['amount']))}${pick([' 元', ' yuan'], language)}`;
        return `${label('InstrumentKind', snapshot['kind'] as InstrumentKind)} · ${holders}${amount}`;
      }
      const filter = (source['portfolioFilter'] ?? {}) as Record<string, unknown>;
      const parts: string[] = [];
      const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
      if (typeof filter['search'] === 'string') parts.push(`“${filter['search']}”`);
      if (list(filter['industries']).length) parts.push(list(filter['industries']).map((i) => label('Industry', i as never)).join('、'));
      if (list(filter['parks']).length) {
        // The parks by name as the snapshot counted them (those with enterprises), else their codes as asked.
        const named = ((snapshot['byPark'] as { park: string }[] | undefined) ?? []).map((p) => p.park);
        parts.push((named.length ? named : list(filter['parks'])).join('、'));
      }
      if (filter['isHighTech'] === true) parts.push(pick(['高新技术企业', 'high-tech'], language));
      if (filter['isHighTech'] === false) parts.push(pick(['非高新技术企业', 'not high-tech'], language));
      if (filter['isUniversityAffiliated'] === true) parts.push(pick(['校办企业', 'university-owned'], language));
      if (filter['isUniversityAffiliated'] === false) parts.push(pick(['非校办企业', 'not university-owned'], language));
      if (list(filter['instrumentKinds']).length) {
        parts.push(pick(['持有{kinds}', 'holding {kinds}'], language, { kinds: list(filter['instrumentKinds']).map((k) => label('InstrumentKind', k as InstrumentKind)).join('、') }));
      }
      const count = format.number(Number(snapshot['enterpriseCount'] ?? 0));
      const scope = parts.length ? parts.join(' · ') : pick(['全区', 'the whole zone'], language);
      return pick(['{scope}：{count}家企业', '{scope}: {count} enterprise(s)'], language, { scope, count });
    },
    [label, format, language],
  );
}
