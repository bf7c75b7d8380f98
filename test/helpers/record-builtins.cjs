/**
 * Preloaded with `node --require` (NODE_OPTIONS): when the process exits, writes
 * the built-in modules it loaded, one a line (`NativeModule crypto`,
 * `Internal Binding tcp_wrap`), to the file named in PORT_ZERO_BUILTINS_FILE.
 * process.moduleLoadList is Node's own record of every built-in it has loaded.
 * A CommonJS preload: `--import` would start the ES module loader, which itself
 * loads fs/promises, before the program runs.
 */
process.on('exit', () => {
  process.getBuiltinModule('node:fs').writeFileSync(process.env.PORT_ZERO_BUILTINS_FILE, process.moduleLoadList.join('\n'));
});
