import * as core from '@actions/core';
import { errorMessage } from './errors.ts';

/** The post step: releases what the main step left held. It warns, and never fails the job. */
export async function runPost(): Promise<void> {
  try {
    core.debug('post step: nothing held by this job');
  } catch (error) {
    core.warning(`Port Zero could not clean up: ${errorMessage(error)}`);
  }
}
