// safeFetch against real servers on 127.0.0.1: refused by default, allowed when listed; literal addresses in
// odd spellings, names that resolve to private addresses, redirects into the private network, the deadline
// and the size cap.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowList } from './addresses.ts';
import { FetchRefusedError, safeFetch, type Resolver } from './safe-fetch.ts';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  body: string;
  headers: http.IncomingHttpHeaders;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0))
    await new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
});

async function server(handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, headers: req.headers });
      handle(req, res, body);
    });
  });
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  return { port, url: `http://127.0.0.1:${port}`, seen };
}

const ok = () => server((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'));
const LOCAL = parseAllowList(['127.0.0.1']);
/** A DNS stand-in: every name resolves to these addresses. */
const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('safeFetch', () => {
  it('refuses a server on 127.0.0.1 by default, with a clear error, and never connects', async () => {
    const target = await ok();
    const err = await safeFetch(`${target.url}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchRefusedError);
    expect((err as Error).message).toMatch(/127\.0\.0\.1: the address is loopback.*MASTHEAD_FETCH_ALLOW_HOSTS/);
    expect(target.seen).toEqual([]);
  });

  it('fetches it when the address is allowed, sending method, headers and body', async () => {
    const target = await server((_req, res, body) => res.writeHead(201, { 'x-echo': body }).end(`got ${body}`));
    const res = await safeFetch(`${target.url}/hub`, {
      allow: LOCAL,
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'ping',
    });
    expect(res).toMatchObject({ status: 201, ok: true, url: `${target.url}/hub` });
    expect(res.body.toString()).toBe('got ping');
    expect(target.seen).toMatchObject([{ method: 'POST', url: '/hub', body: 'ping', headers: { 'content-type': 'text/plain' } }]);
  });

  it.each([
    'http://0x7f000001:{port}/',
    'http://2130706433:{port}/',
    'http://127.1:{port}/',
    'http://0177.0.0.1:{port}/',
    'http://[::ffff:127.0.0.1]:{port}/',
    'http://[::1]:{port}/',
    'http://[::]:{port}/',
    'http://0.0.0.0:{port}/',
  ])('refuses the literal %s', async (template) => {
    const target = await ok();
    await expect(safeFetch(template.replace('{port}', String(target.port)))).rejects.toThrow(FetchRefusedError);
    expect(target.seen).toEqual([]);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://100.64.1.1/',
    'http://[fd00::1]/',
    'http://[::ffff:a9fe:a9fe]/',
  ])('refuses %s before connecting', async (url) => {
    await expect(safeFetch(url, { timeoutMs: 1_000 })).rejects.toThrow(/Refused to fetch .*: the address is/);
  });

  it.each(['file:///etc/passwd', 'ftp://127.0.0.1/', 'gopher://example.org/', 'data:text/plain,hi', 'javascript:alert(1)', '/relative'])(
    'refuses %s',
    async (url) => {
      await expect(safeFetch(url)).rejects.toThrow(FetchRefusedError);
    },
  );

  it('refuses a name that resolves to a private address (localhost, or any name in DNS)', async () => {
    const target = await ok();
    await expect(safeFetch(`http://localhost:${target.port}/`)).rejects.toThrow(
      /localhost \((127\.0\.0\.1|::1)\): the address is loopback/,
    );
    await expect(safeFetch(`http://hub.example:${target.port}/`, { resolver: resolvesTo('127.0.0.1') })).rejects.toThrow(
      /hub\.example \(127\.0\.0\.1\)/,
    );
    // One private answer among public ones refuses the name.
    await expect(safeFetch(`http://hub.example:${target.port}/`, { resolver: resolvesTo('93.184.215.14', '10.0.0.5') })).rejects.toThrow(
      /10\.0\.0\.5/,
    );
    expect(target.seen).toEqual([]);
  });

  it('connects to the address it checked: an allowed name reaches the server at the address DNS gave', async () => {
    const target = await ok();
    const res = await safeFetch(`http://hub.intranet:${target.port}/feed`, {
      allow: parseAllowList(['hub.intranet']),
      resolver: resolvesTo('127.0.0.1'),
    });
    expect(res.status).toBe(200);
    expect(target.seen[0]?.headers.host).toBe(`hub.intranet:${target.port}`);
    // A CIDR entry allows by address, whatever the name.
    expect(
      (await safeFetch(`http://any.example:${target.port}/`, { allow: parseAllowList(['127.0.0.0/8']), resolver: resolvesTo('127.0.0.1') }))
        .status,
    ).toBe(200);
  });

  it('follows redirects, checking every hop: a redirect to loopback is refused', async () => {
    const inside = await ok();
    // An allowed outer server that sends the fetch to an address that is not allowed.
    const outer = await server((_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${inside.port}/secret` }).end());
    await expect(safeFetch(outer.url, { allow: LOCAL })).rejects.toThrow(/127\.0\.0\.2: the address is loopback/);
    // A redirect to a name whose address is the metadata service.
    const viaName = await server((_req, res) => res.writeHead(307, { location: 'http://metadata.internal/latest/' }).end());
    await expect(safeFetch(viaName.url, { allow: LOCAL, resolver: resolvesTo('169.254.169.254') })).rejects.toThrow(
      /metadata\.internal \(169\.254\.169\.254\): the address is link-local/,
    );
    // An IPv4-mapped IPv6 spelling of loopback that the allow list does not name (127.0.0.3).
    const mapped = await server((_req, res) => res.writeHead(308, { location: `http://[::ffff:127.0.0.3]:${inside.port}/` }).end());
    await expect(safeFetch(mapped.url, { allow: LOCAL })).rejects.toThrow(/loopback, inside an IPv6 address/);
    expect(inside.seen).toEqual([]);
  });

  it('follows up to 3 redirects, turning a POST into a GET on 303', async () => {
    let n = 0;
    const target = await server((req, res) => {
      n += 1;
      if (req.url === '/start') return res.writeHead(303, { location: '/a' }).end();
      if (req.url === '/a') return res.writeHead(301, { location: '/b' }).end();
      if (req.url === '/b') return res.writeHead(308, { location: '/end' }).end();
      if (req.url === '/end') return res.writeHead(200).end('arrived');
      return res.writeHead(302, { location: `/loop${n}` }).end();
    });
    const res = await safeFetch(`${target.url}/start`, {
      allow: LOCAL,
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.body.toString()).toBe('arrived');
    expect(res.url).toBe(`${target.url}/end`);
    expect(target.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/start', 'x'],
      ['GET', '/a', ''],
      ['GET', '/b', ''],
      ['GET', '/end', ''],
    ]);
    await expect(safeFetch(`${target.url}/loop`, { allow: LOCAL })).rejects.toThrow(/more than 3 redirects/);
  });

  it('gives up at the deadline', async () => {
    const hang = await server(() => {});
    await expect(safeFetch(hang.url, { allow: LOCAL, timeoutMs: 200 })).rejects.toThrow(/timeout.*200 ms/);
  });

  it('caps the body, declared or streamed', async () => {
    const big = await server((_req, res) => res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)));
    await expect(safeFetch(big.url, { allow: LOCAL, maxBytes: 1000 })).rejects.toThrow(/larger than 1000 bytes/);
    const streamed = await server((_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
      res.end();
    });
    await expect(safeFetch(streamed.url, { allow: LOCAL, maxBytes: 1000 })).rejects.toThrow(/larger than 1000 bytes/);
    expect((await safeFetch(streamed.url, { allow: LOCAL, maxBytes: 5000 })).body.length).toBe(5000);
  });
});
