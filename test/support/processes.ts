// Runs a program to its end from the project root and collects what it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A program started: its process, to signal, and its run, settled when it ends. */
export interface Started {
  readonly child: ChildProcess;
  readonly run: Promise<Run>;
}

export function startProgram(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Started {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  const run = new Promise<Run>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, run };
}

export function runProgram(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  return startProgram(command, args, env).run;
}

/** The script `npx paperboy` runs for a dist folder of bundle.ts buildBundlesIn: the CLI bundle,
 *  through its code cache (bin/paperboy.cjs). */
export function cliScript(dist: string): string {
  return path.join(dist, '..', 'bin', 'paperboy.cjs');
}

/** `paperboy ARGS` as `npx paperboy` runs it: the bundle the test run built from the current
 *  sources (run-bundles.ts), else the sources through tsx. For a test that signals it while it runs. */
export function startPaperboy(...args: string[]): Started {
  const bundles = process.env.PAPERBOY_WORKER_BUNDLES;
  return startProgram(process.execPath, bundles ? [cliScript(bundles), ...args] : ['--import', 'tsx', 'electron/cli/main.ts', ...args]);
}

/** startPaperboy, run to its end. */
export function paperboy(...args: string[]): Promise<Run> {
  return startPaperboy(...args).run;
}
