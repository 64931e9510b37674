import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { projectPath } from '../../src/project';

/** One structured log line of the innozone process. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** innozone started as `npm start` starts it (node dist/src/main.js), with its log lines collected. */
export class InnozoneProcess {
  readonly lines: LogLine[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  private static readonly running = new Set<InnozoneProcess>();

  /** Starts innozone; the suite's own DATABASE_URL is not passed on unless `env` names one. */
  constructor(env: Record<string, string>) {
    const { DATABASE_URL: _suiteDatabase, ...inherited } = process.env;
    this.child = spawn(process.execPath, [projectPath('dist', 'src', 'main.js')], {
      cwd: projectPath(),
      env: { ...inherited, LOG_LEVEL: 'info', NODE_ENV: 'development', SEED_DEMO_ZONE: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    InnozoneProcess.running.add(this);
    let buffer = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          this.lines.push(JSON.parse(line) as LogLine);
        } catch {
          this.stderr.push(line);
        }
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        InnozoneProcess.running.delete(this);
        resolve({ code, signal });
      }),
    );
  }

  /** Kills whatever a failed test left running. */
  static async killAll(): Promise<void> {
    const left = [...InnozoneProcess.running];
    for (const p of left) p.kill('SIGKILL');
    await Promise.all(left.map((p) => p.exited));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with the first log line whose message matches; rejects if the process exits first or time runs out. */
  async waitFor(message: string | RegExp, timeoutMs = 30_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      const found = this.lines.find((l) => (typeof message === 'string' ? l.msg === message : message.test(l.msg)));
      if (found) return found;
      if (exited || Date.now() > deadline) {
        throw new Error(
          `innozone did not log ${String(message)}${exited ? ' before exiting' : ' in time'}:\n` +
            [...this.lines.map((l) => JSON.stringify(l)), ...this.stderr].join('\n'),
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The messages of the shutdown steps, in the order they were taken. */
  get stopSteps(): string[] {
    return this.lines
      .filter((l) => typeof l['step'] === 'number')
      .sort((a, b) => (a['step'] as number) - (b['step'] as number))
      .map((l) => l.msg);
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}

/** Pids of postgres processes serving a cluster under `dataDir`. */
export function postgresProcessesFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline[0]?.endsWith('/postgres') && cmdline.includes(`${dataDir}/pg`)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** A TCP port nobody listens on right now (the embedded database's own finder). */
export { freePort } from '../../src/db/embedded-postgres';
