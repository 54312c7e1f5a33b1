/**
 * Runs the real commands the way `npm run train` / `npm run serve` do (through tsx), and builds
 * weights files the way the browser app does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/core/data/dataset.ts';
import { modelFromLine, type Model } from '../../src/core/model/model.ts';
import { leastSquares } from '../../src/core/stats/stats.ts';
import { bundledCsv } from '../unit/bundled-data.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
export const ENTRY = { train: join(ROOT, 'src', 'cli', 'train.ts'), serve: join(ROOT, 'src', 'cli', 'serve.ts') } as const;

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Waits for a child to exit, collecting what it printed. */
export function collect(child: ChildProcess): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** `tsx src/cli/<command>.ts ...args`, as the npm scripts run it; output is piped, so not a TTY. */
export function run(
  command: keyof typeof ENTRY,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return collect(spawnCommand(command, args, options));
}

export function spawnCommand(
  command: keyof typeof ENTRY,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  return spawn(TSX, [ENTRY[command], ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the first match of `pattern` in the child's stream, or rejects when the child exits first. */
export function waitForOutput(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const match = seen.match(pattern);
      if (match) {
        child[stream]!.off('data', onData);
        child.off('exit', onExit);
        resolve(match);
      }
    };
    const onExit = (code: number | null): void => reject(new Error(`exited (${code}) before printing ${pattern}: ${seen}`));
    child[stream]!.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bmi-cli-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The bundled data set, parsed. */
export function bundledDataset(): ReturnType<typeof parseCsv> & { ok: true } {
  const parsed = parseCsv(bundledCsv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

/** A model like the one the browser app saves, with the exact least-squares line. */
export function closedFormModel(epochs = 0): Model {
  const { dataset } = bundledDataset();
  const origin = { epochs, optimizer: 'sgd', learningRate: 0.1, backend: 'webgpu' } as const;
  return modelFromLine(leastSquares(dataset.x, dataset.y), dataset, origin, new Date('2026-11-25T08:00:00.000Z'));
}

/** The loss lines `train` prints when piped: `epoch  37/100  loss 43.021031`. */
export function lossLines(stdout: string): { epoch: number; lastEpoch: number; loss: number }[] {
  return [...stdout.matchAll(/^epoch\s+(\d+)\/(\d+)\s+loss\s+(\S+)$/gm)].map((m) => ({
    epoch: Number(m[1]),
    lastEpoch: Number(m[2]),
    loss: Number(m[3]),
  }));
}

export interface RunningServe {
  url: string;
  child: ChildProcess;
  exited: Promise<RunResult>;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
}

/**
 * `serve` in this process's node (`node --import tsx`, not the tsx binary, which runs the script in a
 * child), so a signal reaches the server itself; waits for the URL it prints.
 */
export async function startServeProcess(weightsPath: string, args: string[] = []): Promise<RunningServe> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY.serve, weightsPath, '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const [url] = await waitForOutput(child, 'stdout', /http:\/\/127\.0\.0\.1:\d+/);
  return { url, child, exited, output: () => ({ stdout, stderr }) };
}

/** Resolves once `test` holds for what the child printed (checked on each chunk), or rejects if it exits first. */
export function waitForPrinted(server: RunningServe, test: (printed: { stdout: string; stderr: string }) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!test(server.output())) return;
      server.child.stdout!.off('data', check);
      server.child.stderr!.off('data', check);
      server.child.off('exit', onExit);
      resolve();
    };
    const onExit = (): void => reject(new Error(`serve exited first: ${JSON.stringify(server.output())}`));
    server.child.stdout!.on('data', check);
    server.child.stderr!.on('data', check);
    server.child.once('exit', onExit);
    // Listeners added after the collecting ones: the text is already appended when check runs.
    setImmediate(check);
  });
}
