import { runCli } from './main.ts';
import type { Io } from './output.ts';

/** Run the CLI in-process with captured output (for tests): exit code, stdout and stderr joined by lines. */
export async function runCaptured(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, columns: 200 };
  const code = await runCli(args, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}
