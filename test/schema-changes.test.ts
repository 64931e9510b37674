import { readFile } from 'node:fs/promises';
import { projectPath } from '../src/project';
import { breakingChanges, unnamed, unreleasedSection } from '../src/schema-changes';

/**
 * Issue 14, item 12: a schema change that breaks clients is deliberate and announced. Every breaking change between
 * the last released schema and the served one (graphql-js's findBreakingChanges) must be named, by its schema
 * coordinate in backticks, in the coming release's section of CHANGELOG.md.
 */
describe('breaking schema changes', () => {
  it('are each named in CHANGELOG.md’s coming release (released.graphql → schema.graphql)', async () => {
    const [released, current, changelog] = await Promise.all(
      [['schema', 'released.graphql'], ['schema', 'schema.graphql'], ['CHANGELOG.md']].map((p) => readFile(projectPath(...p), 'utf8')),
    );
    const missing = unnamed(breakingChanges(released!, current!), unreleasedSection(changelog!));
    expect(missing.map((c) => `${c.coordinate}: ${c.description}`)).toEqual([]);
  });

  it('deprecates only with a replacement and the date after which the old name goes (README: API versions)', async () => {
    const { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } = await import('graphql');
    const schema = buildSchema(await readFile(projectPath('schema', 'schema.graphql'), 'utf8'));
    const undated: string[] = [];
    const check = (coordinate: string, reason: string | null | undefined) => {
      if (reason != null && !/Removed after \d{4}-\d{2}-\d{2}\./.test(reason)) undated.push(`${coordinate}: ${reason}`);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.deprecationReason);
          for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) check(`${type.name}.${v.name}`, v.deprecationReason);
    }
    expect(undated).toEqual([]);
  });

  it('names each kind of breaking change by its coordinate', () => {
    const released = `
      type Query { loan(id: ID!): Loan, loans(first: Int): [Loan!]!, viewer: Viewer }
      type Loan implements Node { id: ID!, contractNo: String!, result: Result!, lender: String }
      interface Node { id: ID! }
      type Viewer { organisation: String }
      enum Result { A B C NATION }
      input LoanInput { amount: String }
      union Party = Loan | Viewer
      type Mutation { rateReply(id: ID!, rating: Int): Int, record(input: LoanInput): Int }`;
    const current = `
      type Query { loan(id: ID!): Loan, loans(first: Int!, filter: String!): [Loan!]! }
      type Loan { id: ID!, contractNumber: String!, result: Result!, lender: Int }
      enum Result { A B C NATIONAL }
      input LoanInput { amount: String, currency: String! }
      union Party = Loan
      type Mutation { rateReply(replyId: ID!, rating: String): Int, record(input: LoanInput): Int }`;
    expect(breakingChanges(released, current).map((c) => [c.coordinate, c.type])).toEqual([
      ['Loan', 'IMPLEMENTED_INTERFACE_REMOVED'],
      ['Loan.contractNo', 'FIELD_REMOVED'],
      ['Loan.lender', 'FIELD_CHANGED_KIND'],
      ['LoanInput.currency', 'REQUIRED_INPUT_FIELD_ADDED'],
      ['Mutation.rateReply(id:)', 'ARG_REMOVED'],
      ['Mutation.rateReply(rating:)', 'ARG_CHANGED_KIND'],
      ['Mutation.rateReply(replyId:)', 'REQUIRED_ARG_ADDED'],
      ['Node', 'TYPE_REMOVED'],
      ['Party', 'TYPE_REMOVED_FROM_UNION'],
      ['Query.loans(filter:)', 'REQUIRED_ARG_ADDED'],
      ['Query.loans(first:)', 'ARG_CHANGED_KIND'],
      ['Query.viewer', 'FIELD_REMOVED'],
      ['Result.NATION', 'VALUE_REMOVED_FROM_ENUM'],
      ['Viewer', 'TYPE_REMOVED'],
    ]);
    const changelog = '# Changelog\n\n## v1 (unreleased)\n\n- `Loan.contractNo` → `contractNumber`.\n\n## v0\n\n- `Viewer`\n';
    expect(unnamed(breakingChanges(released, current), unreleasedSection(changelog)).map((c) => c.coordinate)).toEqual([
      'Loan', 'Loan.lender', 'LoanInput.currency', 'Mutation.rateReply(id:)', 'Mutation.rateReply(rating:)', 'Mutation.rateReply(replyId:)',
      'Node', 'Party', 'Query.loans(filter:)', 'Query.loans(first:)', 'Query.viewer', 'Result.NATION', 'Viewer',
    ]);
  });
});
