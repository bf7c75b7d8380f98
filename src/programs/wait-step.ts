/** The wait action's step (wait/action.yml `runs.main`). */
import { run } from '../action/wait.ts';
import { exitWhenWritten } from '../action/exit.ts';

await run();
exitWhenWritten();
