// The one way the server fetches a URL it was given (a WebSub hub today; embeds and remote images later).
// Such URLs come from configuration or from editors, so a fetch must not become a way to reach what only the
// server can reach (SSRF): the loopback interface, the private network, the cloud metadata service.
//
// - Only http and https.
// - The host name is resolved here, every address it resolves to is checked (refusalReason), and the socket
//   connects to exactly the checked addresses: the check runs inside the connection's own `lookup`, so a DNS
//   answer that changes between check and connect (rebinding) cannot slip past it. Literal addresses, which
//   skip the lookup, are checked before connecting.
// - Redirects are followed by hand (at most 3), each hop checked the same way.
// - One deadline covers the whole exchange, and the body is capped.
// An operator can allow private targets explicitly (MASTHEAD_FETCH_ALLOW_HOSTS).
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { isAllowed, NOTHING_ALLOWED, parseIp, refusalReason, type AllowList } from './addresses.ts';

export const FETCH_DEFAULTS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };

/** Resolves a host name to every address it has (node:dns lookup with all: true); replaceable in tests. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface SafeFetchOptions {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Private targets allowed by the operator; by default none. */
  allow?: AllowList;
  /** For the whole exchange, redirects included. */
  timeoutMs?: number;
  /** Largest body accepted; a larger one fails the fetch. */
  maxBytes?: number;
  maxRedirects?: number;
  resolver?: Resolver;
}

export interface SafeResponse {
  status: number;
  ok: boolean;
  /** The URL that answered, after redirects. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A fetch refused before or while connecting: a forbidden scheme, address or redirect. */
export class FetchRefusedError extends Error {
  override name = 'FetchRefusedError';
  readonly code = 'FETCH_REFUSED';
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const o = { ...FETCH_DEFAULTS, allow: NOTHING_ALLOWED, resolver: systemResolver, ...options };
  const signal = AbortSignal.timeout(o.timeoutMs);
  let url = target(input, o.allow);
  let method = o.method ?? 'GET';
  let body = o.body;
  const headers = { ...o.headers };
  for (let hop = 0; ; hop++) {
    const res = await exchange(url, { method, headers, body }, o, signal);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.status) || !location) return res;
    if (hop >= o.maxRedirects) throw new FetchRefusedError(`Refused to follow more than ${o.maxRedirects} redirects from ${input}`);
    const next = target(new URL(location, url).href, o.allow);
    // As browsers do: 303, and 301/302 after a POST, become a GET without a body.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      delete headers['content-type'];
    }
    // Credentials meant for one origin are not handed to another.
    if (next.origin !== url.origin)
      for (const name of Object.keys(headers)) if (/^(authorization|cookie)$/i.test(name)) delete headers[name];
    url = next;
  }
}

/** Parses and checks a URL before any connection: scheme, and the address when the host is a literal one. */
function target(raw: string, allow: AllowList): URL {
  if (!URL.canParse(raw)) throw new FetchRefusedError(`Refused to fetch "${raw.slice(0, 200)}": not an absolute URL`);
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchRefusedError(`Refused to fetch ${url.protocol} URL: only http and https are allowed`);
  const literal = parseIp(url.hostname);
  if (literal) check(url.hostname, url.hostname, allow);
  return url;
}

/** Throws when the address may not be reached from this host name. */
function check(hostname: string, address: string, allow: AllowList) {
  const ip = parseIp(address);
  const reason = refusalReason(ip ?? address);
  if (reason && !(ip && isAllowed(allow, hostname, ip))) {
    const shown = hostname.replace(/^\[|\]$/g, '') === address ? address : `${hostname} (${address})`;
    throw new FetchRefusedError(`Refused to fetch ${shown}: the address is ${reason}. List it in MASTHEAD_FETCH_ALLOW_HOSTS to allow it.`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The socket's lookup: resolve, refuse if any address is forbidden, hand the socket only checked addresses. */
function checkedLookup(allow: AllowList, resolver: Resolver) {
  return (hostname: string, opts: dns.LookupOptions, callback: LookupCallback) => {
    resolver(hostname)
      .then((found) => {
        const addresses = opts.family === 4 || opts.family === 6 ? found.filter((a) => a.family === opts.family) : found;
        if (!addresses.length) throw Object.assign(new Error(`No address found for ${hostname}`), { code: 'ENOTFOUND' });
        // One forbidden answer refuses the host: a name that mixes public and private addresses is suspect.
        for (const a of addresses) check(hostname, a.address, allow);
        if (opts.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, ''));
  };
}

function exchange(
  url: URL,
  init: { method: string; headers: Record<string, string>; body: string | Buffer | undefined },
  o: Required<Pick<SafeFetchOptions, 'allow' | 'maxBytes' | 'resolver' | 'timeoutMs'>>,
  signal: AbortSignal,
): Promise<SafeResponse> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) =>
      reject(signal.aborted ? new Error(`fetch timeout: no complete answer within ${o.timeoutMs} ms from ${url.origin}`) : err);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      { method: init.method, headers: init.headers, agent: false, lookup: checkedLookup(o.allow, o.resolver), signal },
      (res) => {
        const status = res.statusCode ?? 0;
        const done = (body: Buffer) => resolve({ status, ok: status >= 200 && status < 300, url: url.href, headers: res.headers, body });
        if (REDIRECTS.has(status) && res.headers.location) {
          res.destroy();
          return done(Buffer.alloc(0));
        }
        const tooLarge = () => {
          res.destroy();
          reject(new Error(`Response from ${url.origin} is larger than ${o.maxBytes} bytes`));
        };
        if (Number(res.headers['content-length']) > o.maxBytes) return tooLarge();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) tooLarge();
          else chunks.push(chunk);
        });
        res.on('end', () => done(Buffer.concat(chunks)));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}
