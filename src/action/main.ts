import { ACTION_VOCABULARY, errorMessage } from '../errors.ts';
import { identify } from '../platform/process-identity.ts';
import { openSession, type Program } from '../session/session.ts';
import { readSettings } from './inputs.ts';
import { publish } from './publish.ts';
import { debug, setFailed, warning } from './workflow-commands.ts';

/**
 * The main step: checks every input, opens a session (allocated, protected, leased
 * ports), and hands the ports to the job. Anything that fails fails the step once, here,
 * with nothing written and nothing left behind.
 */
export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    debug(`settings: ${JSON.stringify(settings)}`);
    const session = await openSession(settings.request, actionProgram());
    try {
      publish(session, settings);
    } catch (error) {
      await session.undo();
      throw error;
    }
  } catch (error) {
    setFailed(errorMessage(error));
  }
}

/** The action as a program: its inputs' words, leases and the holder tied to the job's runner process, a post step. */
function actionProgram(): Program {
  return {
    vocabulary: ACTION_VOCABULARY,
    // The runner process that runs this job: leases and the holder end when it does.
    owner: identify(process.ppid),
    postStep: true,
    log: { debug, warn: warning },
  };
}
