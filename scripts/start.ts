/** `npm start`: runs the bundled action as a runner would, with example inputs, and shows what it produced. */
import { runJob } from '../test/harness/action-runner.ts';

const inputs = { names: 'web db-main cache', 'env-prefix': '' };
console.log(`Running dist/index.js as a runner would, with names: "${inputs.names}"\n`);
const { main, post } = await runJob({ with: inputs });
process.stdout.write(main.stdout.replace(/^::debug::.*\n/gm, ''));
process.stderr.write(main.stderr);
console.log('\nStep outputs (GITHUB_OUTPUT):');
for (const [name, value] of Object.entries(main.outputs)) console.log(`  ${name} = ${value}`);
console.log('\nEnvironment for later steps (GITHUB_ENV):');
for (const [name, value] of Object.entries(main.env)) console.log(`  ${name}=${value}`);
console.log(`\nMain step exit code ${main.code}; post step exit code ${post.code}.`);
process.exitCode = main.code || post.code || 0;
