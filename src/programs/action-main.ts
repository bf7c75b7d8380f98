/** The action's main step (action.yml `runs.main`). */
import { run } from '../action/main.ts';
import { exitWhenWritten } from '../action/exit.ts';

await run();
exitWhenWritten();
