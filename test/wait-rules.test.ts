import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTION_VOCABULARY } from '../src/errors.ts';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { containerFromCgroups, containerFromShim, portProxy } from '../src/readiness/containers.ts';
import { judgeOwner, type JobIdentity, type ListenerFacts } from '../src/readiness/ownership.ts';
import { nextInterval } from '../src/readiness/poll-schedule.ts';
import { recordedNames } from '../src/readiness/name-sources.ts';
import { parsePort, parseProtocols, parseTimeoutSeconds, resolveTargets } from '../src/readiness/wait-request.ts';

/** A host-network container's server as Docker 20.10 ran it here: its cgroup lines, then its parent's command line. */
const captured = readFileSync(path.join(import.meta.dirname, 'fixtures/containers/docker-20.10-host-network.txt'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));
const SHIM = captured.pop()!;
const ID = 'd6fd081e967ece3559c9713e4c22678d039c2a2257e9cbe8c4f2c990f46025a8';
const job: JobIdentity = { trackingId: 'github_ours', root: 100, rootName: "the job's runner process", uid: 1001 };
const facts = (over: Partial<ListenerFacts>): ListenerFacts => ({
  pid: 500,
  command: 'node server.js',
  uid: 1001,
  account: 'runner',
  trackingId: null,
  ancestors: [{ pid: 1, command: '/sbin/init' }],
  cgroups: ['0::/user.slice'],
  ...over,
});

describe('whose listener it is', () => {
  it("is the job's when it carries the job's tracking id, or descends from the job's runner process", () => {
    expect(judgeOwner(facts({ trackingId: 'github_ours' }), job)).toMatchObject({
      belongs: 'job',
      why: "carries this job's RUNNER_TRACKING_ID",
    });
    const child = judgeOwner(
      facts({
        uid: 0,
        ancestors: [
          { pid: 300, command: 'bash' },
          { pid: 100, command: 'Runner.Worker' },
        ],
      }),
      job,
    );
    expect(child).toMatchObject({ belongs: 'job', why: "descends from the job's runner process (pid 100)" });
    // A server the job started under sudo as another account is still the job's: descent wins.
    expect(judgeOwner(facts({ uid: 1002, trackingId: 'unreadable', ancestors: [{ pid: 100, command: null }] }), job).belongs).toBe('job');
  });

  it('fails for another job: another tracking id, or another account that is not root', () => {
    expect(judgeOwner(facts({ trackingId: 'github_theirs' }), job)).toMatchObject({
      belongs: 'foreign',
      why: "carries another job's RUNNER_TRACKING_ID (github_theirs)",
    });
    // Without root the pid of another account's listener cannot be found; the socket's uid still tells.
    const unseen = judgeOwner(facts({ pid: null, command: null, uid: 1002, account: 'runner2', ancestors: [], cgroups: [] }), job);
    expect(unseen).toMatchObject({ belongs: 'foreign', why: 'runs as another account', pid: null, account: 'runner2' });
  });

  it('does not fail where the owner cannot be told: root or this account without a tracking id, an unreadable process', () => {
    expect(judgeOwner(facts({ uid: 0 }), job)).toMatchObject({ belongs: 'unknown' });
    expect(judgeOwner(facts({ uid: 0 }), job).why).toMatch(/root without a RUNNER_TRACKING_ID.*sudo clears the environment/);
    expect(judgeOwner(facts({}), job).why).toMatch(/this account without a RUNNER_TRACKING_ID/);
    expect(judgeOwner(facts({ pid: null, uid: 0, ancestors: [] }), job)).toMatchObject({
      belongs: 'unknown',
      why: 'its process could not be read',
    });
    expect(judgeOwner(facts({ trackingId: 'unreadable', uid: 1001 }), job).belongs).toBe('unknown');
  });

  it("reports a container's listener as the container's: by cgroup, by the runtime shim above it, or as a published port's proxy", () => {
    const cgroupfs = judgeOwner(facts({ uid: 0, cgroups: captured }), job);
    expect(cgroupfs).toMatchObject({ belongs: 'container', container: { id: ID, engine: 'docker' } });
    // The systemd cgroup driver's form (documented by Docker), and a cgroup namespace that hides the path: the shim tells.
    const systemd = facts({ uid: 0, cgroups: [`0::/system.slice/docker-${ID}.scope`] });
    expect(judgeOwner(systemd, job).why).toBe(`runs in docker container ${ID.slice(0, 12)}`);
    const hidden = facts({ uid: 0, cgroups: ['0::/'], ancestors: [{ pid: 40, command: SHIM }] });
    expect(judgeOwner(hidden, job).container).toEqual({ id: ID, engine: 'docker' });
    const proxy = '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80';
    expect(judgeOwner(facts({ uid: 0, command: proxy }), job)).toMatchObject({ belongs: 'container', proxy: 'docker-proxy' });
    // Even one that carries another tracking id is not failed: a container has none of a job's environment.
    expect(judgeOwner(facts({ trackingId: 'github_theirs', command: 'rootlesskit --net=slirp4netns' }), job).belongs).toBe('container');
  });

  it('reads container ids only where the engines put them', () => {
    expect(containerFromCgroups([`0::/system.slice/libpod-${ID}.scope/container`])).toEqual({ id: ID, engine: 'podman' });
    expect(containerFromCgroups(['0::/system.slice/docker.service', '0::/docker/not-an-id'])).toBeNull();
    expect(containerFromShim(`/usr/bin/conmon --api-version 1 -c ${ID} -u ${ID}`)).toEqual({ id: ID, engine: 'podman' });
    expect(containerFromShim('containerd-shim-runc-v2 -namespace k8s.io -id ../../etc')).toBeNull();
    expect(portProxy('/usr/bin/pasta --config-net -t 8080')).toBe('pasta');
    expect(portProxy('/usr/bin/docker-proxyish')).toBeNull();
  });
});

const timeout = { setting: 'timeout', vocabulary: ACTION_VOCABULARY };

describe('what a wait is asked', () => {
  it('takes a time-out in seconds above 0 and at most a day, naming the input otherwise', () => {
    expect(parseTimeoutSeconds('60', timeout)).toBe(60_000);
    expect(parseTimeoutSeconds('0.25', timeout)).toBe(250);
    for (const bad of ['0', '0.0', '86401', '-1', '1e3', 'soon', '']) {
      expect(() => parseTimeoutSeconds(bad, timeout)).toThrow(
        `Input 'timeout' has invalid value ${JSON.stringify(bad)}: a number of seconds above 0 and at most 86400 (a day)`,
      );
    }
  });

  it('quotes only the first 80 characters of a long value, with its length', () => {
    const long = 'x'.repeat(5000);
    const error = (() => {
      try {
        parseTimeoutSeconds(long, timeout);
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toContain(`"${'x'.repeat(80)}"... (5000 characters)`);
    expect(error!.message.length).toBeLessThan(250);
  });

  it('takes ports from 1 to 65535 and the protocols tcp, udp or both', () => {
    const ports = { setting: 'names', vocabulary: ACTION_VOCABULARY };
    expect(parsePort('65535', ports)).toBe(65535);
    for (const bad of ['0', '65536', '99999']) expect(() => parsePort(bad, ports)).toThrow(/a port number from 1 to 65535/);
    expect(parseProtocols('udp, tcp', timeout)).toEqual(['udp', 'tcp']);
    for (const bad of ['sctp', 'tcp,tcp', '', 'tcp,udp,tcp']) expect(() => parseProtocols(bad, timeout)).toThrow(/tcp, udp or tcp,udp/);
  });

  it("finds names among those the job handed out, takes numbers as ports, and lists the job's names when one is unknown", () => {
    const names = recordedNames([
      { name: 'web', port: 40001, protocols: ['tcp'] },
      { name: 'dns', port: 40003, protocols: ['udp'] },
    ]);
    const naming = { setting: 'names', vocabulary: ACTION_VOCABULARY };
    expect(resolveTargets(['dns', '8080', '40001', 'web'], names, ['tcp'], naming)).toEqual([
      { name: 'dns', port: 40003, protocols: ['udp'], byNumber: false },
      { name: 'port-8080', port: 8080, protocols: ['tcp'], byNumber: true },
      { name: 'web', port: 40001, protocols: ['tcp'], byNumber: false },
    ]);
    expect(() => resolveTargets(['wbe'], names, ['tcp'], naming)).toThrow(
      `Input 'names' has invalid value "wbe": not one of the names this job's earlier Port Zero steps handed out (web, dns); give a name from there or a port number`,
    );
    expect(() => resolveTargets(['web'], recordedNames([]), ['tcp'], naming)).toThrow(/none did/);
  });
});

describe('how often the table is read', () => {
  it('starts within a few ms and settles at 20 ms', () => {
    expect([0, 1, 2, 3, 4, 50].map((look) => nextInterval(look, 0.2, 60_000))).toEqual([2, 4, 8, 16, 20, 20]);
  });

  it('stretches the interval so that costly looks stay under 2 % of a CPU, up to 2 s, and never sleeps past the time-out', () => {
    expect(nextInterval(10, 5, 60_000)).toBe(250);
    expect(nextInterval(10, 500, 60_000)).toBe(2000);
    expect(nextInterval(10, 5, 30)).toBe(30);
    expect(nextInterval(10, 5, -3)).toBe(0);
  });
});
