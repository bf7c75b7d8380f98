#!/usr/bin/env node
/** The `port-zero` command (package.json `bin`). */
import { main } from '../command/command.ts';

process.exitCode = await main(process.argv.slice(2));
