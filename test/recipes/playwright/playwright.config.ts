import { defineConfig } from '@playwright/test';
import { getPortsSync } from 'port-zero';

// Playwright loads this file in its main process and again in every worker. The first call
// allocates 'web' and sets WEB_PORT for the processes started after it (the web server,
// the workers); in the workers the same call finds that port. Sync: a config cannot await.
const { ports } = getPortsSync({ names: ['web'] });

export default defineConfig({
  fullyParallel: true,
  webServer: { command: 'node server.mjs', url: `http://127.0.0.1:${ports.web}/` },
  use: { baseURL: `http://127.0.0.1:${ports.web}` },
});
