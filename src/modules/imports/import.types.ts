import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError, MutationErrorCode } from '../../common/mutation-errors';
import { Import, ImportKind, ImportProblem } from './import.entity';

@ObjectType({
  implements: MutationError,
  description:
    'A real run of a file with problems: nothing was written. The import (FAILED) lists every problem, as a dry run would; correct the file and import it again.',
})
export class ImportProblemsError extends MutationError {
  @Field(() => Int, { description: 'How many problems the file has (`import.problems`, `problems`).' })
  problemCount: number;

  constructor(problemCount: number) {
    super();
    this.code = MutationErrorCode.INVALID_INPUT;
    this.field = 'input.content';
    this.problemCount = problemCount;
    this.message = `The file has ${problemCount} problem(s); nothing was written. They are listed in problems.`;
    this.chinese = `文件有 ${problemCount} 处问题，没有写入任何数据：问题见列表。`;
  }
}

@InputType({
  description:
    'A spreadsheet to import, for machine clients. The request must stay within /graphql’s 1 MB limit, so a file of up to about 750 KB (base64 makes it a third larger); a larger one goes to `POST /imports/{kind}` as it is (up to 20 MB).',
})
export class ImportRecordsInput {
  @Field(() => ImportKind, { description: 'What the file imports: its columns are that kind’s template’s (`GET /imports/templates/{kind}.xlsx`).' })
  kind!: ImportKind;

  @Field({ description: 'The file’s name, as a person would recognize it (Chinese names welcome), up to 255 characters: kept with the import and its audit event.' })
  fileName!: string;

  @Field({
    description:
      'The file’s bytes in base64 (RFC 4648, standard alphabet): an Excel workbook (.xlsx: its first worksheet, header in row 1) or a CSV in UTF-8, with or without a byte-order mark; told apart by their bytes. At most 50,000 records.',
  })
  content!: string;

  @Field({ description: 'true: check the file and list every problem, writing nothing; false: write every row, or nothing when any row has a problem.' })
  isDryRun!: boolean;
}

@ObjectType({ description: 'What importRecords answers: the import as recorded, every problem of the file, and why it was refused.' })
export class ImportRecordsPayload {
  @Field(() => Import, {
    nullable: true,
    description:
      'The import as recorded: a dry run SUCCEEDED (no problem) or FAILED (problems); a real run SUCCEEDED, RUNNING (a large file, written in the background: poll `import(id)`), or FAILED (problems: nothing written). Null when the request itself was refused (`errors`).',
  })
  import!: Import | null;

  @Field(() => [ImportProblem], { description: 'Every problem of the file (the import’s `problems`), in row order; empty when there is none.' })
  problems!: ImportProblem[];

  @Field(() => [MutationError], { description: 'Empty unless the import was refused: nothing was written then.' })
  errors!: MutationError[];
}
