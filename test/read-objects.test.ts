import { ReferenceKind } from '@mikro-orm/core';
import { readObjects, readObjectsFromText, readRows } from '../src/db/read-objects';
import { tableColumns, textRows } from '../src/db/read-plan';
import { loadDemoAccounts } from '../seeds/accounts';
import { Account } from '../src/modules/account/account.entity';
import { signIn, startSession } from '../src/modules/account/account.service';
import { loadDemoCppcc } from '../seeds/cppcc';
import { InMemoryEventPublisher } from '../src/events/publisher';
import { relayPending } from '../src/events/relay';
import { Role } from '../src/auth/roles';
import { BANKS } from '../seeds/reference';
import { loadDemoZone, NAMED_ENTERPRISES } from '../seeds/zone';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { resetRegistry } from './support/registry';

/**
 * The read path's objects against MikroORM's own entities, row by row, for every table of the demo zone and
 * committee: same class, same value for every persisted property (a reference as the id it holds). A conversion the
 * read objects got wrong (an array of enums left as '{A,B}', a timestamp left a string, a boolean) fails here even
 * where no GraphQL field shows it.
 */
describe('read objects', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await resetRegistry(app.orm);
    await loadDemoZone(app.orm.config.get('clientUrl')!);
    await loadDemoCppcc(app.orm);
    // The demo's accounts, one signed in (a session), one tried wrongly: rows of the account tables.
    await loadDemoAccounts(app.orm);
    // What the seed's steps announced, relayed (no jobs run here): rows of the notifications' table.
    await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
    const em = app.orm.em.fork();
    await startSession(em, await em.findOneOrFail(Account, { username: 'admin' }));
    // A failed sign-in under another username: a row of the failures counted per username.
    await signIn(em, 'bank', 'not-the-password');
    // A bank's webhook, on the zone's allow-list, told of the authorisation below: rows of the webhook tables (its
    // delivery is written when the grant is relayed, at the end).
    const hankou = BANKS.find((b) => b.key === 'HANKOU')!.creditCode;
    const allowed = await app.execute<any, any>(
      'mutation A($input: SetWebhookAllowListInput!) { setWebhookAllowList(input: $input) { errors { code } } }',
      { input: { entries: ['https://*.hkbchina.example.cn'] } },
      as(Role.ZONE_ADMIN),
    );
    const registered = await app.execute<any, any>(
      'mutation W($input: RegisterWebhookInput!) { registerWebhook(input: $input) { errors { code } } }',
      { input: { url: 'https://api.hkbchina.example.cn/innozone/events', events: ['AUTHORIZATION_GRANTED'], secret: '汉口银行-webhook-secret-0123456789abcdef' } },
      as(Role.BANK_OFFICER, hankou),
    );
    expect([allowed.data, registered.data]).toEqual([{ setWebhookAllowList: { errors: [] } }, { registerWebhook: { errors: [] } }]);
    // An authorisation (and with it an audit event): the demo holds none.
    const hust = NAMED_ENTERPRISES[0]!.creditCode;
    const granted = await app.execute<any, any>(
      `mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { errors { code } } }`,
      {
        input: {
          creditCode: hust,
          bankCreditCode: hankou,
          scopes: ['PROFILE', 'FINANCIALS'],
          purpose: '科技信用贷款授信审查',
          validFrom: zoneToday(),
          validUntil: addMonths(zoneToday(), 12),
          signer: '王伟（财务总监）',
        },
      },
      as(Role.ENTERPRISE_REP, hust),
    );
    expect(granted.data).toEqual({ grantAuthorization: { errors: [] } });
    // A receipt: a bank's eligibility answer, under one of the demo's authorisations (招商银行 from 华工科技).
    const cmb = BANKS.find((b) => b.key === 'CMB')!.creditCode;
    const asked = await app.execute<any, any>(
      'query E($codes: [String!]!) { eligibility(program: "CREDIT_LOAN", creditCodes: $codes) { receiptId } }',
      { codes: [hust] },
      as(Role.BANK_OFFICER, cmb),
    );
    expect([asked.errors, typeof asked.data?.eligibility?.[0]?.receiptId]).toEqual([undefined, 'string']);
    // An import (a dry run finding a problem, kept with its words as JSON): a row of the imports' table.
    const csv = Buffer.from(`\ufeff统一社会信用代码,信用等级,评级机构,评级日期\r\n${hust},AA,武汉东湖信用评级有限公司,2099-01-01\r\n`, 'utf8');
    const imported = await app.execute<any, any>(
      'mutation I($input: ImportRecordsInput!) { importRecords(input: $input) { import { status } } }',
      { input: { kind: 'CREDIT_RATINGS', fileName: '信用评级.csv', content: csv.toString('base64'), isDryRun: true } },
      as(Role.ZONE_ADMIN),
    );
    expect(imported.data).toEqual({ importRecords: { import: { status: 'FAILED' } } });
    // The grant and the import relayed: their notifications, and the webhook's delivery (no jobs run: it stays PENDING).
    await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
  }, 120_000);
  afterAll(() => app.close());

  it('are what MikroORM hydrates, for every row of every entity table', async () => {
    const em = app.orm.em.fork();
    const roots = Object.values(app.orm.getMetadata().getAll()).filter((m) => !m.embeddable && !m.virtual && m.tableName && m.root === m);
    const compared: Record<string, number> = {};
    for (const meta of roots) {
      const key = meta.primaryKeys[0]!;
      const column = meta.properties[key as never]!.fieldNames[0]!;
      const rows = await readRows(em, `select * from "${meta.tableName}" order by "${column}" limit 500`);
      const read = readObjects<Record<string, unknown>>(em, meta.className, rows);
      // Lazy columns (a webhook's encrypted secret) too: read objects hold every column of `select *`.
      const lazy = meta.props.filter((p) => p.lazy && p.kind === ReferenceKind.SCALAR).map((p) => p.name);
      const entities = await em.fork().find<Record<string, unknown>>(meta.className, { [key]: { $in: rows.map((r) => r[column]) } }, { populate: lazy as never });
      const byKey = new Map(entities.map((e) => [String(e[key]), e]));
      for (const object of read) {
        const entity = byKey.get(String(object[key]))!;
        const props = app.orm.getMetadata().get(entity.constructor.name).props.filter((p) => p.persist !== false && p.fieldNames?.length === 1);
        const value = (o: Record<string, unknown>, name: string, kind: ReferenceKind) => {
          const v = o[name];
          if (kind === ReferenceKind.MANY_TO_ONE || kind === ReferenceKind.ONE_TO_ONE) return v == null ? null : (v as { id: string }).id;
          return v;
        };
        const shown = (o: Record<string, unknown>) =>
          Object.fromEntries(props.filter((p) => p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)).map((p) => [p.name, value(o, p.name, p.kind)]));
        expect([meta.className, object.constructor.name, shown(object)]).toEqual([meta.className, entity.constructor.name, shown(entity)]);
      }
      compared[meta.className] = read.length;
    }
    // Every table held rows to compare (the demo zone and committee fill each).
    expect(Object.entries(compared).filter(([, n]) => n === 0)).toEqual([]);
  });

  it('read ahead as JSON text are the objects `select *` rows make, value for value, for every table', async () => {
    // Reading ahead (src/db/read-plan.ts) gets rows as PostgreSQL's text output inside JSON, parses each value as the
    // connection would and builds the read object straight from the array: booleans, integers, arrays, json, dates,
    // timestamps and the class of each row (single-table inheritance) must come out the same.
    const em = app.orm.em.fork();
    const columns = await tableColumns(em);
    const roots = Object.values(app.orm.getMetadata().getAll()).filter((m) => !m.embeddable && !m.virtual && m.tableName && m.root === m);
    const compared: Record<string, number> = {};
    for (const meta of roots) {
      const list = columns.get(meta.tableName)!;
      const key = meta.properties[meta.primaryKeys[0] as never]!.fieldNames[0]!;
      const direct = await readRows(em, `select * from "${meta.tableName}" order by "${key}" limit 500`);
      const page = `(select * from "${meta.tableName}" order by "${key}" limit 500)`;
      const [{ rows }] = (await readRows(em, `select ${textRows(list, page, `t."${key}"`)} as rows`)) as [{ rows: (string | null)[][] }];
      const fromText = readObjectsFromText<object>(em, meta.className, list, rows);
      const fromRows = readObjects<object>(em, meta.className, direct);
      expect([meta.tableName, fromText.map((o) => o.constructor.name), fromText]).toEqual([meta.tableName, fromRows.map((o) => o.constructor.name), fromRows]);
      compared[meta.tableName] = direct.length;
    }
    expect(Object.entries(compared).filter(([, n]) => n === 0)).toEqual([]);
  });
});
