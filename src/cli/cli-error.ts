/**
 * How the commands fail: a `CliError` carries the one message the user sees on stderr; anything else
 * is a bug and keeps its stack trace.
 */
import { errorMessage } from '../core/text.ts';
import { standardOutput } from './terminal-output.ts';

/** An expected failure (bad argument, unreadable file, port taken): printed as one line, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Runs an argument parser, adding a pointer to `--help` to any usage problem it reports. */
export function withUsageHint<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`${error.message} Run "npm run ${command} -- --help" for usage.`);
    throw error;
  }
}

/** Runs a command's main function, turning a CliError into `<command>: <message>` on stderr and exit code 1. */
export async function runCommand(command: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    // Messages quote file contents and names: one line, whatever they hold.
    standardOutput().stderr.line(`${command}: ${error.message}`);
    process.exitCode = 1;
  }
}

/** A file-system error in words a user can act on ("no such file", "permission denied"). */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return errorMessage(error);
  }
}
