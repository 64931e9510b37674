import { registerEnumType } from 'type-graphql';
import { LEGACY_REMOVAL } from '../../common/legacy-args';
import { ReplyCategory, type RejectionGround } from './cppcc.entity';
import type { ReviewDecisionInput } from './cppcc.types';

/**
 * The CPPCC mutations' arguments before API v1, kept as deprecated aliases for one release (shared/API.md): the enums
 * they took, and how each old call reads as the v1 input.
 */

/** `reviewProposal(decision:)` before v1: which decision, its details in loose arguments. */
export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  CONVERT_TO_LETTER = 'CONVERT_TO_LETTER',
  CONVERT_TO_REPORT = 'CONVERT_TO_REPORT',
}
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: `The decision of \`reviewProposal(decision:)\` before API v1, a deprecated argument: use \`input.decision\` (ReviewDecisionInput). Removed after ${LEGACY_REMOVAL}.`,
  valuesConfig: {
    ACCEPT: { description: 'Accept it (立案): `input.decision.accept`.' },
    REJECT: { description: 'Do not accept it (不予立案), on `ground`: `input.decision.reject`.' },
    CONVERT_TO_LETTER: { description: 'Convert it into a member letter: `input.decision.convertToLetter`.' },
    CONVERT_TO_REPORT: { description: 'Convert it into a social-condition report whose text is `reason`: `input.decision.convertToReport`.' },
  },
});

/** `replyToProposal(result:)` before v1: the reply category by its letter. */
export enum ReplyResult {
  A = 'A',
  B = 'B',
  C = 'C',
}
registerEnumType(ReplyResult, {
  name: 'ReplyResult',
  description: `The reply category of \`replyToProposal(result:)\` before API v1, a deprecated argument: use \`input.category\` (ReplyCategory). Removed after ${LEGACY_REMOVAL}.`,
  valuesConfig: {
    A: { description: 'RESOLVED_OR_ADOPTED.' },
    B: { description: 'BEING_ADDRESSED.' },
    C: { description: 'FOR_REFERENCE.' },
  },
});

export const CATEGORY_OF: Record<ReplyResult, ReplyCategory> = {
  [ReplyResult.A]: ReplyCategory.RESOLVED_OR_ADOPTED,
  [ReplyResult.B]: ReplyCategory.BEING_ADDRESSED,
  [ReplyResult.C]: ReplyCategory.FOR_REFERENCE,
};

/** The v1 decision an old review call meant; the old arguments it lacks, when it cannot say. */
export function legacyDecision(
  decision: ReviewDecision,
  args: { reason?: string | null; ground?: RejectionGround | null; key?: boolean | null },
): ReviewDecisionInput | { missing: string[] } {
  switch (decision) {
    case ReviewDecision.ACCEPT:
      return { accept: { isKey: args.key ?? false, reason: args.reason ?? null } };
    case ReviewDecision.REJECT:
      return args.ground ? { reject: { ground: args.ground, reason: args.reason ?? null } } : { missing: ['ground'] };
    case ReviewDecision.CONVERT_TO_LETTER:
      return { convertToLetter: { reason: args.reason ?? null } };
    case ReviewDecision.CONVERT_TO_REPORT:
      return args.reason ? { convertToReport: { report: args.reason } } : { missing: ['reason'] };
  }
}
