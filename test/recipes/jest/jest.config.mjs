export default {
  globalSetup: './global-setup.mjs',
  globalTeardown: './global-teardown.mjs',
  // The tests are ES modules, run as they are: NODE_OPTIONS=--experimental-vm-modules npx jest
  transform: {},
};
