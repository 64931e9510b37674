import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Arg, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Language } from '../../common/language';
import { MutationErrorCode } from '../../common/mutation-errors';
import { Node } from '../../common/node';
import { DateTimeScalar } from '../../common/scalars';
import { Actor } from '../viewer/actor';
import { progressOf } from './import.runs';

/** What a file imports: one kind of record per file (issue 15 item 3). */
export enum ImportKind {
  ENTERPRISES = 'ENTERPRISES',
  FISCAL_YEAR_FIGURES = 'FISCAL_YEAR_FIGURES',
  CREDIT_RATINGS = 'CREDIT_RATINGS',
  TAX_CREDIT_GRADES = 'TAX_CREDIT_GRADES',
  DISHONEST_DEBTOR_CHECKS = 'DISHONEST_DEBTOR_CHECKS',
  PAPER_AUTHORIZATIONS = 'PAPER_AUTHORIZATIONS',
}
registerEnumType(ImportKind, {
  name: 'ImportKind',
  description:
    'What a file imports: one kind of record per file, each row checked as its mutation checks its input. In the URL of `POST /imports/…` and of the templates, the value in lower-kebab-case (`fiscal-year-figures`).',
  valuesConfig: {
    ENTERPRISES: { description: 'Enterprises to register (企业名录), a row as `createEnterprise` takes it.' },
    FISCAL_YEAR_FIGURES: { description: 'A fiscal year’s figures of registered enterprises (年度财务和人员数据), a row as `recordFiscalYear` takes a new year.' },
    CREDIT_RATINGS: { description: 'SME credit ratings (中小企业信用评级), a row as `recordCreditRating` takes it.' },
    TAX_CREDIT_GRADES: { description: 'Tax credit grades (纳税信用等级), a row as `recordTaxCreditGrade` takes it.' },
    DISHONEST_DEBTOR_CHECKS: { description: 'Look-ups of the dishonest judgment debtor list (失信被执行人查询), a row as `recordDishonestDebtorCheck` takes it.' },
    PAPER_AUTHORIZATIONS: {
      description: 'Signed paper data authorizations (纸质数据授权书), a row as `grantAuthorization` takes an administrator’s, with its paper reference.',
    },
  },
});

/** Where an import stands. */
export enum ImportStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'Where an import stands.',
  valuesConfig: {
    RUNNING: { description: 'Checked without a problem and being written in the background; `processedRows` counts the rows written so far.' },
    SUCCEEDED: { description: 'Done: every row written (a dry run: every row checked and none has a problem; nothing written).' },
    FAILED: {
      description:
        'Nothing written: the file has problems (`problems` lists them; a dry run too), or the writing failed, or the server stopped while writing (the transaction rolled back).',
    },
  },
});

/** One problem of an imported file, as stored with its import (both languages; `row` and `column` null for the file). */
export interface StoredProblem {
  row: number | null;
  column: string | null;
  /** Null for a failure of the writing itself, not of the file. */
  code: MutationErrorCode | null;
  zh: string;
  en: string;
}

@ObjectType({
  description:
    'A problem of an imported file: where (the row as the spreadsheet numbers it, the header being row 1, and the column by its Chinese header) and what, in Chinese or English.',
})
export class ImportProblem {
  @Field(() => Int, {
    nullable: true,
    description: 'The row as the spreadsheet shows it (the header is row 1, the first record row 2); null when the problem is the file’s as a whole.',
  })
  row!: number | null;

  @Field(() => String, { nullable: true, description: 'The column, by its Chinese header in the template (e.g. 统一社会信用代码); null when no one column is at fault.' })
  column!: string | null;

  @Field(() => MutationErrorCode, {
    nullable: true,
    description:
      'The kind of problem, as the same mutation would name it (INVALID_INPUT, NOT_FOUND, DUPLICATE …); null when the writing itself failed (the file may be imported again).',
  })
  code!: MutationErrorCode | null;

  /** The words in each language. */
  chinese!: string;
  english!: string;

  @Field(() => String, { description: 'What is wrong and how to put it right, for a person: in Chinese by default, or in English.' })
  message(
    @Arg('language', () => Language, { defaultValue: Language.CHINESE, description: 'The language of the words: Chinese by default.' }) language: Language,
  ): string {
    return language === Language.ENGLISH ? this.english : this.chinese;
  }

  static of(p: StoredProblem): ImportProblem {
    return Object.assign(new ImportProblem(), { row: p.row, column: p.column, code: p.code, chinese: p.zh, english: p.en });
  }
}

/**
 * One import of a file (issue 15 item 3): what, from which file, by whom, and how it went. Its progress is counted
 * outside the transaction that writes the rows, so it can be read while they are written: in this process's memory
 * while it runs (src/modules/imports/import.runs.ts), and in this row when it starts and ends.
 */
@ObjectType({
  implements: Node,
  description:
    'An import of a spreadsheet (Excel .xlsx or CSV) into the registry, or a dry run that only checked it: the kind and the file, how far it is, and every problem found. Written all or nothing, with one audit event (`importRecords`). Zone administrators only.',
})
@Entity({ tableName: 'data_import' })
@Index({ properties: ['startedAt', 'id'] })
@Index({ properties: ['status'] })
export class Import extends BaseEntity {
  @Field(() => ImportKind, { description: 'What the file imports.' })
  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @Field({ description: 'The name of the file as the client gave it (Chinese names kept as they are).' })
  @Property({ type: 'text' })
  fileName!: string;

  @Field({ description: 'The SHA-256 of the file’s bytes (64 hex digits), as the audit event keeps it: which file this was.' })
  @Property({ type: 'text' })
  fileSha256!: string;

  @Field(() => Int, { description: 'The size of the file in bytes.' })
  @Property({ type: 'integer' })
  fileSize!: number;

  @Field({ description: 'A dry run: the file was checked, and nothing was written whatever the outcome.' })
  @Property({ fieldName: 'dry_run' })
  isDryRun!: boolean;

  @Field(() => ImportStatus, { description: 'Where it stands.' })
  @Enum({ items: () => ImportStatus })
  status!: ImportStatus;

  @Field(() => Int, { description: 'The records the file holds (its rows that are not empty, the header not counted).' })
  @Property({ type: 'integer' })
  rowCount!: number;

  /** Rows written (checked, for a dry run), as saved when the import started or ended; see `processedRowsNow`. */
  @Property({ type: 'integer' })
  processedRows!: number;

  @Field(() => Int, {
    name: 'processedRows',
    description:
      'The rows done so far: written, while RUNNING (counted as the writing goes, before it commits); all of them once SUCCEEDED; 0 for a real run that FAILED (nothing was written); for a dry run, the rows checked (all of them, whatever was found).',
  })
  get processedRowsNow(): number {
    return this.status === ImportStatus.RUNNING ? (progressOf(this.id) ?? this.processedRows) : this.processedRows;
  }

  /** Every problem found, as stored: see `problemList`. */
  @Property({ type: 'jsonb' })
  problems!: StoredProblem[];

  @Field(() => [ImportProblem], {
    name: 'problems',
    description:
      'Every problem found, in row order (file problems first): the whole file is checked, so a dry run lists them all at once. Empty when there is none; a file of at most 50,000 rows.',
  })
  get problemList(): ImportProblem[] {
    return (this.problems ?? []).map(ImportProblem.of);
  }

  @Field(() => DateTimeScalar, { description: 'When it started (the file was received).' })
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended; null while RUNNING.' })
  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  /** Who imported, as stored (`ROLE` or `ROLE:organization`): see `actorOfImport`. */
  @Property({ type: 'text' })
  actor!: string;

  @Field(() => Actor, { name: 'actor', description: 'Who imported the file (a zone administrator).' })
  get actorOfImport(): Actor | null {
    return Actor.parse(this.actor);
  }
}
