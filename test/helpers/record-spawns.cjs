/**
 * Preloaded with `node --require` (NODE_OPTIONS): records every program the process
 * starts through node:child_process, as `basename-of-the-program argument...`, in
 * globalThis.portZeroSpawns, and at exit writes them (JSON) to the file named in
 * PORT_ZERO_SPAWNS_FILE, when set. The module's own functions are wrapped, and the ES
 * module view of it synced, so `import { spawn }` and process.getBuiltinModule both see them.
 */
const childProcess = process.getBuiltinModule('node:child_process');
const { syncBuiltinESMExports } = process.getBuiltinModule('node:module');
const fs = process.getBuiltinModule('node:fs');

const started = (globalThis.portZeroSpawns = []);
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
  const original = childProcess[name];
  childProcess[name] = function (file, ...rest) {
    const args = Array.isArray(rest[0]) ? rest[0] : [];
    started.push([String(file).split(/[\\/]/).pop().toLowerCase(), ...args].join(' '));
    return original.call(this, file, ...rest);
  };
}
syncBuiltinESMExports();
if (process.env.PORT_ZERO_SPAWNS_FILE) {
  process.on('exit', () => fs.writeFileSync(process.env.PORT_ZERO_SPAWNS_FILE, JSON.stringify(started)));
}
