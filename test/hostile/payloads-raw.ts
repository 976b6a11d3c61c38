// The hostile-input corpus, part two: values that are not text at all or not where text goes: wrong types for
// JSON fields, whole request bodies that are malformed or oversized, raw URL pieces, and header values.
import { strings } from './payloads.ts';

function deep(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values of the wrong type for any field: what a broken or hostile client puts where a string or id belongs. */
export const wrongTypes: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 31,
  Number.MAX_SAFE_INTEGER + 2,
  -1e308,
  '1',
  '',
  [],
  ['a', 'b'],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__": {"role": "admin"}}') as unknown,
  deep(200),
  Array.from({ length: 10_000 }, (_, i) => i),
];

/** JSON nested far past any reasonable depth, as raw text (JSON.stringify would refuse nothing, but this is cheaper). */
export const deepJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

export interface RawBody {
  name: string;
  contentType: string | undefined;
  payload: string | Buffer;
}

/** Bodies that are not what the route expects at all. */
export const rawBodies: RawBody[] = [
  { name: 'truncated JSON', contentType: 'application/json', payload: '{"headline": ' },
  { name: 'JSON with unquoted keys', contentType: 'application/json', payload: '{headline: "x"}' },
  { name: 'empty JSON body', contentType: 'application/json', payload: '' },
  { name: 'JSON null', contentType: 'application/json', payload: 'null' },
  { name: 'JSON string', contentType: 'application/json', payload: '"just a string"' },
  { name: 'JSON number', contentType: 'application/json', payload: '42' },
  { name: 'JSON array', contentType: 'application/json', payload: '[1,2,3]' },
  { name: 'JSON with trailing garbage', contentType: 'application/json', payload: '{}garbage' },
  { name: 'JSON with a BOM', contentType: 'application/json', payload: '\ufeff{}' },
  {
    name: 'JSON with __proto__',
    contentType: 'application/json',
    payload: '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}',
  },
  { name: 'JSON duplicate keys', contentType: 'application/json', payload: '{"headline": "a", "headline": {"x": 1}}' },
  { name: 'JSON nested 10,000 deep', contentType: 'application/json', payload: deepJson(10_000) },
  { name: 'JSON nested 100,000 deep', contentType: 'application/json', payload: deepJson(100_000) },
  {
    name: 'invalid UTF-8 bytes in JSON',
    contentType: 'application/json',
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xae, 0x22, 0x7d]),
  },
  { name: 'UTF-16 JSON', contentType: 'application/json; charset=utf-16', payload: Buffer.from('{"a":"b"}', 'utf16le') },
  { name: 'JSON declared as latin1', contentType: 'application/json; charset=latin1', payload: '{"a":"b"}' },
  { name: '5 MB JSON', contentType: 'application/json', payload: `{"headline":"${'x'.repeat(5 * 1024 * 1024)}"}` },
  { name: '5 MB form', contentType: 'application/x-www-form-urlencoded', payload: `headline=${'x'.repeat(5 * 1024 * 1024)}` },
  { name: 'huge JSON array', contentType: 'application/json', payload: `[${Array.from({ length: 200_000 }, () => '0').join(',')}]` },
  { name: 'text/plain body', contentType: 'text/plain', payload: 'headline=hello' },
  {
    name: 'XML body',
    contentType: 'application/xml',
    payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  },
  {
    name: 'form with repeated and bracketed keys',
    contentType: 'application/x-www-form-urlencoded',
    payload: 'a=1&a=2&b[]=3&c[d]=4&__proto__[x]=5&_csrf=1&_csrf=2',
  },
  {
    name: 'form with invalid percent-encoding',
    contentType: 'application/x-www-form-urlencoded',
    payload: 'headline=%&standfirst=%zz%c0%ae&body=%ff',
  },
  { name: 'multipart without boundary', contentType: 'multipart/form-data', payload: 'garbage' },
  {
    name: 'multipart with a wrong boundary',
    contentType: 'multipart/form-data; boundary=abc',
    payload: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--',
  },
  {
    name: 'multipart truncated',
    contentType: 'multipart/form-data; boundary=abc',
    payload: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG',
  },
  { name: 'unknown content type', contentType: 'application/x-masthead-nonsense', payload: 'whatever' },
  { name: 'content type with junk parameters', contentType: 'application/json; charset="; boundary=;;;', payload: '{}' },
  { name: 'no content type', contentType: undefined, payload: '{"headline":"x"}' },
];

/** Raw pieces of URL paths and query strings, sent as they are (some deliberately malformed). */
export const rawUrlPieces: string[] = [
  '..',
  '../..',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5c..%5c',
  '..%252f',
  '%00',
  'a%00b',
  '%c0%ae%c0%ae',
  '%e0%80%af',
  '%ff%fe',
  '%',
  '%%',
  '%zz',
  '%u002e',
  '%ed%a0%80',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%22%3E%3Csvg%20onload%3Dalert(1)%3E',
  "'%20OR%201=1--",
  '%27%3B%20DROP%20TABLE%20articles%3B--',
  '~root',
  '.git/config',
  '.env',
  'a'.repeat(2_000),
  '%e2%80%ae',
  'NEAR(',
  '-1',
  '0',
  '99999999999999999999',
];

/** Header values for Host, Accept-Encoding, If-None-Match and Cookie. */
export const hostileHeaders: Record<string, string>[] = [
  { host: 'evil.example' },
  { host: 'news.example:99999' },
  { host: 'news.example@evil.example' },
  { host: '' },
  { host: 'a'.repeat(5_000) },
  { host: '127.0.0.1:3000/../../' },
  { 'accept-encoding': 'br;q=abc, gzip;q=-1, *;q=1e999' },
  { 'accept-encoding': 'x'.repeat(8_000) },
  { 'accept-encoding': 'identity;q=0, *;q=0' },
  { 'if-none-match': '*' },
  { 'if-none-match': `"${'"'.repeat(500)}` },
  { 'if-none-match': 'W/"x", "y", ,,,' },
  { 'if-modified-since': 'yesterday' },
  { cookie: 'mh_session=' + "' OR 1=1 --" },
  { cookie: 'mh_session=../../etc/passwd; mh_session=x' },
  { cookie: `mh_session=${'a'.repeat(4_000)}` },
  { cookie: 'mh_session=%ff%fe%00; mh_signin_csrf=%00' },
  { cookie: ';;;=;=;' },
  { authorization: 'Bearer ' },
  { authorization: "Bearer ' OR 1=1 --" },
  { authorization: `Bearer ${'x'.repeat(10_000)}` },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { 'x-csrf-token': '<script>alert(1)</script>' },
  { 'x-forwarded-for': '127.0.0.1, <script>' },
  { 'x-forwarded-host': 'evil.example' },
  { 'content-length': '0' },
  { range: 'bytes=999999999-' },
  { accept: 'application/json;q=<script>' },
];

/** Distinct payloads in the corpus (strings, typed values, raw bodies, URL pieces, header sets). */
export const corpusSize = strings.length + wrongTypes.length + rawBodies.length + rawUrlPieces.length + hostileHeaders.length;
