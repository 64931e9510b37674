import { Arg, Args, Authorized, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { fromGlobalId } from '../../common/global-id';
import { InvalidInputError } from '../../common/mutation-errors';
import { Connection, ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { readObjects, readRows } from '../../db/read-objects';
import { Import } from './import.entity';
import { importRecords, refuseImport } from './import.service';
import { ImportRecordsInput, ImportRecordsPayload } from './import.types';

@ObjectType('ImportConnection', { description: 'A page of imports, newest first (by when they started).' })
export class ImportConnection extends Connection(Import, 'Import') {}

/** Standard base64, padded or not, white space allowed between its characters (as MIME writes it). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** An import by its global id, read as a row (null for an id of anything else, or of none). */
export async function findImport(ctx: RequestContext, id: string): Promise<Import | null> {
  const parsed = fromGlobalId(id);
  if (!parsed || parsed.type !== 'Import') return null;
  const rows = await readRows(ctx.em, 'select * from data_import where id = ?', [parsed.id]);
  return readObjects(ctx.em, Import, rows)[0] ?? null;
}

/** The payload of an outcome: the import, its problems, the refusal. */
export function payloadOf(outcome: { import: Import | null; errors: ImportRecordsPayload['errors'] }): ImportRecordsPayload {
  return Object.assign(new ImportRecordsPayload(), { import: outcome.import, problems: outcome.import?.problemList ?? [], errors: outcome.errors });
}

@Resolver(() => Import)
export class ImportResolver {
  @Authorized()
  @Mutation(() => ImportRecordsPayload, {
    description:
      'Imports a spreadsheet of one kind of record (Excel or CSV, as its template: `GET /imports/templates/{kind}.xlsx`), for machine clients; ' +
      'people and larger files use `POST /imports/{kind}` (README “Importing from Excel”). Every row is checked as its mutation checks its input ' +
      '(`createEnterprise`, `recordFiscalYear` …), and rows that are the same record are found. A dry run lists every problem and writes nothing; ' +
      'a real run writes every row in one transaction, or nothing when any row has a problem, and is one audit event with the file’s kind, name, ' +
      'SHA-256 and row count. A real run of more than 2,000 records is written in the background: the answer is the import RUNNING, and `import(id)` ' +
      'tells how far it is. The request must stay within /graphql’s 1 MB body limit.\nErrors: ImportProblemsError, InvalidInputError.',
  })
  async importRecords(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ImportRecordsInput, { description: 'The kind, the file and whether to write.' }) input: ImportRecordsInput,
  ): Promise<ImportRecordsPayload> {
    const base64 = input.content.replace(/\s+/g, '');
    if (!BASE64.test(base64) || base64.length % 4 === 1) {
      const error = new InvalidInputError('input.content', 'content is not base64 (RFC 4648, standard alphabet).').inChinese('文件内容不是 base64 编码。');
      return payloadOf(await refuseImport(ctx, input.kind, 'GRAPHQL', error));
    }
    return payloadOf(
      await importRecords(ctx, { kind: input.kind, fileName: input.fileName, content: Buffer.from(base64, 'base64'), isDryRun: input.isDryRun, channel: 'GRAPHQL' }),
    );
  }

  @Authorized()
  @Query(() => Import, {
    nullable: true,
    description: 'An import (or dry run) by its id, as it stands: a RUNNING one’s `processedRows` grows as its rows are written. Null for an unknown id.',
  })
  import(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The import’s global id (`Import.id`).' }) id: string): Promise<Import | null> {
    return findImport(ctx, id);
  }

  @Authorized()
  @Query(() => ImportConnection, { description: 'Every import and dry run of the zone, newest first.' })
  async imports(@Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs): Promise<Page<Import>> {
    const request = pageRequest(page, 2);
    const knex = ctx.em.getKnex();
    const q = knex('data_import as i').select('i.*');
    if (request.cursor) q.whereRaw('(i.started_at, i.id) < (?::timestamptz, ?::uuid)', request.cursor as string[]);
    const rows = await readRows<Record<string, unknown>>(ctx.em, q.orderBy([{ column: 'i.started_at', order: 'desc' }, { column: 'i.id', order: 'desc' }]).limit(request.limit + 1));
    return Page.fromRows(
      readObjects(ctx.em, Import, rows),
      request,
      (i) => i,
      (i) => [i.startedAt.toISOString(), i.id],
      async () => Number((await readRows<{ n: string }>(ctx.em, 'select count(*) as n from data_import'))[0]!.n),
    );
  }
}
