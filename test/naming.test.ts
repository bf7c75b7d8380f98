import { describe, expect, it } from 'vitest';
import { defaultNames, envName, splitNames } from '../src/session/naming.ts';

describe('envName', () => {
  it.each([
    ['web', 'WEB_PORT'],
    ['db-main', 'DB_MAIN_PORT'],
    ['api_port', 'API_PORT'],
    ['port-2', 'PORT_2'],
    ['port', 'PORT'],
    ['Redis-Port-10', 'REDIS_PORT_10'],
    ['port-x', 'PORT_X_PORT'],
    ['a', 'A_PORT'],
  ])('maps %s to %s', (name, expected) => {
    expect(envName(name)).toBe(expected);
  });

  it('puts the prefix in front', () => {
    expect(envName('web', 'E2E_')).toBe('E2E_WEB_PORT');
    expect(envName('port-3', 'CI')).toBe('CIPORT_3');
  });
});

describe('splitNames', () => {
  it('splits at spaces, commas and newlines, however mixed', () => {
    expect(splitNames('web db-main,cache\nworker\r\n  api ,\tmock')).toEqual(['web', 'db-main', 'cache', 'worker', 'api', 'mock']);
  });
});

describe('defaultNames', () => {
  it('numbers the ports from 1', () => {
    expect(defaultNames(3)).toEqual(['port-1', 'port-2', 'port-3']);
  });
});
