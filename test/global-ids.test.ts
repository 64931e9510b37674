import { getNamedType, isObjectType } from 'graphql';
import { Client } from 'pg';
import { Role } from '../src/auth/roles';
import { fromGlobalId, LEGACY_TYPE_NAMES, NODE_TAGS, toGlobalId } from '../src/common/global-id';
import { Migration20261203090000_global_ids_v1 } from '../src/db/migrations/Migration20261203090000_global_ids_v1';
import { as, TestApp } from './support/app';
import { workerDatabaseUrl } from './support/database';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/** API v1: global ids carry a stable tag of their kind, not the GraphQL type name (issue 14, item 10). */
describe('global ids', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const legacy = (type: string, uuid: string) => Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64url');

  it('gives every Node type of the schema its own tag of three capitals, and no tag to a type that is not one', () => {
    // A RestrictedInstrument is a view of an instrument, not a record: its id is the instrument's own (tagged by kind).
    const views = new Set(['RestrictedInstrument']);
    const nodeTypes = Object.values(app.schema.getTypeMap())
      .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node') && !views.has(t.name))
      .map((t) => t.name)
      .sort();
    expect(Object.keys(NODE_TAGS).sort()).toEqual(nodeTypes);
    const tags = Object.values(NODE_TAGS);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.filter((t) => !/^[A-Z]{3}$/.test(t))).toEqual([]);
    // A legacy name is a name no type has any more, and points at one that exists.
    for (const [old, now] of Object.entries(LEGACY_TYPE_NAMES)) {
      expect([old in NODE_TAGS, now in NODE_TAGS]).toEqual([false, true]);
    }
    expect(getNamedType(app.schema.getQueryType()!.getFields()['node']!.type).name).toBe('Node');
  });

  it('writes a tag, an underscore and the uuid in 22 base64url characters, and reads it back', () => {
    const uuid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const id = toGlobalId('Enterprise', uuid);
    expect(id).toBe('ENT_ChssPU5fSmuMfZ4PGis8TQ');
    expect(fromGlobalId(id)).toEqual({ type: 'Enterprise', id: uuid });
    expect(fromGlobalId(toGlobalId('ProposalReply', uuid))).toEqual({ type: 'ProposalReply', id: uuid });
    // Not ours: an unknown tag, a uuid of the wrong length, trailing bits set, anything else.
    expect(['XYZ_ChssPU5fSmuMfZ4PGis8TQ', 'ENT_ChssPU5fSmuMfZ4PGis8', 'ENT_ChssPU5fSmuMfZ4PGis8TR', 'ENT:0a1b', '', '____'].map(fromGlobalId)).toEqual([
      null, null, null, null, null, null,
    ]);
    expect(() => toGlobalId('NoSuchType', uuid)).toThrow('No global-id tag for type NoSuchType');
  });

  it('still reads an id issued before v1, for a type that exists, and refuses one of a type that does not', () => {
    const uuid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect([fromGlobalId(legacy('Enterprise', uuid)), fromGlobalId(legacy('FinancingInstrument', uuid)), fromGlobalId(legacy('Enterprise', 'x'))]).toEqual([
      { type: 'Enterprise', id: uuid },
      null,
      null,
    ]);
  });

  it('serves v1 ids, and resolves node() from a v1 id and from a pre-v1 one to the same record', async () => {
    await resetRegistry(app.orm);
    const admin = as(Role.ZONE_ADMIN);
    const made = await app.execute<any, any>(
      'mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id name } errors { code } } }',
      { input: enterpriseInput(testCode(14_901), '武汉全局标识光电有限公司') },
      admin,
    );
    const { id, name } = made.data.createEnterprise.enterprise;
    expect([name, /^ENT_[A-Za-z0-9_-]{22}$/.test(id)]).toEqual(['武汉全局标识光电有限公司', true]);
    const uuid = fromGlobalId(id)!.id;
    const read = await app.execute<any, any>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Enterprise { name } } }',
      { ids: [id, legacy('Enterprise', uuid), legacy('Patent', uuid), toGlobalId('Patent', uuid)] },
      admin,
    );
    expect(read.data).toEqual({ nodes: [{ id, name: '武汉全局标识光电有限公司' }, { id, name: '武汉全局标识光电有限公司' }, null, null] });
  });

  it('reads a member’s token naming it by a pre-v1 id as naming it by its v1 id', async () => {
    const uuid = 'c0000000-0000-4000-8000-0000000000a1';
    const viewer = await app.tokens.verify(await app.tokens.sign({ role: Role.CPPCC_MEMBER, org: legacy('CppccMember', uuid) }));
    expect([viewer.role, viewer.organisation]).toEqual([Role.CPPCC_MEMBER, toGlobalId('CppccMember', uuid)]);
  });

  it('migrates the pre-v1 ids of members and units stored in actors, and leaves every other actor as it was', async () => {
    const migration = new Migration20261203090000_global_ids_v1(app.orm.em.getDriver(), app.orm.config);
    await migration.up();
    const [createFunction] = migration.getQueries() as string[];
    const client = new Client({ connectionString: await workerDatabaseUrl() });
    await client.connect();
    try {
      await client.query(String(createFunction));
      const member = 'c0000000-0000-4000-8000-000000000001';
      const unit = 'd0000000-0000-4000-8000-000000000002';
      const actors = [
        `CPPCC_MEMBER:${legacy('CppccMember', member)}`,
        `HANDLING_UNIT:${legacy('HandlingUnit', unit)}`,
        `CPPCC_MEMBER:${toGlobalId('CppccMember', member)}`,
        'BANK_OFFICER:9142010010000005X6',
        'ZONE_ADMIN',
        `CPPCC_MEMBER:${legacy('Enterprise', member)}`,
      ];
      const { rows } = await client.query<{ v: string }>('select pg_temp.v1_actor(a) as v from unnest($1::text[]) with ordinality as t(a, n) order by n', [actors]);
      expect(rows.map((r) => r.v)).toEqual([
        `CPPCC_MEMBER:${toGlobalId('CppccMember', member)}`,
        `HANDLING_UNIT:${toGlobalId('HandlingUnit', unit)}`,
        `CPPCC_MEMBER:${toGlobalId('CppccMember', member)}`,
        'BANK_OFFICER:9142010010000005X6',
        'ZONE_ADMIN',
        `CPPCC_MEMBER:${legacy('Enterprise', member)}`,
      ]);
    } finally {
      await client.end();
    }
  });
});
