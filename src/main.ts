import * as core from '@actions/core';
import { allocatePorts } from './allocator.ts';
import { Input } from './constants.ts';
import { errorMessage } from './errors.ts';
import { parseSettings, type RawInputs } from './inputs.ts';
import { publish } from './publish.ts';
import { buildResults } from './results.ts';

function readInputs(): RawInputs {
  return Object.fromEntries(Object.values(Input).map((name) => [name, core.getInput(name)]));
}

/** The main step: validate every input, allocate the batch, and only then write anything. */
export async function run(): Promise<void> {
  try {
    const settings = parseSettings(readInputs());
    core.debug(`settings: ${JSON.stringify(settings)}`);
    const allocation = await allocatePorts({
      count: settings.names.length,
      protocols: settings.protocols,
      hosts: settings.hosts,
      range: settings.range,
      exclude: settings.exclude,
      contiguous: settings.contiguous,
    });
    core.debug(`allocated ${allocation.ports.join(' ')} on ${allocation.hosts.join(' ')} (${allocation.protocols.join(',')})`);
    publish(buildResults(settings, allocation.ports));
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
