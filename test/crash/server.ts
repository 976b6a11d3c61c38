// The server under test, as a real child process started the way an operator starts it
// (`node --import tsx src/cli.ts serve`, configured by environment), so a SIGKILL is a real crash. It runs
// in a process group of its own: a kill takes the cluster primary and every worker down at the same instant.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Servers run detached (a process group each), so nothing takes them down with the harness: do it here.
const live = new Set<number>();
process.once('exit', () => {
  for (const pgid of live) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  readonly baseUrl: string;

  constructor(
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${env.PORT}`;
  }

  get running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  spawn() {
    const out = fs.openSync(this.logFile, 'a');
    fs.writeSync(out, `\n--- start ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', out, out],
      detached: true,
    });
    fs.closeSync(out);
    this.child = child;
    if (child.pid) live.add(child.pid);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Waits until /healthz answers 200 (the start runs migrations and due jobs first). */
  async ready(timeoutMs = 120_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running) throw new Error(`the server exited during start-up:\n${this.logTail()}`);
      const ok = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(50);
    }
    throw new Error(`the server did not answer /healthz within ${timeoutMs / 1000} s:\n${this.logTail()}`);
  }

  /** SIGKILL: no shutdown handler runs, nothing is flushed or closed by the process itself. */
  async kill() {
    this.signalGroup('SIGKILL');
    await this.exited;
  }

  private signalGroup(signal: NodeJS.Signals) {
    if (!this.child?.pid) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // the group is gone already
    }
  }

  /** A clean stop (SIGTERM), falling back to SIGKILL. */
  async stop() {
    if (this.running) {
      this.child!.kill('SIGTERM');
      const timer = setTimeout(() => this.signalGroup('SIGKILL'), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
    this.signalGroup('SIGKILL'); // a worker the primary left behind
    if (this.child?.pid) live.delete(this.child.pid);
  }

  /** The server's error-level log lines (pino level 50 and up). */
  errorLines(max: number): string[] {
    try {
      return fs
        .readFileSync(this.logFile, 'utf8')
        .split('\n')
        .filter((l) => /"level":(50|60)/.test(l))
        .slice(0, max)
        .map((l) => l.slice(0, 600));
    } catch {
      return [];
    }
  }

  logTail(lines = 30): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server log)';
    }
  }
}
