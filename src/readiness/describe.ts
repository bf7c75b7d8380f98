import type { Owner } from './ownership.ts';
import type { PortReadiness } from './wait-loop.ts';
import type { WaitTarget } from './wait-request.ts';

/** The words every program uses for a wait's results, so the log, the errors and the summary say the same. */

/** `web (port 34567)`, or `port 8080` for a port given by number. */
export function targetLabel(target: Pick<WaitTarget, 'name' | 'port' | 'byNumber'>): string {
  return target.byNumber ? `port ${target.port}` : `${target.name} (port ${target.port})`;
}

/** `1.23 s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** `account runner`, `uid 1234`, or `account unknown`. */
export function accountText(owner: Pick<Owner, 'uid' | 'account'>): string {
  if (owner.account) return `account ${owner.account}`;
  return owner.uid === null ? 'account unknown' : `uid ${owner.uid}`;
}

/** `pid 4242 (nginx: master process nginx)`, or `pid unknown`. */
export function processText(owner: Pick<Owner, 'pid' | 'command'>): string {
  return owner.pid === null ? 'pid unknown' : `pid ${owner.pid}${owner.command ? ` (${owner.command})` : ''}`;
}

/** `pid 4242 (nginx: master process nginx), account runner`, or `pid unknown, uid 1001`. */
export function ownerText(owner: Owner): string {
  return `${processText(owner)}, ${accountText(owner)}`;
}

const BELONGS: Record<Owner['belongs'], string> = {
  job: "this job's",
  container: "a container's",
  foreign: "NOT this job's",
  unknown: 'owner unknown',
};

/** `this job's (carries this job's RUNNER_TRACKING_ID)` */
export function belongingText(owner: Owner): string {
  return `${BELONGS[owner.belongs]} (${owner.why})`;
}

/** What a listener of someone else's means, said once under the list of them. */
export const FOREIGN_MEANING =
  'Port Zero handed these ports to this job, so either another program took them after that, or the server meant for them ' +
  'runs somewhere else (another job, an earlier run on this host). Clients of this job would talk to that program, not to your server.';

/** `web (port 34567) ready after 0.84 s on tcp ::, pid 4242 (nginx: master process), account runner: this job's (carries …)` */
export function readyLine(ready: PortReadiness): string {
  const { target, ms, listening, owner } = ready;
  return `${targetLabel(target)} ready after ${seconds(ms)} on ${listening.join(', ')}, ${ownerText(owner)}: ${belongingText(owner)}`;
}

/**
 * The results as one JSON object by name, for the action's `json` output and `port-zero wait --json`:
 * `{"web":{"port":34567,"protocols":["tcp"],"seconds":0.84,"listening":["tcp ::"],"pid":4242,"command":"...",
 * "account":"runner","belongs":"job","why":"...","container":null}}`.
 */
export function resultsJson(results: readonly PortReadiness[]): string {
  const entries = results.map(({ target, ms, listening, owner }) => {
    const { pid, command, account, belongs, why, containerName: container } = owner;
    return [
      target.name,
      {
        port: target.port,
        protocols: target.protocols,
        seconds: Math.round(ms) / 1000,
        listening,
        pid,
        command,
        account,
        belongs,
        why,
        container,
      },
    ];
  });
  return JSON.stringify(Object.fromEntries(entries));
}
