import { afterAll } from 'vitest';
import { runPendingPosts } from '../harness/action-runner.ts';

// A runner runs every post step when its job ends: a test that stops after a main step gets
// its post step when the file ends, so no kernel reserved-port list entry outlives the file
// (the files share one network namespace, and so one list).
afterAll(runPendingPosts, 120_000);
