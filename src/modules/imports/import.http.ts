import express from 'express';
import { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context';
import { mayCall } from '../../auth/policy';
import { Language } from '../../common/language';
import { InvalidInputError, type MutationError } from '../../common/mutation-errors';
import { zoneToday } from '../../clock';
import { AuditOutcome } from '../audit/audit.entity';
import { recordAudit } from '../audit/audit.service';
import { RegistryFacts } from '../enterprise/registry-facts';
import { CSV_TYPE, csvTemplate, XLSX_TYPE, xlsxTemplate } from './import.files';
import { kindOfSlug } from './import.kinds';
import { IMPORT_OPERATION, importRecords, refuseImport } from './import.service';
import { ImportProblemsError } from './import.types';

/** The largest file `POST /imports/:kind` takes (issue 15 item 3); /graphql's 1 MB stays as it is. */
export const HTTP_FILE_LIMIT = '20mb';

export interface ImportRoutesDeps {
  /**
   * The context of a request as /graphql builds it: its viewer from the bearer token, else the session cookie
   * (src/auth/sessions.ts), counted against its rate; throws a GraphQLError (UNAUTHENTICATED, RATE_LIMITED,
   * SERVICE_UNAVAILABLE) to answer with.
   */
  contextOf(req: express.Request, res: express.Response): Promise<RequestContext>;
  /** The import as the GraphQL API shows it (`import(id) { … }`, run as the viewer): the same content as the payload. */
  render(ctx: RequestContext, id: string, language: Language): Promise<Record<string, unknown> | null>;
  /** A fresh unit of work, for the templates' reference data. */
  em(): EntityManager;
  /** Refuses a request when too many are being answered (server.ts). */
  inFlight: express.RequestHandler;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const refusal = (status: number, code: string, message: string): Reply => ({ status, body: { errors: [{ message, extensions: { code } }] } });

/** A GraphQL error thrown while authenticating, as this route answers it (its status, its code, its headers). */
function replyOf(err: GraphQLError): Reply {
  const http = err.extensions['http'] as { status?: number; headers?: Map<string, string> } | undefined;
  return {
    status: http?.status ?? 400,
    body: { errors: [{ message: err.message, extensions: { code: err.extensions['code'] } }] },
    headers: http?.headers ? Object.fromEntries(http.headers) : undefined,
  };
}

/** A payload error as GraphQL writes it (`errors { __typename code message path … }`). */
const errorJson = (e: MutationError) => ({
  __typename: e.constructor.name,
  code: e.code,
  message: e.message,
  path: e.path,
  ...(e instanceof ImportProblemsError ? { problemCount: e.problemCount } : {}),
});

/** `filename*` as RFC 6266 and 5987 spell a name that is not ASCII, with an ASCII `filename` beside it for old clients. */
const attachment = (ascii: string, name: string, extension: string) =>
  `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;

/**
 * Spreadsheets in (issue 15 item 3), for people (the web console) and for files over /graphql's 1 MB:
 *
 * - `POST /imports/:kind?dryRun=true|false[&language=ENGLISH]`, the file as the raw body (Content-Type
 *   `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `text/csv`, at most 20 MB) and its name in
 *   `X-File-Name` (URI-encoded, so a Chinese name travels in an ASCII header). Authenticated as /graphql is, and allowed
 *   to whoever the policy lets call `importRecords`. Answers `{ import, problems, errors }`: the import as `import(id)`
 *   shows it, its problems, and the payload's errors (200; 202 while a large file is written in the background; 422
 *   when refused).
 *   Cross-site requests: neither Content-Type is CORS-safelisted (a form can send only urlencoded, multipart or
 *   text/plain), and neither is X-File-Name, so a page of another origin cannot send this request without a CORS
 *   preflight, which innozone never grants; the session cookie is SameSite=Strict besides. Any other Content-Type is
 *   refused (415) before the body is read.
 * - `GET /imports/templates/:kind.xlsx` and `.csv`: the template of a kind, public (it holds no data of the registry:
 *   headers, made-up example rows, and the guide with the parks and banks one may name).
 */
export function importRouter(deps: ImportRoutesDeps): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: [XLSX_TYPE, CSV_TYPE], limit: HTTP_FILE_LIMIT });
  const send = (res: express.Response, reply: Reply) => {
    res.status(reply.status).set({ 'cache-control': 'no-store', ...(reply.headers ?? {}) }).json(reply.body);
  };

  router.get('/imports/templates/:file', async (req, res, next) => {
    try {
      const match = /^([a-z-]+)\.(xlsx|csv)$/.exec(String(req.params['file'] ?? ''));
      const spec = match ? kindOfSlug(match[1]!) : undefined;
      if (!match || !spec) {
        return send(res, refusal(404, 'NOT_FOUND', 'No such template: /imports/templates/{kind}.xlsx or .csv, kind one of enterprises, fiscal-year-figures, credit-ratings, tax-credit-grades, dishonest-debtor-checks, paper-authorizations.'));
      }
      const today = zoneToday();
      const name = `${spec.title}导入模板`;
      if (match[2] === 'csv') {
        res.set({ 'content-type': `${CSV_TYPE}; charset=utf-8`, 'content-disposition': attachment(`${spec.slug}-template`, name, 'csv'), 'cache-control': 'no-store' }).send(csvTemplate(spec, today));
        return;
      }
      const facts = new RegistryFacts(deps.em());
      await facts.preloadReferenceData();
      const file = await xlsxTemplate(spec, facts.loaded(), today);
      res.set({ 'content-type': XLSX_TYPE, 'content-disposition': attachment(`${spec.slug}-template`, name, 'xlsx'), 'cache-control': 'no-store' }).send(file);
    } catch (err) {
      next(err);
    }
  });

  router.post(
    '/imports/:kind',
    deps.inFlight,
    async (req, res, next) => {
      const spec = kindOfSlug(String(req.params['kind'] ?? ''));
      if (!spec) return send(res, refusal(404, 'NOT_FOUND', `No such kind of import: ${req.params['kind']}.`));
      let ctx: RequestContext;
      try {
        ctx = await deps.contextOf(req, res);
      } catch (err) {
        if (err instanceof GraphQLError) return send(res, replyOf(err));
        return next(err);
      }
      if (!ctx.viewer) return send(res, refusal(401, 'UNAUTHENTICATED', 'Sign in, or send Authorization: Bearer <token>.'));
      // The policy's row for importRecords decides, as at /graphql; a refusal is an audited attempt there too.
      if (!mayCall('Mutation', IMPORT_OPERATION, ctx.viewer.role)) {
        await recordAudit(ctx.em.fork(), ctx.viewer, { operation: IMPORT_OPERATION, outcome: AuditOutcome.DENIED, details: { error: 'FORBIDDEN', channel: 'HTTP' } }).catch(
          () => undefined,
        );
        return send(res, refusal(403, 'FORBIDDEN', `A ${ctx.viewer.role} may not import.`));
      }
      const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== XLSX_TYPE && type !== CSV_TYPE) {
        return send(res, refusal(415, 'BAD_REQUEST', `Send the file as the body, with Content-Type ${XLSX_TYPE} (.xlsx) or ${CSV_TYPE} (.csv).`));
      }
      const dryRun = req.query['dryRun'];
      if (dryRun !== 'true' && dryRun !== 'false') return send(res, refusal(400, 'BAD_REQUEST', 'Say dryRun=true (check only) or dryRun=false (write).'));
      const language = req.query['language'] === undefined ? Language.CHINESE : req.query['language'];
      if (language !== Language.CHINESE && language !== Language.ENGLISH) return send(res, refusal(400, 'BAD_REQUEST', 'language is CHINESE or ENGLISH.'));
      res.locals['importContext'] = ctx;
      res.locals['importRequest'] = { spec, isDryRun: dryRun === 'true', language };
      next();
    },
    (req, res, next) =>
      raw(req, res, (err?: unknown) => {
        if (!err) return next();
        const e = err as { type?: string; status?: number };
        if (e.type === 'entity.too.large') return send(res, refusal(413, 'PAYLOAD_TOO_LARGE', `The file is over the limit of ${HTTP_FILE_LIMIT.replace('mb', ' MB')}.`));
        if (e.status && e.status < 500) return send(res, refusal(e.status, 'BAD_REQUEST', 'The file could not be received.'));
        next(err);
      }),
    async (req, res, next) => {
      const ctx = res.locals['importContext'] as RequestContext;
      const { spec, isDryRun, language } = res.locals['importRequest'] as { spec: NonNullable<ReturnType<typeof kindOfSlug>>; isDryRun: boolean; language: Language };
      try {
        let fileName: string;
        try {
          fileName = decodeURIComponent(req.get('x-file-name') ?? '');
        } catch {
          fileName = '';
        }
        const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const outcome = fileName
          ? await importRecords(ctx, { kind: spec.kind, fileName, content, isDryRun, channel: 'HTTP' })
          : await refuseImport(
              ctx,
              spec.kind,
              'HTTP',
              new InvalidInputError('input.fileName', 'Give the file name in the X-File-Name header, URI-encoded.').inChinese('请在 X-File-Name 请求头中给出文件名（URI 编码）。'),
            );
        const rendered = outcome.import ? await deps.render(ctx, outcome.import.nodeId, language) : null;
        const status = outcome.errors.length ? 422 : rendered?.['status'] === 'RUNNING' ? 202 : 200;
        send(res, { status, body: { import: rendered, problems: (rendered?.['problems'] as unknown[]) ?? [], errors: outcome.errors.map(errorJson) } });
      } catch (err) {
        next(err);
      }
    },
  );
  return router;
}
