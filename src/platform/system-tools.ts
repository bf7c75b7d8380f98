import path from 'node:path';

/**
 * Absolute paths of the system programs Port Zero runs. Never the search path: on
 * Windows the working directory (the workspace, which a pull request controls) is
 * searched first, and on any OS a step can prepend directories to PATH.
 */
const TOOLS = {
  ps: { darwin: '/bin/ps', freebsd: '/bin/ps' },
  perl: { linux: '/usr/bin/perl' },
  sysctl: { darwin: '/usr/sbin/sysctl', freebsd: '/sbin/sysctl' },
  netsh: { win32: ['System32', 'netsh.exe'] },
  powershell: { win32: ['System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'] },
  lsof: { darwin: '/usr/sbin/lsof' },
  netstat: { win32: ['System32', 'NETSTAT.EXE'] },
  tasklist: { win32: ['System32', 'tasklist.exe'] },
} as const;

export type SystemTool = keyof typeof TOOLS;

/**
 * The absolute path of `tool` on `platform`. Windows paths start at %SystemRoot%
 * (`C:\Windows` when unset), which the system sets and a workflow cannot move silently.
 * Throws when the tool does not exist on that platform.
 */
export function systemTool(tool: SystemTool, platform: NodeJS.Platform = process.platform, env = process.env): string {
  const where = (TOOLS[tool] as Partial<Record<NodeJS.Platform, string | readonly string[]>>)[platform];
  if (where === undefined) throw new Error(`${tool} is not a system program on ${platform}`);
  if (typeof where === 'string') return where;
  const root = env.SystemRoot || env.SYSTEMROOT || 'C:\\Windows';
  return path.win32.join(root, ...where);
}
