/**
 * The action's post step (action.yml `runs.post`): an entry of its own, as in
 * actions/setup-node and actions/cache, so it can never allocate. With no state
 * from the main step (cancelled before it ran, or failed early) it does nothing.
 */
import { runPost } from '../action/post.ts';

await runPost();
