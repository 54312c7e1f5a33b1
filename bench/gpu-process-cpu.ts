/**
 * CPU time of the browser's GPU process (where a software adapter runs the shaders), read from /proc on
 * Linux: the bench's own browser only, found by a flag it was launched with, since other browsers may
 * run on the same machine. Node only.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** A flag to launch the browser with, naming this process, so its GPU process can be told from others'. */
export const BROWSER_MARK = `--bmi-bench-driver=${process.pid}`;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const parentOf = (pid: string): string | undefined => /PPid:\s+(\d+)/.exec(read(`/proc/${pid}/status`) ?? '')?.[1];

/** True when one of the process's ancestors (up to a few levels) was launched with BROWSER_MARK. */
function ours(pid: string): boolean {
  let at = parentOf(pid);
  for (let level = 0; at !== undefined && at !== '1' && level < 4; level++) {
    if ((read(`/proc/${at}/cmdline`) ?? '').split('\0').includes(BROWSER_MARK)) return true;
    at = parentOf(at);
  }
  return false;
}

/** User plus system CPU time of our browser's GPU process in ms, or null where /proc does not tell. */
export function gpuProcessCpuMs(): number | null {
  let dirs: string[];
  try {
    dirs = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const ticksPerMs = 100 / 1000;
  let total: number | null = null;
  for (const pid of dirs) {
    const command = read(`/proc/${pid}/cmdline`);
    if (!command?.includes('--type=gpu-process') || !ours(pid)) continue;
    const fields = (read(`/proc/${pid}/stat`) ?? '').split(') ')[1]?.split(' ');
    if (!fields) continue;
    total = (total ?? 0) + (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
  }
  return total;
}
