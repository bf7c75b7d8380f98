import fs from 'node:fs';
import path from 'node:path';
import { LeaseError } from '../errors.ts';
import type { ClaimVerdict } from '../allocator/allocate-ports.ts';
import { identify, pidNamespace, type ProcessIdentity } from '../platform/process-identity.ts';
import { replaceThrough } from '../platform/safe-files.ts';
import { assertOwnDir, type LeaseLocation } from './lease-location.ts';
import { leasedPorts, sameProcess, type LeaseHolder } from './lease-reader.ts';
import { formatPorts, formatRecord, recordFileName, tempFileName, type LeaseOwner, type LeaseRecord } from './lease-record.ts';

/**
 * Leases: a port with a live lease, of any account on the host, is never handed out again.
 * A lease ends when its job's post step (or `port-zero release`) removes it, when its
 * owner process is gone, or at its expiry.
 *
 * Each allocation keeps one record in its account's directory, `lease-<token>.json`,
 * listing its ports. It is written under a temporary name and renamed over the record's
 * name, so no reader ever sees one half-written, and the name itself never goes away
 * while the lease lives: a reader that listed the directory before a change opens the
 * changed record, never a name removed in between (a new name per change, with the old
 * one removed after it, let a reader list the old name, miss the new one and find the
 * old one gone: the port looked free).
 *
 * A claim publishes the ports first and only then reads every account's records (one
 * directory read per account per batch), backing off from any port that another live
 * record lists. Of two claims racing for one port, the later reader sees the other
 * (each reads after it publishes), so at most one wins; both may back off, never both
 * win. On top of that the allocator holds the port's socket while it claims: with the
 * default bind on every address no two allocators judge one port at once.
 */
export interface LeaseOptions {
  location: LeaseLocation;
  owner: LeaseOwner;
  /** How long the leases last at most, in ms. */
  ttlMs: number;
  /** The reservation that protects the ports after the step (a `reserve` mode), kept in the record. */
  reservation?: string;
}

/** The leases of one allocation: claims ports in batches, and gives them all back if the allocation fails. */
export class LeaseBook {
  readonly location: LeaseLocation;
  readonly owner: LeaseOwner;
  private readonly base: LeaseRecord;
  private readonly claimed = new Set<number>();
  private file: string | undefined;
  private written = 0;
  /** The owner is this very process (the library): a record need not say "pending", since it ends with this process either way. */
  private readonly selfOwned: boolean;
  /** What the record says now, so that a commit that changes nothing writes nothing. */
  private published = '';

  /**
   * Publishes the allocation's record, with no ports yet, so an unusable directory shows
   * before any port is bound; not where this process owns its leases itself (the
   * library), where the first claim shows it as soon. @throws LeaseError when this
   * account's directory cannot be written.
   */
  constructor(options: LeaseOptions) {
    this.location = options.location;
    this.owner = options.owner;
    const allocator = thisProcess();
    this.selfOwned = sameProcess(options.owner.runner, allocator);
    this.base = {
      version: 2,
      owner: options.owner,
      expires: Date.now() + options.ttlMs,
      ...(options.reservation === undefined ? {} : { reservation: options.reservation }),
      allocator,
      ...(pidNamespace() === undefined ? {} : { pidns: pidNamespace() }),
    };
    if (!this.selfOwned) this.publish(true, []);
  }

  /** The ports leased so far, in the order they were claimed. */
  get ports(): number[] {
    return [...this.claimed];
  }

  /**
   * Leases each group of ports whole, or not at all (a block is one group): resolves
   * with one verdict per group, refused where another live lease holds one of its ports
   * (saying whether that lease is the same caller's: its runner process is this book's).
   * One record write and one read of every account's directory, however many ports;
   * a second write only when some group was refused. Called while the ports' sockets are held.
   * @throws LeaseError when this account's directory cannot be written.
   */
  claim = async (groups: readonly (readonly number[])[]): Promise<ClaimVerdict[]> => {
    const asked = groups.flat();
    this.publish(!this.selfOwned, this.claimed.size ? [...this.claimed, ...asked] : asked);
    const taken = leasedPorts(this.location, new Set(asked), { owner: this.owner, own: this.location.own });
    if (taken.size === 0) {
      // No other lease holds any of them (the usual case): every group is ours, with no work per group.
      for (const port of asked) this.claimed.add(port);
      return groups.map(() => 'granted');
    }
    const verdicts = groups.map((group) => verdictOn(group, taken));
    groups.forEach((group, i) => verdicts[i] === 'granted' && group.forEach((port) => this.claimed.add(port)));
    this.publish(!this.selfOwned, this.ports); // back off: the refused ports leave the record
    return verdicts;
  };

  /**
   * The allocation succeeded with `ports` (claimed ones; ports lost to another program
   * during the reservation are left out), handed out under `names` where the program
   * names them: the record now lists exactly these and outlives this process.
   * @throws LeaseError when the directory cannot be written.
   */
  commit(ports: readonly number[] = this.ports, names?: Readonly<Record<string, number>>): void {
    this.claimed.clear();
    for (const port of ports) this.claimed.add(port);
    this.publish(false, ports, names);
  }

  /** The allocation failed, or its leases end now: no lease of it stays behind. */
  releaseAll(): void {
    this.claimed.clear();
    if (this.file) fs.rmSync(this.file, { force: true });
    this.file = undefined;
    this.published = '';
  }

  /** Writes the record anew, listing `ports`: a new file renamed over the record's one name. */
  private publish(pending: boolean, ports: readonly number[], names?: Readonly<Record<string, number>>): void {
    const { own } = this.location;
    const record: LeaseRecord = {
      ...this.base,
      ports: formatPorts(ports),
      ...(pending ? { pending } : {}),
      ...(names ? { names: { ...names } } : {}),
    };
    const text = formatRecord(record);
    if (text === this.published && this.file) return; // a commit of what the claim wrote
    const file = path.join(own, recordFileName(this.owner.token));
    try {
      assertOwnDir(own);
      // Mode 0644 whatever the umask: every account reads every other's records.
      replaceThrough(path.join(own, tempFileName(this.owner.token, ++this.written)), file, text, 0o644);
    } catch (error) {
      throw new LeaseError(`The lease directory ${own} cannot be written: ${(error as Error).message}`);
    }
    this.file = file;
    this.published = text;
  }
}

let self: ProcessIdentity | undefined;
/** This process's identity, read once: it cannot change. */
function thisProcess(): ProcessIdentity {
  return (self ??= identify(process.pid));
}

/** A group's verdict: granted when no lease holds any of its ports; else whose lease refuses it. */
function verdictOn(group: readonly number[], taken: ReadonlyMap<number, LeaseHolder>): ClaimVerdict {
  const holders = group.map((port) => taken.get(port));
  if (holders.includes('other')) return 'leased-by-other';
  return holders.includes('caller') ? 'leased-by-caller' : 'granted';
}
