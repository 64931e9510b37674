import { readFile } from 'node:fs/promises';
import { Arg, Field, InputType, Query, Resolver } from 'type-graphql';
import { OneOf } from '../src/common/one-of';
import { projectPath } from '../src/project';
import { buildInnozoneSchema } from '../src/schema';

/** A OneOf input with a field every value must give: the specification forbids it. */
@OneOf()
@InputType('TestRequiredInOneOfInput')
class TestRequiredInOneOfInput {
  @Field(() => String, { nullable: true })
  one?: string | null;

  @Field(() => String)
  other!: string;
}

@Resolver()
class TestOneOfResolver {
  @Query(() => String)
  testOneOf(@Arg('input', () => TestRequiredInOneOfInput) input: TestRequiredInOneOfInput): string {
    return input.one ?? input.other;
  }
}

describe('@OneOf() input classes (src/common/one-of.ts)', () => {
  it('refuses to build a schema whose OneOf input has a required field', async () => {
    await expect(buildInnozoneSchema([TestOneOfResolver])).rejects.toThrow('@OneOf(): TestRequiredInOneOfInput.other must be nullable');
  });

  it('prints the marked inputs with @oneOf in the committed schema', async () => {
    const sdl = await readFile(projectPath('schema', 'schema.graphql'), 'utf8');
    expect(sdl.match(/^input \w+ @oneOf/gm)).toEqual(['input EvidenceInput @oneOf', 'input ReviewDecisionInput @oneOf']);
  });
});
