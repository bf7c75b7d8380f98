import { describe, expect, it } from 'vitest';
import { ACTION_VOCABULARY, InputError } from '../src/errors.ts';
import { envNamesOf, type MachineFacts } from '../src/session/request.ts';
import { readSettings } from '../src/action/inputs.ts';
import { parseBoolean, parseTextRequest, type RawInputs } from '../src/text/text-request.ts';

/** The action's inputs as the runner passes them, read into settings; the request with its variables. */
function settings(raw: RawInputs) {
  const given: RawInputs = { count: '1', 'export-env': 'true', ...raw };
  const read = readSettings((name) => given[name as keyof RawInputs] ?? '');
  return { ...read.request, envNames: envNamesOf(read.request) };
}

/** The request as the action parses it on a machine with other facts. */
function onMachine(raw: RawInputs, facts: Partial<MachineFacts>) {
  const machine: MachineFacts = { addresses: () => new Set(['::', '0.0.0.0']), mayBind: () => () => true, ...facts };
  return parseTextRequest({ count: '1', ...raw }, { vocabulary: ACTION_VOCABULARY, postStep: true, facts: machine });
}

/** Every bad input fails with one InputError naming the input and quoting the value. */
function expectInputError(raw: RawInputs, input: string, quoted: string, allowed: RegExp) {
  let caught: unknown;
  try {
    settings(raw);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  const message = (caught as Error).message;
  expect(message).toContain(`'${input}'`);
  expect(message).toContain(JSON.stringify(quoted));
  expect(message).toMatch(allowed);
}

describe('names and count', () => {
  it('takes names in order and maps each to its variable', () => {
    const s = settings({ names: 'web, db-main\napi_port' });
    expect(s.names).toEqual(['web', 'db-main', 'api_port']);
    expect(s.envNames).toEqual(['WEB_PORT', 'DB_MAIN_PORT', 'API_PORT']);
  });

  it('names count ports port-1 ... port-N when names is empty', () => {
    const s = settings({ count: '3' });
    expect(s.names).toEqual(['port-1', 'port-2', 'port-3']);
    expect(s.envNames).toEqual(['PORT_1', 'PORT_2', 'PORT_3']);
  });

  it('accepts a count equal to the number of names', () => {
    expect(settings({ names: 'a b', count: '2' }).names).toEqual(['a', 'b']);
  });

  it('accepts 1000 ports', () => {
    expect(settings({ count: '1000' }).names).toHaveLength(1000);
  });

  it.each(['abc', '1.5', '-1', '0', '1001', '1e3', '0x10', ' '.repeat(0) + '2 3'])('refuses count %j', (count) => {
    expectInputError({ count }, 'count', count, /whole number from 1 to 1000/);
  });

  it.each([
    ['1web', 'a letter first'],
    ['web.api', 'a letter first'],
    ['_web', 'a letter first'],
    ['w'.repeat(65), 'at most 64 characters'],
    ['wéb', 'a letter first'],
  ])('refuses the name %j', (name, allowed) => {
    expectInputError({ names: `ok ${name}` }, 'names', name, new RegExp(allowed));
  });

  it('accepts a name of 64 characters', () => {
    expect(settings({ names: 'w'.repeat(64) }).names).toEqual(['w'.repeat(64)]);
  });

  it('refuses an empty name between commas', () => {
    expectInputError({ names: 'web,,db' }, 'names', 'web,,db', /empty name/);
    expectInputError({ names: 'web, ,db' }, 'names', 'web, ,db', /empty name/);
  });

  it('refuses a repeated name', () => {
    expectInputError({ names: 'web db web' }, 'names', 'web', /appears twice/);
  });

  it('refuses names that become the same variable', () => {
    expectInputError({ names: 'web-api web_api' }, 'names', 'web_api', /clashes with 'web-api': both become WEB_API_PORT/);
    expectInputError({ names: 'Web web' }, 'names', 'web', /both become WEB_PORT/);
    expectInputError({ names: 'db db-port' }, 'names', 'db-port', /both become DB_PORT/);
  });

  it.each(['port', 'ports', 'json', 'JSON', 'env-file'])('refuses the name %j, taken by a fixed output', (name) => {
    expectInputError({ names: `web ${name}` }, 'names', name, /always set/);
  });

  it('refuses a count that contradicts the names', () => {
    expectInputError({ names: 'a b c', count: '2' }, 'count', '2', /3 names were given/);
    expectInputError({ names: 'a', count: '2' }, 'count', '2', /1 name was given/);
  });
});

describe('what a message quotes', () => {
  it('quotes at most 80 characters of a value, with its length, so 10,000 names make one short line', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `n${i}`).join(' ');
    let message = '';
    try {
      settings({ names });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Input 'names' has invalid value "n0 n1 n2 .*"\.\.\. \(\d+ characters\): /);
    expect(message).toContain(`(${names.length} characters)`);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
  });
});

describe('env-prefix and booleans', () => {
  it('accepts a prefix that can start a variable name', () => {
    expect(settings({ names: 'web', 'env-prefix': 'E2E_' }).envNames).toEqual(['E2E_WEB_PORT']);
    expect(settings({ names: 'web', 'env-prefix': '_x' }).envNames).toEqual(['_xWEB_PORT']);
  });

  it.each(['1X_', 'E2E-', 'A B', '$X'])('refuses the prefix %j', (prefix) => {
    expectInputError({ 'env-prefix': prefix }, 'env-prefix', prefix, /a letter or "_" first/);
  });

  it('refuses a prefix longer than 64 characters, which every later step would carry in its environment', () => {
    expect(settings({ names: 'web', 'env-prefix': `P${'_'.repeat(63)}` }).envNames).toEqual([`P${'_'.repeat(63)}WEB_PORT`]);
    // 100 KB of prefix on 30 variables: 3 MB of environment, and every later step of the job failed to start (E2BIG).
    expectInputError({ names: 'web', 'env-prefix': 'P'.repeat(100_000) }, 'env-prefix', 'P'.repeat(80), /at most 64 characters/);
  });

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('reads %j as %s, as the runner does', (raw, value) => {
    expect(parseBoolean('export-env', raw, !value, ACTION_VOCABULARY)).toBe(value);
  });

  it.each(['yes', '1', 'tRue', 'on'])('refuses the boolean %j', (raw) => {
    expectInputError({ 'export-env': raw }, 'export-env', raw, /true or false/);
    expectInputError({ contiguous: raw }, 'contiguous', raw, /true or false/);
  });
});

describe('allocation inputs', () => {
  it('reads protocol', () => {
    expect(settings({ protocol: 'udp' }).protocols).toEqual(['udp']);
    expect(settings({ protocol: 'tcp,udp' }).protocols).toEqual(['tcp', 'udp']);
    expect(settings({ protocol: 'tcp' }).protocols).toEqual(['tcp']);
  });

  it.each(['sctp', 'tcp,tcp', 'tcp,udp,tcp', 'http'])('refuses protocol %j', (protocol) => {
    expectInputError({ protocol }, 'protocol', protocol, /tcp, udp or tcp,udp/);
  });

  it('reads a host list', () => {
    expect(settings({ host: '127.0.0.1 ::1' }).hosts).toEqual(['127.0.0.1', '::1']);
    expect(settings({ host: '' }).hosts).toEqual([]);
  });

  it('spells each address one way and lists it once', () => {
    expect(settings({ host: '::1 0:0::1 127.0.0.1,127.0.0.1' }).hosts).toEqual(['::1', '127.0.0.1']);
    expect(settings({ host: '0.0.0.0 ::' }).hosts).toEqual(['0.0.0.0', '::']); // the allocator binds "::" alone
  });

  it('refuses a malformed host and one the machine does not have', () => {
    expectInputError({ host: '127.0.0.1 localhost' }, 'host', 'localhost', /IP addresses/);
    expectInputError({ host: '300.1.1.1' }, 'host', '300.1.1.1', /IP addresses/);
    expectInputError({ host: '192.0.2.77' }, 'host', '192.0.2.77', /not an address of this machine/);
    expect(onMachine({ host: '10.9.9.9' }, { addresses: () => new Set(['10.9.9.9']) }).hosts).toEqual(['10.9.9.9']);
  });

  it('reads a range', () => {
    expect(settings({ range: '20000-29999' }).range).toEqual({ low: 20000, high: 29999 });
  });

  it.each(['20000', '2-1', '0-100', '60000-70000', 'a-b', '100-', '-5', '1-2-3'])('refuses range %j', (range) => {
    expectInputError({ range }, 'range', range, /LOW-HIGH/);
  });

  it('refuses a range smaller than the batch', () => {
    expectInputError({ range: '30000-30001', count: '3' }, 'range', '30000-30001', /holds 2 ports, fewer than the 3/);
    expectInputError({ range: '30000-30000', count: '2' }, 'range', '30000-30000', /holds 1 port, fewer than the 2/);
  });

  it('refuses a privileged range where the runner cannot bind it', () => {
    expect(() => onMachine({ range: '80-90' }, { mayBind: () => (port) => port >= 1024 })).toThrow(/need root on this runner/);
    expect(onMachine({ range: '80-90' }, { mayBind: () => () => true }).range).toEqual({ low: 80, high: 90 });
  });

  it('reads exclude as ports and ranges', () => {
    const s = settings({ exclude: '5432, 6000-6100 7000' });
    expect([5432, 6000, 6050, 6100, 7000].every((p) => s.exclude.has(p))).toBe(true);
    expect([5431, 5999, 6101, 6999].some((p) => s.exclude.has(p))).toBe(false);
  });

  it.each(['abc', '5432-', '6100-6000', '70000', '1,,x'])('refuses exclude %j', (exclude) => {
    expectInputError({ exclude }, 'exclude', exclude, /ports and ranges/);
  });

  it('refuses a range wholly covered by exclude', () => {
    expectInputError({ range: '20000-20010', exclude: '19000-21000' }, 'exclude', '19000-21000', /covers the whole range 20000-20010/);
  });

  it('refuses exclusions that leave the range too small for the batch', () => {
    expectInputError(
      { range: '20000-20003', exclude: '20000-20002', count: '2' },
      'exclude',
      '20000-20002',
      /leaves 1 of the ports of range 20000-20003, fewer than the 2/,
    );
  });
});

describe('prefer and prefer-only', () => {
  it('reads preferred ports and runs in the order given, neither sorted nor merged', () => {
    expect(settings({ prefer: '3001, 3000 8000-8002', count: '2' }).prefer).toEqual([
      { low: 3001, high: 3001 },
      { low: 3000, high: 3000 },
      { low: 8000, high: 8002 },
    ]);
  });

  it.each(['x', '3000-', '70000', '9-1'])('refuses prefer %j', (prefer) => {
    expectInputError({ prefer }, 'prefer', prefer, /ports and LOW-HIGH runs in the order to try them/);
  });

  it('refuses prefer-only without prefer, and prefer with a contiguous block', () => {
    expectInputError({ 'prefer-only': 'true' }, 'prefer-only', 'true', /only together with prefer/);
    expectInputError({ prefer: '3000', contiguous: 'true' }, 'prefer', '3000', /empty when contiguous is true/);
  });

  it('refuses prefer-only when the preferred ports left are fewer than the ports asked for', () => {
    expectInputError({ prefer: '3000 3001', 'prefer-only': 'true', count: '3' }, 'prefer', '3000 3001', /offers 2 ports/);
    expectInputError({ prefer: '6664-6666', 'prefer-only': 'true', count: '2' }, 'prefer', '6664-6666', /offers 1 port\b/);
  });
});
