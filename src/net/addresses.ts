// Which IP addresses a server-side fetch may reach. Anything that is not a public unicast address is refused:
// loopback, private networks, link-local (where cloud metadata services answer), carrier-grade NAT,
// multicast, documentation and reserved blocks. IPv6 forms that embed an IPv4 address (mapped, compatible,
// NAT64, 6to4) are judged by the IPv4 address inside, so ::ffff:127.0.0.1 is loopback like 127.0.0.1.
import net from 'node:net';

export interface Ip {
  family: 4 | 6;
  value: bigint;
}

/** Parses an IPv4 or IPv6 literal (brackets and a zone id allowed); null when it is not one. */
export function parseIp(text: string): Ip | null {
  const s = (text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text).split('%')[0]!;
  const kind = net.isIP(s);
  if (kind === 4) return { family: 4, value: v4Value(s) };
  if (kind === 6) return { family: 6, value: v6Value(s) };
  return null;
}

const v4Value = (s: string) => s.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);

function v6Value(s: string): bigint {
  // A trailing dotted quad (::ffff:1.2.3.4) becomes its two hex groups.
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v = Number(v4Value(tail));
    s = `${s.slice(0, lastColon + 1)}${(v >>> 16).toString(16)}:${(v & 0xffff).toString(16)}`;
  }
  const [head = '', rest] = s.split('::');
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const groups = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

/** "10.0.0.0/8", "fc00::/7" or a bare address (a /32 or /128); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [addr = '', len, extra] = text.trim().split('/');
  const ip = parseIp(addr);
  if (!ip || extra !== undefined) return null;
  const max = ip.family === 4 ? 32 : 128;
  if (len !== undefined && !/^\d{1,3}$/.test(len)) return null;
  const bits = len === undefined ? max : Number(len);
  if (bits > max) return null;
  return { family: ip.family, base: ip.value & mask(ip.family, bits), bits };
}

function mask(family: 4 | 6, bits: number): bigint {
  const width = family === 4 ? 32n : 128n;
  return ((1n << width) - 1n) ^ ((1n << (width - BigInt(bits))) - 1n);
}

export const inCidr = (ip: Ip, cidr: Cidr) => ip.family === cidr.family && (ip.value & mask(cidr.family, cidr.bits)) === cidr.base;

/** The IPv4 address behind an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else the address itself. */
export function unmapped(ip: Ip): Ip {
  return ip.family === 6 && ip.value >> 32n === 0xffffn ? { family: 4, value: ip.value & 0xffffffffn } : ip;
}

const block = (cidr: string, reason: string) => ({ cidr: parseCidr(cidr)!, reason });

const V4_REFUSED = [
  block('0.0.0.0/8', 'unspecified ("this network")'),
  block('10.0.0.0/8', 'private (RFC 1918)'),
  block('100.64.0.0/10', 'carrier-grade NAT'),
  block('127.0.0.0/8', 'loopback'),
  block('169.254.0.0/16', 'link-local (cloud metadata services answer here)'),
  block('172.16.0.0/12', 'private (RFC 1918)'),
  block('192.0.0.0/24', 'reserved (IETF protocol assignments)'),
  block('192.0.2.0/24', 'reserved (documentation)'),
  block('192.88.99.0/24', 'reserved (6to4 relay anycast)'),
  block('192.168.0.0/16', 'private (RFC 1918)'),
  block('198.18.0.0/15', 'reserved (benchmarking)'),
  block('198.51.100.0/24', 'reserved (documentation)'),
  block('203.0.113.0/24', 'reserved (documentation)'),
  block('224.0.0.0/4', 'multicast'),
  block('240.0.0.0/4', 'reserved (including broadcast)'),
];

const V6_REFUSED = [
  block('::/128', 'unspecified'),
  block('::1/128', 'loopback'),
  block('64:ff9b:1::/48', 'reserved (local-use NAT64)'),
  block('100::/64', 'reserved (discard-only)'),
  block('2001::/32', 'reserved (Teredo tunnelling hides the real address)'),
  block('2001:db8::/32', 'reserved (documentation)'),
  block('fc00::/7', 'private (unique local, fc00::/7)'),
  block('fe80::/10', 'link-local'),
  block('fec0::/10', 'site-local (deprecated)'),
  block('ff00::/8', 'multicast'),
];

/** IPv6 ranges that carry an IPv4 address, and where it sits (bit offset from the right). */
const V6_EMBEDDING = [
  { cidr: parseCidr('::ffff:0:0/96')!, shift: 0n }, // IPv4-mapped
  { cidr: parseCidr('::/96')!, shift: 0n }, // IPv4-compatible (deprecated)
  { cidr: parseCidr('::ffff:0:0:0/96')!, shift: 0n }, // IPv4-translated (SIIT)
  { cidr: parseCidr('64:ff9b::/96')!, shift: 0n }, // NAT64
  { cidr: parseCidr('2002::/16')!, shift: 80n }, // 6to4
];

/** Why a server-side fetch must not reach this address, or null when it is a public unicast address. */
export function refusalReason(address: string | Ip): string | null {
  const ip = typeof address === 'string' ? parseIp(address) : address;
  if (!ip) return 'not an IP address';
  if (ip.family === 4) return V4_REFUSED.find((b) => inCidr(ip, b.cidr))?.reason ?? null;
  const own = V6_REFUSED.find((b) => inCidr(ip, b.cidr));
  if (own) return own.reason;
  const embedding = V6_EMBEDDING.find((e) => inCidr(ip, e.cidr));
  if (embedding) {
    const inner = refusalReason({ family: 4, value: (ip.value >> embedding.shift) & 0xffffffffn });
    return inner && `${inner}, inside an IPv6 address`;
  }
  return null;
}

/**
 * Targets an operator allows despite the rules above (MASTHEAD_FETCH_ALLOW_HOSTS): an intranet hub, a test
 * server on 127.0.0.1. Entries are host names (matched exactly), addresses or CIDR ranges.
 */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly Cidr[];
}

export const NOTHING_ALLOWED: AllowList = { hosts: new Set(), ranges: [] };

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const normalHost = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

/** What is wrong with one allow-list entry, or null when it is a host name, an address or a CIDR range. */
export function allowEntryProblem(entry: string): string | null {
  const e = normalHost(entry);
  if (e.includes('/') || parseIp(e)) return parseCidr(e) ? null : `"${entry}" is not a valid address or CIDR range`;
  return HOST_NAME.test(e) ? null : `"${entry}" is not a host name, address or CIDR range`;
}

export function parseAllowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const ranges: Cidr[] = [];
  for (const entry of entries) {
    const problem = allowEntryProblem(entry);
    if (problem) throw new Error(problem);
    const e = normalHost(entry);
    const cidr = e.includes('/') || parseIp(e) ? parseCidr(e) : null;
    if (cidr) ranges.push(cidr);
    else hosts.add(e);
  }
  return { hosts, ranges };
}

/** Whether the allow list names this host, or a range that holds this address (mapped IPv4 counts as IPv4). */
export function isAllowed(list: AllowList, hostname: string, ip: Ip): boolean {
  if (list.hosts.has(normalHost(hostname))) return true;
  const plain = unmapped(ip);
  return list.ranges.some((r) => inCidr(ip, r) || inCidr(plain, r));
}
