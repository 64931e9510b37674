import { readFile } from 'node:fs/promises';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { projectPath } from '../src/project';
import { descriptionGaps } from '../src/schema-descriptions';

/**
 * API v1's conventions (issue 14), checked on the committed schema so that a new field that breaks one fails here,
 * not in a bank's integration: every element described in English, one input object per mutation, each mutation's
 * possible errors named, one spelling, no truncated names, booleans that read as questions, dates and instants named
 * as such, and `version` only where a mutation accepts it.
 */
describe('API v1 conventions', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = buildSchema(await readFile(projectPath('schema', 'schema.graphql'), 'utf8'));
  });

  const types = () => Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  const mutations = () => Object.values(schema.getMutationType()!.getFields());
  /** Every named element: [coordinate, name, GraphQL type of the element (fields, arguments, input fields)]. */
  function elements(): [string, string, GraphQLNamedType | null, 'type' | 'field' | 'argument' | 'input' | 'value'][] {
    const all: [string, string, GraphQLNamedType | null, 'type' | 'field' | 'argument' | 'input' | 'value'][] = [];
    for (const type of types()) {
      all.push([type.name, type.name, null, 'type']);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) {
          all.push([`${type.name}.${f.name}`, f.name, getNamedType(f.type), 'field']);
          for (const a of f.args) all.push([`${type.name}.${f.name}(${a.name}:)`, a.name, getNamedType(a.type), 'argument']);
        }
      } else if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) all.push([`${type.name}.${f.name}`, f.name, getNamedType(f.type), 'input']);
      } else if (isEnumType(type)) {
        for (const v of type.getValues()) all.push([`${type.name}.${v.name}`, v.name, null, 'value']);
      }
    }
    return all;
  }

  /** The coordinates of every deprecated field, argument, input field and enum value. */
  function deprecatedElements(): string[] {
    const all: string[] = [];
    for (const type of types()) {
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (f.deprecationReason) all.push(`${type.name}.${f.name}`);
          for (const a of f.args) if (a.deprecationReason) all.push(`${type.name}.${f.name}(${a.name}:)`);
        }
      } else if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) if (f.deprecationReason) all.push(`${type.name}.${f.name}`);
      } else if (isEnumType(type)) {
        for (const v of type.getValues()) if (v.deprecationReason) all.push(`${type.name}.${v.name}`);
      }
    }
    return all;
  }

  /** Types that only deprecated arguments and fields use (the pre-v1 enums `ReviewDecision`, `ReplyResult`). */
  function legacyOnlyTypes(): Set<string> {
    const uses = new Map<string, boolean[]>();
    const use = (t: GraphQLNamedType, deprecated: boolean) => uses.set(t.name, [...(uses.get(t.name) ?? []), deprecated]);
    for (const type of types()) {
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) {
          use(getNamedType(f.type), !!f.deprecationReason);
          for (const a of f.args) use(getNamedType(a.type), !!a.deprecationReason || !!f.deprecationReason);
        }
      } else if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) use(getNamedType(f.type), !!f.deprecationReason);
      }
    }
    return new Set([...uses].filter(([, d]) => d.every(Boolean)).map(([name]) => name));
  }

  it('describes every type, field, argument, input field and enum value in English', () => {
    expect(descriptionGaps(schema).map((g) => `${g.problem} ${g.coordinate}`)).toEqual([]);
  });

  it('gives every mutation one argument, `input`, a non-null input object (beside it only the deprecated pre-v1 arguments)', () => {
    const loose = mutations()
      .filter((m) => {
        const input = m.args.find((a) => a.name === 'input');
        const others = m.args.filter((a) => a.name !== 'input');
        // Pre-v1 arguments stay for one release (shared/API.md), deprecated; `input` is then optional, one form or the other.
        const legacy = others.length > 0 && others.every((a) => !!a.deprecationReason);
        return !(input && isInputObjectType(getNullableType(input.type)) && (legacy || (others.length === 0 && isNonNullType(input.type))));
      })
      .map((m) => `${m.name}(${m.args.map((a) => a.name).join(', ')})`);
    expect(loose).toEqual([]);
  });

  it('names each mutation’s input for the mutation (`recordCreditLoan(input: RecordCreditLoanInput!)`) and answers a …Payload', () => {
    const cap = (n: string) => n[0]!.toUpperCase() + n.slice(1);
    // Named as shared/API.md lists it until the pre-v1 names go (a client declares its variables by it; a type cannot
    // be deprecated).
    const PRE_V1: Record<string, string> = { filePolicyRequest: 'PolicyRequestInput' };
    const inputOf = (m: GraphQLField<unknown, unknown>) => getNamedType(m.args.find((a) => a.name === 'input')!.type).name;
    const misnamed = mutations()
      .filter((m) => inputOf(m) !== (PRE_V1[m.name] ?? `${cap(m.name)}Input`) || !getNamedType(m.type).name.endsWith('Payload'))
      .map((m) => `${m.name}(input: ${inputOf(m)}): ${getNamedType(m.type).name}`);
    expect(misnamed).toEqual([]);
  });

  it('ends each mutation’s description with the errors it may return, each a MutationError', () => {
    const errorTypes = new Set(
      types()
        .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'MutationError'))
        .map((t) => t.name),
    );
    const problems: string[] = [];
    for (const m of mutations()) {
      const line = /\nErrors: ([A-Za-z, ]+)\.$/.exec(m.description ?? '') ?? /^Errors: ([A-Za-z, ]+)\.$/.exec(m.description ?? '');
      if (!line) {
        problems.push(`${m.name}: no final "Errors: …." line`);
        continue;
      }
      const named = line[1]!.split(', ');
      for (const name of named) if (!errorTypes.has(name)) problems.push(`${m.name}: ${name} is not a MutationError`);
      if (new Set(named).size !== named.length) problems.push(`${m.name}: an error named twice`);
    }
    expect(problems).toEqual([]);
  });

  it('spells one way (American), abbreviates nothing and names booleans, dates and instants as such', () => {
    const problems: string[] = [];
    // The pre-v1 names kept for one release (deprecated) are the old names by design, and so are the enums only they use.
    const deprecated = new Set(deprecatedElements());
    const legacyOnly = legacyOnlyTypes();
    for (const [coordinate, name, type, kind] of elements()) {
      if (deprecated.has(coordinate) || legacyOnly.has(coordinate.split('.')[0]!)) continue;
      if (/organis|authoris|[Pp]rogramme|licence|centre|colour|ORGANIS|AUTHORIS|PROGRAMME/.test(name)) problems.push(`${coordinate}: British spelling`);
      // `PageInfo` and `pageInfo` are the Relay connection specification's own names.
      if (/(No|Nr|Num|Amt|Qty|Pct|Cnt)$|^st[A-Z]|^(min|max)[A-Z]|Info$/.test(name) && !/^[Pp]ageInfo$/.test(name)) problems.push(`${coordinate}: truncated name`);
      if (name === 'validTo') problems.push(`${coordinate}: validUntil`);
      if ((kind === 'field' || kind === 'input') && type?.name === 'Boolean' && !/^(is|has|had|was|were|can|may|should|does|did)[A-Z]/.test(name)) {
        problems.push(`${coordinate}: a Boolean reads as a question (is…, has…)`);
      }
      if ((kind === 'field' || kind === 'input') && type?.name === 'Date' && !/(On|From|Until|Of|Date|Deadline)$|^(asOf|from|until|on|date)$/.test(name)) {
        problems.push(`${coordinate}: a Date ends in On (or From, Until)`);
      }
      if ((kind === 'field' || kind === 'input') && type?.name === 'DateTime' && !/At$|^(at|from|until)$|^occurred(From|Before)$/.test(name)) {
        // An instant ends in At; a filter's bounds on one (`occurredFrom`, `occurredBefore`) say which way they bound.
        problems.push(`${coordinate}: a DateTime ends in At`);
      }
    }
    // Grades whose official names are letters (信用等级 AAA … C, 纳税信用级别 A B M C D) keep them; a code standing for
    // a meaning (a reply's A/B/C) does not.
    const OFFICIAL_LETTER_GRADES = new Set(['CreditRating', 'TaxCreditGradeValue']);
    for (const type of types()) {
      if (!isEnumType(type) || OFFICIAL_LETTER_GRADES.has(type.name) || legacyOnly.has(type.name)) continue;
      const single = type.getValues().filter((v) => /^[A-Z]$/.test(v.name));
      if (single.length > 0) problems.push(`${type.name}: values named as codes (${single.map((v) => v.name).join(' ')})`);
    }
    const descriptions = JSON.stringify(
      types().flatMap((t) => [t.description, ...(isObjectType(t) || isInterfaceType(t) || isInputObjectType(t) ? Object.values(t.getFields()).map((f) => f.description) : [])]),
    );
    for (const british of ['organisation', 'authorisation', 'programme']) {
      if (new RegExp(british, 'i').test(descriptions)) problems.push(`descriptions: British "${british}"`);
    }
    expect(problems).toEqual([]);
  });

  it('shows `version` only on records some mutation accepts a version for', () => {
    const accepting = new Set<string>();
    const implementers = (name: string) =>
      types()
        .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === name))
        .map((t) => t.name);
    for (const m of mutations()) {
      const given = m.args.find((a) => a.name === 'input');
      const input = given && getNamedType(given.type);
      if (!input || !isInputObjectType(input) || !('version' in input.getFields())) continue;
      const payload = getNamedType(m.type);
      if (!isObjectType(payload)) continue;
      for (const f of Object.values(payload.getFields()) as GraphQLField<unknown, unknown>[]) {
        const t = getNamedType(f.type);
        if (f.name === 'errors') continue;
        accepting.add(t.name);
        if (isInterfaceType(t)) implementers(t.name).forEach((n) => accepting.add(n));
        if (isUnionType(t)) t.getTypes().forEach((u) => accepting.add(u.name));
      }
    }
    // A rule version's `version` is the number of the rule set (第 n 版), not a record's lock.
    const versioned = types()
      .filter((t) => isObjectType(t) && 'version' in t.getFields() && t.name !== 'ProgramRuleVersion')
      .map((t) => t.name)
      .filter((n) => !accepting.has(n));
    expect(versioned).toEqual([]);
  });
});
