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
export const oversized: string[] = ['a'.repeat(301), 'b '.repeat(600), 'c'.repeat(20_001), '<'.repeat(50_000), 'd'.repeat(1_000_000)];

/** Numbers and ids that break assumptions: negative, zero, huge, fractional, not numbers at all. */
export const idLike: string[] = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '2147483648',
  '9007199254740993',
  '99999999999999999999',
  'NaN',
  'Infinity',
  ' 1',
  '1 ',
  '+1',
  '01',
];

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

/**
 * Percent-encodes any string for a URL, including lone surrogates (as the bytes WTF-8 would give them, ED A0 80
 * for U+D800), which encodeURIComponent refuses to encode but a hostile client can send anyway.
 */
export function urlEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
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
