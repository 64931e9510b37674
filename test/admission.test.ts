import { Query, Resolver } from 'type-graphql';
import { TestApp } from './support/app';
import { turns, until } from './support/turns';

/** A promise and the function that resolves it (Promise.withResolvers is Node 22). */
function gate(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Operations inside the probe right now, the most seen at once, and the gate that holds them there. */
const probe = { inside: 0, most: 0, entered: 0, gate: gate() };

/** Each test starts with no operation inside and a closed gate, so it runs alone and in any order. */
beforeEach(() => Object.assign(probe, { inside: 0, most: 0, entered: 0, gate: gate() }));

@Resolver()
class AdmissionProbeResolver {
  @Query(() => Boolean)
  async admissionProbe(): Promise<boolean> {
    probe.inside++;
    probe.entered++;
    probe.most = Math.max(probe.most, probe.inside);
    await probe.gate.promise;
    probe.inside--;
    return true;
  }
}


describe('admission: at most GRAPHQL_CONCURRENCY operations execute at once', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { GRAPHQL_CONCURRENCY: '2' }, extraResolvers: [AdmissionProbeResolver] });
  });
  afterAll(() => app.close());

  it('lets two of five operations in, the others as those finish, and answers all five', async () => {
    const answers = Array.from({ length: 5 }, () => app.http('{ admissionProbe }', {}));
    await until(() => probe.entered === 2, 'two operations inside');
    await turns(); // time enough for a third to get in, were it let in
    expect([probe.entered, probe.inside]).toEqual([2, 2]);
    probe.gate.resolve();
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 5 }, () => ({ status: 200, data: { admissionProbe: true } })));
    expect([probe.entered, probe.most, probe.inside]).toEqual([5, 2, 0]);
  });

  it('gives a refused operation no slot: invalid ones are answered while the slots are taken', async () => {
    const held = [app.http('{ admissionProbe }', {}), app.http('{ admissionProbe }', {})];
    await until(() => probe.inside === 2, 'two operations inside');
    expect(await app.http('{ noSuchField }', {})).toEqual({
      status: 400,
      errors: [expect.objectContaining({ message: 'Cannot query field "noSuchField" on type "Query".' })],
    });
    probe.gate.resolve();
    await Promise.all(held);
  });
});
