import { describe, expect, it } from 'vitest';
import { allowEntryProblem, isAllowed, parseAllowList, parseCidr, parseIp, refusalReason } from './addresses.ts';

describe('address classifier', () => {
  it.each([
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified/],
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['10.0.0.1', /private/],
    ['10.255.255.255', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['169.254.169.254', /link-local/],
    ['169.254.0.1', /link-local/],
    ['192.0.0.8', /reserved/],
    ['192.0.2.10', /documentation/],
    ['198.18.0.1', /benchmarking/],
    ['203.0.113.7', /documentation/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['240.0.0.1', /reserved/],
    ['255.255.255.255', /reserved/],
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['[::1]', /loopback/],
    ['0:0:0:0:0:0:0:1', /loopback/],
    ['fc00::1', /unique local/],
    ['fd12:3456:789a::1', /unique local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['febf:ffff::1', /link-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/],
    ['2001:0:4136:e378::1', /Teredo/],
    // IPv6 forms that carry a forbidden IPv4 address.
    ['::ffff:127.0.0.1', /loopback, inside an IPv6/],
    ['::ffff:7f00:1', /loopback, inside an IPv6/],
    ['[::ffff:7f00:1]', /loopback/],
    ['::ffff:169.254.169.254', /link-local.*inside/],
    ['::ffff:10.1.2.3', /private.*inside/],
    ['::ffff:100.64.0.1', /carrier-grade NAT, inside/],
    ['::ffff:0:192.168.0.1', /private.*inside/],
    ['::127.0.0.1', /loopback, inside/],
    ['64:ff9b::a9fe:a9fe', /link-local.*inside/],
    ['2002:7f00:1::', /loopback, inside/],
    ['2002:c0a8:101::1', /private.*inside/],
  ])('refuses %s', (address, reason) => {
    expect(refusalReason(address)).toMatch(reason);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '169.255.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('lets the public address %s through', (address) => {
    expect(refusalReason(address)).toBeNull();
  });

  it('says when a string is not an address at all', () => {
    expect(refusalReason('localhost')).toBe('not an IP address');
    expect(parseIp('1.2.3')).toBeNull();
    expect(parseIp('example.org')).toBeNull();
  });

  it('parses embedded dotted quads and :: at either end', () => {
    expect(parseIp('::ffff:1.2.3.4')).toEqual(parseIp('::ffff:102:304'));
    expect(parseIp('1::')!.value).toBe(1n << 112n);
    expect(parseIp('::2')!.value).toBe(2n);
    expect(parseIp('1:2:3:4:5:6:7:8')!.value).toBe(0x00010002000300040005000600070008n);
  });
});

describe('allow list', () => {
  it('accepts host names, addresses and CIDR ranges and nothing else', () => {
    for (const ok of ['hub.intranet', 'localhost', 'HUB.Example.', '127.0.0.1', '10.0.0.0/8', 'fd00::/8', '[::1]'])
      expect(allowEntryProblem(ok)).toBeNull();
    for (const bad of ['10.0.0.0/33', '10.0.0.0/x', 'http://hub', 'hub_1.example', '::1/129', '1.2.3.4/8/9', ''])
      expect(allowEntryProblem(bad)).toBeTruthy();
    expect(() => parseAllowList(['ok.example', 'not ok'])).toThrow(/not ok/);
  });

  it('matches host names exactly (case and trailing dot aside) and addresses by range', () => {
    const list = parseAllowList(['Hub.Intranet', '10.1.0.0/16', '127.0.0.1', 'fd00::/8']);
    const ip = (s: string) => parseIp(s)!;
    expect(isAllowed(list, 'hub.intranet.', ip('192.168.0.9'))).toBe(true);
    expect(isAllowed(list, 'other.intranet', ip('192.168.0.9'))).toBe(false);
    expect(isAllowed(list, 'x', ip('10.1.200.3'))).toBe(true);
    expect(isAllowed(list, 'x', ip('10.2.0.1'))).toBe(false);
    expect(isAllowed(list, 'x', ip('127.0.0.1'))).toBe(true);
    expect(isAllowed(list, 'x', ip('127.0.0.2'))).toBe(false);
    expect(isAllowed(list, 'x', ip('::ffff:127.0.0.1'))).toBe(true);
    expect(isAllowed(list, 'x', ip('fd12::1'))).toBe(true);
    expect(isAllowed(list, 'x', ip('fe80::1'))).toBe(false);
  });

  it('masks the base of a range', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual(parseCidr('10.0.0.0/8'));
  });
});
