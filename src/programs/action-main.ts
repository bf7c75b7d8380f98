/** The action's main step (action.yml `runs.main`). */
import { run } from '../action/main.ts';

await run();
