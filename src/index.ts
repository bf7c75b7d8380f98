import * as core from '@actions/core';
import { State } from './constants.ts';
import { run } from './main.ts';
import { runPost } from './post.ts';

// One bundle serves both steps: the main step leaves a flag that only the post step sees.
if (core.getState(State.IsPost) === 'true') {
  await runPost();
} else {
  core.saveState(State.IsPost, 'true');
  await run();
}
