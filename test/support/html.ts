// Just enough HTML reading for tests of the <head>: meta tags, links, JSON-LD blocks and the breadcrumb.
// The pages are rendered by Preact, so attributes are always double-quoted and entity-escaped.

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower]!;
  });
}

/** The attributes of every start tag of one element name, decoded. */
export function tags(html: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${name}\\b((?:[^>"]|"[^"]*")*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = decodeEntities(a[2] ?? '');
    out.push(attrs);
  }
  return out;
}

/** The content of every <meta property|name="key">, in page order. */
export function metas(html: string, key: string): string[] {
  return tags(html, 'meta')
    .filter((t) => t.property === key || t.name === key)
    .map((t) => t.content ?? '');
}

export const meta = (html: string, key: string): string | undefined => metas(html, key)[0];

export const head = (html: string): string => html.slice(html.indexOf('<head>'), html.indexOf('</head>'));

/** Every <script type="application/ld+json"> block, parsed with JSON.parse. */
export function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

export const jsonLdOfType = (html: string, type: string) => jsonLd(html).filter((n) => n['@type'] === type);

/** The visible breadcrumb as { name, href } pairs. */
export function visibleBreadcrumb(html: string): { name: string; href: string }[] {
  const nav = /<nav aria-label="Breadcrumb"[^>]*>([^]*?)<\/nav>/.exec(html);
  if (!nav) return [];
  return [...nav[1]!.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({
    href: decodeEntities(m[1]!),
    name: decodeEntities(m[2]!),
  }));
}
