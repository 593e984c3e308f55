import fc from 'fast-check';
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertUser } from '../server/auth/auth.service.js';
import { Role } from '../server/core/enums.js';
import { hubSchema } from '../server/modules.js';
import { graphqlRequest, startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

const activityCount = async () => Number(((await t.hub.orm.em.fork().execute('select count(*)::int as n from activity')) as { n: number }[])[0]!.n);

describe('values PostgreSQL or the domain cannot hold are refused at the boundary', () => {
  const CREATE = 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { field code message } } }';
  let base: Record<string, unknown>;
  beforeAll(async () => {
    base = {
      planId: await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'"),
      title: 'Grænsetest',
      targetGroupIds: [await t.idOf('TargetGroup', 'select id from target_group order by id limit 1')],
      areaIds: [await t.idOf('Area', "select id from area where kind = 'ESTATE' order by id limit 1")],
      startDate: '2027-01-04',
    };
  });

  test('NUL and lone surrogates: a query answers 400 BAD_USER_INPUT, a mutation an INVALID user error on the field', async () => {
    for (const text of ['lektie\u0000cafe', 'lektie\uD800cafe', '\uDC00']) {
      const asVariable = await t.gql('query($text: String) { activities(filter: { text: $text }) { totalCount } }', { text }, Role.READER);
      expect(asVariable.status).toBe(400);
      expect(asVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(asVariable.errors?.[0]?.message).toMatch(/NUL character or unpaired UTF-16 surrogates \(text\)/);
    }
    const literal = await t.gql('{ activities(filter: { text: "a\\u0000b" }) { totalCount } }', undefined, Role.READER);
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]?.message).toMatch(/\(activities?\.?filter\.text\)|\(filter\.text\)/);
    const before = await activityCount();
    const created = await t.gql(CREATE, { input: { ...base, title: 'Lektie\u0000café', description: 'ok' } });
    expect(created.status).toBe(200);
    expect(created.data.createActivity.activity).toBeNull();
    expect(created.data.createActivity.userErrors).toEqual([expect.objectContaining({ field: ['input', 'title'], code: 'INVALID' })]);
    const surrogate = await t.gql(CREATE, { input: { ...base, schedule: [], description: 'x\uDBFF' } });
    expect(surrogate.data.createActivity.userErrors[0]).toMatchObject({ field: ['input', 'description'], code: 'INVALID' });
    expect(await activityCount()).toBe(before);
  });

  test('dates outside 1900-2199 are refused in reads and writes, with 400 and a message naming the range', async () => {
    for (const date of ['0000-01-01', '1899-12-31', '2200-01-01']) {
      const read = await t.gql('query($d: LocalDate) { activities(filter: { activeOn: $d }) { totalCount } }', { d: date }, Role.READER);
      expect(read.status).toBe(400);
      expect(read.errors?.[0]?.message).toMatch(/between 1900-01-01 and 2199-12-31/);
      const literal = await t.gql(`{ coverage(filter: { activeOn: "${date}" }) { activeActivities } }`, undefined, Role.READER);
      expect(literal.status).toBe(400);
      const write = await t.gql(CREATE, { input: { ...base, startDate: date } });
      expect(write.status).toBe(400);
      expect(write.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await t.gql('{ highlights(since: "0000-01-01T00:00:00Z") { title } }', undefined, Role.READER)).status).toBe(400);
  });

  test('integers beyond the column are refused as input; beyond the domain as a user error', async () => {
    const huge = await t.gql(CREATE, { input: { ...base, capacity: 2 ** 31 } });
    expect(huge.status).toBe(400);
    expect(huge.errors?.[0]?.message).toMatch(/at most 2147483647/);
    const big = await t.gql(CREATE, { input: { ...base, capacity: 200_000 } });
    expect(big.data.createActivity.userErrors).toEqual([expect.objectContaining({ field: ['input', 'capacity'], code: 'INVALID' })]);
  });

  test('lists beyond their caps and overlapping slots of one activity are user errors', async () => {
    const areas = (await t.hub.orm.em.fork().execute('select id from area order by id limit 26')) as { id: number }[];
    const { toGlobalId } = await import('../server/core/global-id.js');
    const tooMany = await t.gql(CREATE, { input: { ...base, areaIds: areas.map((a) => toGlobalId('Area', a.id)) } });
    expect(tooMany.data.createActivity.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'areaIds'], code: 'INVALID', message: 'areaIds may hold at most 25 items, got 26' }),
    ]);
    const slots = Array.from({ length: 22 }, (_, i) => ({
      weekday: 'MONDAY',
      startTime: `${String(i).padStart(2, '0')}:00`,
      endTime: `${String(i).padStart(2, '0')}:30`,
    }));
    const manySlots = await t.gql(CREATE, { input: { ...base, schedule: slots } });
    expect(manySlots.data.createActivity.userErrors[0]).toMatchObject({ field: ['input', 'schedule'], code: 'INVALID' });
    const overlapping = await t.gql(CREATE, {
      input: {
        ...base,
        schedule: [
          { weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' },
          { weekday: 'TUESDAY', startTime: '16:30', endTime: '18:00' },
        ],
      },
    });
    expect(overlapping.data.createActivity.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'schedule'], code: 'INVALID', message: 'The slots on TUESDAY overlap: 15:00-17:00 and 16:30-18:00' }),
    ]);
    const apart = await t.gql(CREATE, {
      input: {
        ...base,
        schedule: [
          { weekday: 'TUESDAY', startTime: '15:00', endTime: '16:00' },
          { weekday: 'TUESDAY', startTime: '16:00', endTime: '17:00' },
        ],
      },
    });
    expect(apart.data.createActivity.userErrors).toEqual([]);
  });

  test('variables, extensions and written input nested deeper than 20 levels are refused with 400 before anything walks them', async () => {
    // 5,000 levels, written as text: JSON.stringify itself would run out of stack on such a value.
    const deep = `${'{"a":['.repeat(2500)}1${']}'.repeat(2500)}`;
    const query = 'query($text: String) { themes { code } activities(filter: { text: $text }) { totalCount } }';
    const post = (body: unknown) =>
      fetch(t.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.users.READER.token}` },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    for (const body of [
      `{"query": ${JSON.stringify(query)}, "variables": {"text": "lektie", "unused": ${deep}}}`,
      `{"query": ${JSON.stringify(query)}, "variables": {"text": "lektie"}, "extensions": {"deep": ${deep}}}`,
    ]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(answer.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.errors[0]!.message).toMatch(/nest deeper than 20 levels/);
    }
    // The same through GET, whose variables are JSON text in the address (100 levels: an address has room for no more).
    const get = await fetch(`${t.hub.url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(`{"v": ${'['.repeat(100)}${']'.repeat(100)}}`)}`, {
      headers: { authorization: `Bearer ${t.users.READER.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Variables nest deeper than 20 levels/);
    // Written into the document: as deep as the token limit allows, refused the same way.
    const literal = `{ activities(filter: { text: "a", areaIds: ${'['.repeat(300)}"x"${']'.repeat(300)} }) { totalCount } }`;
    const written = await post({ query: literal });
    expect(written.status).toBe(400);
    expect(await written.text()).toMatch(/Input values written in the query nest deeper than 20 levels/);
    // Ordinary nesting (a schedule of slots inside an input inside variables) is untouched.
    expect((await post({ query, variables: { text: 'lektie', unused: { a: [{ b: [{ c: 1 }] }] } } })).status).toBe(200);
  });

  test('refused input is answered 400 and never echoed back', async () => {
    const megabyte = 'x'.repeat(900_000);
    for (const [query, variables] of [
      ['query($d: LocalDate) { activities(filter: { activeOn: $d }) { totalCount } }', { d: megabyte }],
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { text: megabyte } }],
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { status: [megabyte] } }],
      [CREATE, { input: { ...base, startDate: megabyte } }],
    ] as const) {
      const response = await fetch(t.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.users.COORDINATOR.token}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(text.length).toBeLessThan(2000);
      expect(JSON.parse(text).errors[0].extensions.code).toMatch(/BAD_USER_INPUT/);
    }
  });

  test('one lead cannot break the statistics: counts are capped per record and in total', async () => {
    const planId = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const record = (count: number, topic = 'Boligstøtte') =>
      t.mutate(
        'recordInquiries',
        'RecordInquiriesInput',
        { planId, channel: 'PHONE', topic, periodStart: '2026-10-01', periodEnd: '2026-10-31', count },
        'stats { count }',
        Role.PROJECT_LEAD,
      );
    expect((await record(2147483647)).userErrors).toEqual([expect.objectContaining({ field: ['input', 'count'], code: 'INVALID' })]);
    expect((await record(1_000_000)).userErrors).toEqual([]);
    const stats = await t.gql('{ inquiryStats(groupBy: [CHANNEL]) { count share } }', undefined, Role.READER);
    expect(stats.status).toBe(200);
    expect(stats.errors).toBeUndefined();
  });

  test('topics are normalised before the personal-data checks', async () => {
    const planId = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    for (const topic of ['010203 1234', '０１０２０３－１２３４', 'anne(at)example.org', 'anne [at] example [dot] org', 'Ring 12 34 56 78', '+45 12345678']) {
      const result = await t.mutate(
        'recordInquiries',
        'RecordInquiriesInput',
        { planId, channel: 'PHONE', topic, periodStart: '2026-09-01', periodEnd: '2026-09-30', count: 3 },
        'stats { count }',
      );
      expect(result.userErrors, topic).toEqual([expect.objectContaining({ field: ['input', 'topic'], code: 'INVALID' })]);
    }
    const fine = await t.mutate(
      'recordInquiries',
      'RecordInquiriesInput',
      { planId, channel: 'PHONE', topic: 'Helhedsplan 2027-2030', periodStart: '2026-09-01', periodEnd: '2026-09-30', count: 3 },
      'stats { count }',
    );
    expect(fine.userErrors).toEqual([]);
  });
});

describe('fuzzing every argument and every mutation input with edge values', () => {
  const EDGE_TEXT = ['', ' ', 'a\u0000b', '\uD800', 'x\uDFFF', 'ﬃ', 'x'.repeat(20_000), "'; drop table activity; --", '💡'];
  const EDGE_INT = [0, -1, 1, 100, 101, 2 ** 31 - 1, 2 ** 31, 2 ** 53];

  test('never a 5xx, never a stack trace', async () => {
    const schema = await hubSchema();
    const ids = (await t.hub.orm.em
      .fork()
      .execute(
        "select 'Plan' as type, id from plan union all (select 'Activity', id from activity limit 3) union all (select 'Area', id from area limit 2) union all (select 'TargetGroup', id from target_group limit 2) union all (select 'Person', id from person limit 1) union all (select 'Meeting', id from meeting limit 1) union all (select 'ActionItem', id from action_item limit 1) union all (select 'Indicator', id from indicator limit 1) union all (select 'SteeringGroup', id from steering_group limit 1)",
      )) as { type: string; id: number }[];
    const { toGlobalId } = await import('../server/core/global-id.js');
    const realIds = ids.map((row) => toGlobalId(row.type, row.id));
    const scalar = (name: string): fc.Arbitrary<unknown> => {
      switch (name) {
        case 'ID':
          return fc.constantFrom(...realIds.slice(0, 6), ...realIds.slice(-6), 'nope', '\u0000', 'QWN0aXZpdHk6OTk5OTk5OTk5OTk5');
        case 'String':
          return fc.constantFrom(...EDGE_TEXT);
        case 'Int':
        case 'NonNegativeInt':
          return fc.constantFrom(...EDGE_INT);
        case 'Float':
        case 'Latitude':
        case 'Longitude':
          return fc.constantFrom(0, -1, 0.5, 1e308, -1e308, 91);
        case 'Boolean':
          return fc.boolean();
        case 'LocalDate':
          return fc.constantFrom('0000-01-01', '1899-12-31', '2026-02-30', '2026-11-23', '9999-12-31', 'x');
        case 'DateTime':
          return fc.constantFrom('0000-01-01T00:00:00Z', '2026-11-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'x');
        case 'LocalTime':
          return fc.constantFrom('00:00', '23:59', '24:00', '15:00:00.000', 'x');
        case 'EmailAddress':
          return fc.constantFrom('a@b.dk', 'a\u0000@b.dk', 'x');
        default:
          return fc.constantFrom(...EDGE_TEXT);
      }
    };
    const valueOf = (type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> => {
      const inner = getNullableType(type) as GraphQLInputType;
      const value: fc.Arbitrary<unknown> = isListType(inner)
        ? fc.oneof(
            fc.array(valueOf(inner.ofType, depth + 1), { maxLength: 3 }),
            valueOf(inner.ofType, depth + 1).map((item) => Array(300).fill(item)),
          )
        : isInputObjectType(inner)
          ? depth > 3
            ? fc.constant({})
            : fc.record(Object.fromEntries(Object.values(inner.getFields()).map((f) => [f.name, valueOf(f.type, depth + 1)])), { requiredKeys: [] })
          : isEnumType(inner)
            ? fc.constantFrom(...inner.getValues().map((v) => v.name), 'BOGUS')
            : isScalarType(inner)
              ? scalar(inner.name)
              : fc.constant(null);
      return isNonNullType(type) ? value : fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: value });
    };
    const checked: string[] = [];
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      const kind = root === schema.getMutationType() ? 'mutation' : 'query';
      for (const field of Object.values(root.getFields())) {
        if (!field.args.length) continue;
        const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
        const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
        const named = getNamedType(field.type);
        const selection = isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
        const query = `${kind}(${definitions}) { ${field.name}(${call}) ${selection} }`;
        const variables = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valueOf(arg.type)])), { requiredKeys: [] });
        await fc.assert(
          fc.asyncProperty(variables, async (vars) => {
            const response = await fetch(t.hub.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${t.users.COORDINATOR.token}` },
              body: JSON.stringify({ query, variables: vars }),
            });
            const text = await response.text();
            expect(response.status, `${field.name} ${JSON.stringify(vars).slice(0, 300)}: ${text.slice(0, 300)}`).toBeLessThan(500);
            expect(text).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
            expect(text).not.toMatch(/INTERNAL_SERVER_ERROR/);
          }),
          { numRuns: 6 },
        );
        checked.push(field.name);
      }
    }
    expect(checked).toContain('createActivity');
    expect(checked).toContain('activities');
    expect(checked.length).toBeGreaterThan(30);
  }, 120_000);
});

describe('user errors speak the language the request asks for', () => {
  // Users of their own: the fuzzing above may have given the suite's users new tokens (rotateToken).
  const tokens = new Map<Role, string>();
  const ask = async (query: string, variables: Record<string, unknown>, acceptLanguage?: string, as: Role = Role.COORDINATOR) => {
    if (!tokens.has(as)) tokens.set(as, (await insertUser(t.hub.orm.em.fork(), { name: `Sprog ${as}`, role: as })).token);
    return graphqlRequest<any>(t.hub.url, tokens.get(as)!, query, variables, acceptLanguage ? { 'accept-language': acceptLanguage } : {});
  };

  test('top-level errors too: Danish by their code when asked for, the English words in extensions.detail', async () => {
    const wrong = '{ activities(first: 1) { nodes { colour } } }';
    const english = (await ask(wrong, {})) as any;
    expect(english.errors[0].message).toMatch(/Cannot query field "colour"/);
    expect(english.errors[0].extensions.detail).toBeUndefined();
    const danish = (await ask(wrong, {}, 'da')) as any;
    expect(danish.errors[0]).toMatchObject({
      message: 'Forespørgslen passer ikke til hubbens skema (se detail).',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', detail: english.errors[0].message },
    });
    // An argument's rule, which class-validator words in English only, named in Danish; English readers get no Danish words.
    const tooMany = 'query($a: [ID!]) { overlaps(first: 1, filter: { areaIds: $a }) { totalCount } }';
    const many = { a: Array(201).fill(await t.idOf('Area', 'select id from area order by id limit 1')) };
    const rule = (await ask(tooMany, many)) as any;
    expect(rule.errors[0].message).toBe('areaIds: areaIds must contain no more than 200 elements');
    expect(rule.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const regel = (await ask(tooMany, many, 'da')) as any;
    expect(regel.errors[0].message).toBe('Forespørgslen har en ugyldig værdi: areaIds: højst 200 værdier.');
    expect(regel.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', detail: rule.errors[0].message });
    const refused = await graphqlRequest<any>(t.hub.url, 'hub_not-a-real-token-at-all', '{ viewer { name } }', {}, { 'accept-language': 'da-DK' });
    expect(refused.status).toBe(401);
    expect(refused.errors![0]).toMatchObject({ message: 'Nøglen er ikke gyldig. Log ind igen.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('Danish when Accept-Language asks for Danish first, English otherwise; the code and field are the same', async () => {
    const plan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const create = (language?: string) =>
      ask(
        'mutation($i: CreateActivityInput!) { createActivity(input: $i) { userErrors { field code message } } }',
        { i: { planId: plan, title: '   ', targetGroupIds: [], areaIds: [], startDate: '2027-01-04', endDate: '2026-01-04' } },
        language,
      ).then((r) => {
        if (!r.data) throw new Error(JSON.stringify(r.errors));
        return r.data.createActivity.userErrors as { field: string[]; code: string; message: string }[];
      });
    const english = await create();
    const danish = await create('da-DK,da;q=0.9,en;q=0.8');
    expect(danish.map((e) => [e.field.join('.'), e.code])).toEqual(english.map((e) => [e.field.join('.'), e.code]));
    const byField = (errors: typeof english) => Object.fromEntries(errors.map((e) => [e.field.join('.'), e.message]));
    expect(byField(english)['input.title']).toBe('title must not be empty');
    expect(byField(danish)['input.title']).toBe('Titlen skal udfyldes');
    expect(byField(danish)['input.endDate']).toBe('Slutdatoen (2026-01-04) ligger før startdatoen (2027-01-04)');
    expect(await create('en-GB,da;q=0.5').then((errors) => byField(errors)['input.title'])).toBe('title must not be empty');
    // A refusal by role, in Danish.
    const refused = await ask(
      'mutation($i: CreateThemeInput!) { createTheme(input: $i) { userErrors { code message } } }',
      { i: { code: 'x', name: 'X' } },
      'da',
      Role.READER,
    );
    expect(refused.data.createTheme.userErrors[0]).toEqual({ code: 'FORBIDDEN', message: 'Som læser har du ikke adgang til dette (createTheme)' });
  });
});
