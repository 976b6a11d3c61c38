// Load generation for the benchmark: wrk where installed (it does not saturate first), autocannon otherwise.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** req/s of each round, where this is the median of several (in the JSON report, to show the spread). */
  rounds?: number[];
}

export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk prints its version and exits 1; only a missing binary throws ENOENT.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const ms = (v: string) => {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
};

/** Extra request headers (an API token, a session cookie). */
export type Headers = Record<string, string>;

async function wrk(url: string, connections: number, seconds: number, headers: Headers): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)('wrk', [
    '-t2',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    '-H',
    'Accept-Encoding: br, gzip',
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    url,
  ]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const p50 = ms(/\s50%\s+(\S+)/.exec(stdout)?.[1] ?? '');
  const p99 = ms(/\s99%\s+(\S+)/.exec(stdout)?.[1] ?? '');
  const errors =
    Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0) + Number(/Socket errors:.*?timeout (\d+)/.exec(stdout)?.[1] ?? 0);
  return { rps, p50, p99, errors };
}

async function cannon(url: string, connections: number, seconds: number, headers: Headers): Promise<LoadResult> {
  const r = await autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'br, gzip', ...headers } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export function load(
  tool: 'wrk' | 'autocannon',
  url: string,
  connections: number,
  seconds: number,
  headers: Headers = {},
): Promise<LoadResult> {
  return tool === 'wrk' ? wrk(url, connections, seconds, headers) : cannon(url, connections, seconds, headers);
}
