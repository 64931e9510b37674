import { Field, ID, InterfaceType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { typeNamedAfterClass } from './node';

/** What went wrong with a mutation, as data (API.md "Conventions"). Nothing was written when any is returned. */
export enum MutationErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  CHECK_CHARACTER_MISMATCH = 'CHECK_CHARACTER_MISMATCH',
  STALE_VERSION = 'STALE_VERSION',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  NOT_PERMITTED = 'NOT_PERMITTED',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  INCENTIVE_CAP_EXCEEDED = 'INCENTIVE_CAP_EXCEEDED',
  INCENTIVE_FORM_NOT_ALLOWED = 'INCENTIVE_FORM_NOT_ALLOWED',
}
registerEnumType(MutationErrorCode, {
  name: 'MutationErrorCode',
  description: 'What kind of expected failure a mutation met; each kind has its own error type with what a client needs to recover.',
  valuesConfig: {
    INVALID_INPUT: { description: 'The input breaks a rule of the registry (InvalidInputError): correct the input at `path`.' },
    CHECK_CHARACTER_MISMATCH: {
      description: 'A credit code with a wrong check character (CheckCharacterMismatchError): correct it, or an administrator overrides it.',
    },
    STALE_VERSION: { description: 'The record changed since it was read (StaleVersionError): reload it and decide again.' },
    NOT_FOUND: { description: 'A record the input names does not exist, or is not visible to the viewer (NotFoundError).' },
    DUPLICATE: { description: 'A record with the same key exists already (DuplicateError, LiveNeeqListingError).' },
    NOT_PERMITTED: {
      description: 'The viewer may call the mutation but not on this record or for this organization (NotPermittedError).',
    },
    TRANSITION_NOT_ALLOWED: {
      description: 'The record is in a state from which this change is not allowed (TransitionNotAllowedError).',
    },
    INCENTIVE_CAP_EXCEEDED: {
      description: 'An equity incentive plan breaks a cap of 财资〔2016〕4号 (IncentiveCapExceededError), naming the rule.',
    },
    INCENTIVE_FORM_NOT_ALLOWED: {
      description: 'An incentive form the 2016 rules do not allow this enterprise (IncentiveFormNotAllowedError), naming the rule.',
    },
  },
});

@InterfaceType({
  description: 'An expected failure of a mutation, returned in its payload; the mutation changed nothing.',
  resolveType: typeNamedAfterClass,
})
export abstract class MutationError {
  @Field(() => MutationErrorCode, { description: 'The kind of failure, stable for programs to branch on.' })
  code!: MutationErrorCode;

  @Field({ description: 'What went wrong, in English, for a person; its wording may change, so programs read `code` and `path`.' })
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The input field at fault, as a dotted path (e.g. "input.creditCode"); null when no one field is.',
    deprecationReason: 'Use `path`, a list that needs no parsing. Removed after 2027-06-30.',
  })
  field!: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Where in the mutation\'s arguments the fault lies, from the argument down (e.g. ["input", "grants", "0", "equityShare"]: ' +
      'list positions are given as their decimal index); null when the fault is not one place in the input (a record ' +
      'that changed meanwhile is at ["input", "version"]).',
  })
  get path(): string[] | null {
    return this.field === null ? null : this.field.split('.');
  }

  /**
   * The same in Chinese, for the rules an import shows its users (src/modules/imports): said of the value at `field`,
   * without naming it, since an import names the column beside it. Not in the schema (`message` is English).
   */
  chinese?: string;

  /** Sets the Chinese words of this error (`chinese`). */
  inChinese(text: string): this {
    this.chinese = text;
    return this;
  }
}

@ObjectType({ implements: MutationError, description: 'The input breaks a rule of the registry.' })
export class InvalidInputError extends MutationError {
  constructor(field: string | null, message: string, code = MutationErrorCode.INVALID_INPUT) {
    super();
    this.code = code;
    this.field = field;
    this.message = message;
  }
}

@ObjectType({
  implements: MutationError,
  description:
    'The viewer may call this mutation but not on this record or for this organization (a representative acting for ' +
    'another enterprise, a member of another committee): NOT_PERMITTED. Nothing was changed.',
})
export class NotPermittedError extends MutationError {
  constructor(field: string | null, message: string) {
    super();
    this.code = MutationErrorCode.NOT_PERMITTED;
    this.field = field;
    this.message = message;
  }
}

/** The viewer may not change this record (a representative acting for another enterprise): NOT_PERMITTED. */
export const notPermitted = (field: string | null, message: string): MutationError => new NotPermittedError(field, message);

@ObjectType({
  implements: MutationError,
  description:
    'The record is in a state from which this change is not allowed (a proposal already replied to, an authorization ' +
    'already revoked, a NEEQ listing that cannot move to that stage): TRANSITION_NOT_ALLOWED. Nothing was changed.',
})
export class TransitionNotAllowedError extends MutationError {
  constructor(field: string | null, message: string) {
    super();
    this.code = MutationErrorCode.TRANSITION_NOT_ALLOWED;
    this.field = field;
    this.message = message;
  }
}

/** The record's state does not allow this change: TRANSITION_NOT_ALLOWED. */
export const transitionNotAllowed = (field: string | null, message: string): MutationError => new TransitionNotAllowedError(field, message);

@ObjectType({
  implements: MutationError,
  description: 'The credit code has a valid format but a wrong check character; an administrator may override it.',
})
export class CheckCharacterMismatchError extends MutationError {
  @Field({ description: 'The check character the first 17 characters call for.' })
  expected: string;

  constructor(field: string, message: string, expected: string) {
    super();
    this.code = MutationErrorCode.CHECK_CHARACTER_MISMATCH;
    this.field = field;
    this.message = message;
    this.expected = expected;
  }
}

@ObjectType({
  implements: MutationError,
  description: 'The record changed since you read it (its `version` is no longer the one sent): reload it, decide again and retry.',
})
export class StaleVersionError extends MutationError {
  @Field(() => Int, { description: 'The version the record is at now; send it with the retried change once you have re-read the record.' })
  currentVersion: number;

  constructor(what: string, given: number, current: number) {
    super();
    this.code = MutationErrorCode.STALE_VERSION;
    this.field = 'input.version';
    this.message = `${what} is at version ${current}, not ${given}: someone changed it since you read it.`;
    this.currentVersion = current;
  }
}

@ObjectType({ implements: MutationError, description: 'A record named by the input does not exist.' })
export class NotFoundError extends MutationError {
  constructor(field: string, message: string) {
    super();
    this.code = MutationErrorCode.NOT_FOUND;
    this.field = field;
    this.message = message;
  }
}

@ObjectType({ implements: MutationError, description: 'A record with the same key exists already.' })
export class DuplicateError extends MutationError {
  constructor(field: string, message: string) {
    super();
    this.code = MutationErrorCode.DUPLICATE;
    this.field = field;
    this.message = message;
  }
}

@ObjectType({
  implements: MutationError,
  description: 'The company holds a live NEEQ listing already (under way or listed): it holds at most one; end that one first.',
})
export class LiveNeeqListingError extends MutationError {
  @Field(() => ID, { nullable: true, description: 'The live listing (null when it was recorded at the same moment and is not yet visible).' })
  liveListingId: string | null;

  constructor(field: string, liveListingId: string | null, message: string) {
    super();
    this.code = MutationErrorCode.DUPLICATE;
    this.field = field;
    this.liveListingId = liveListingId;
    this.message = message;
  }
}

@ObjectType({
  implements: MutationError,
  description: 'An equity incentive plan or grant breaks a cap of the 2016 rules for state-owned tech enterprises.',
})
export class IncentiveCapExceededError extends MutationError {
  @Field({ description: 'The rule broken, e.g. "TOTAL_CAP_SMALL: ≤ 30% of equity for a small enterprise".' })
  rule: string;

  constructor(field: string, rule: string, message: string) {
    super();
    this.code = MutationErrorCode.INCENTIVE_CAP_EXCEEDED;
    this.field = field;
    this.rule = rule;
    this.message = message;
  }
}

@ObjectType({
  implements: MutationError,
  description: 'The plan uses a form the 2016 rules do not allow it: one they do not provide for, or options in a large or medium enterprise.',
})
export class IncentiveFormNotAllowedError extends MutationError {
  @Field({ description: 'The rule, e.g. "OPTIONS_SMALL_MICRO_ONLY: stock options for small and micro enterprises only".' })
  rule: string;

  constructor(field: string, rule: string, message: string) {
    super();
    this.code = MutationErrorCode.INCENTIVE_FORM_NOT_ALLOWED;
    this.field = field;
    this.rule = rule;
    this.message = message;
  }
}

/** Collects the problems of one input, so a client sees them all at once. */
export class Problems {
  readonly list: MutationError[] = [];

  add(error: MutationError): this {
    this.list.push(error);
    return this;
  }

  /** An InvalidInputError at `field`, in English and (for the rules an import checks) in Chinese. */
  invalid(field: string, message: string, chinese?: string): this {
    const error = new InvalidInputError(field, message);
    return this.add(chinese === undefined ? error : error.inChinese(chinese));
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}
