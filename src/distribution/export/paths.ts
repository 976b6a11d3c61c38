// How public URLs map to files in a static mirror, and how links are rewritten so they work there.

const FILE = /\.[a-z0-9]{2,5}$/i;

/**
 * "/news?page=2" → "/news/page/2/", and every page gets a trailing slash ("/news" → "/news/") so that any
 * static server, even one that does not guess directory indexes, finds its index.html.
 */
export function staticUrl(url: string): string {
  const [path, query = ''] = url.split('?', 2) as [string, string?];
  const page = new URLSearchParams(query).get('page');
  if (page && /^[1-9]\d*$/.test(page) && page !== '1') return `${path.replace(/\/$/, '')}/page/${page}/`;
  if (FILE.test(path) || path.endsWith('/')) return path;
  return `${path}/`;
}

/** The file a response is written to: HTML pages become directory indexes, everything else keeps its name. */
export function fileFor(url: string, isHtml: boolean): string {
  const path = decodeURIComponent(staticUrl(url));
  if (!isHtml) return path.replace(/^\//, '');
  const dir = path.replace(/^\//, '').replace(/\/$/, '');
  return dir ? `${dir}/index.html` : 'index.html';
}

const ATTRS = /\b(href|src|action|srcset)="([^"]*)"/g;

/**
 * Rewrites site-relative links in our own HTML (attribute values are already escaped by the renderer):
 * pagination to static paths, and everything under `basePath` when the mirror lives in a sub-folder.
 * Absolute links (canonical, share links, other origins) are left alone.
 */
export function rewriteHtml(html: string, basePath: string): string {
  const fix = (u: string) =>
    u.startsWith('/') && !u.startsWith('//') ? basePath + staticUrl(u.replaceAll('&amp;', '&')).replaceAll('&', '&amp;') : u;
  return html.replace(ATTRS, (_m, attr: string, value: string) => {
    if (attr === 'srcset')
      return `srcset="${value
        .split(',')
        .map((part) => part.trim().replace(/^\S+/, (u) => fix(u)))
        .join(', ')}"`;
    return `${attr}="${fix(value)}"`;
  });
}

/** Site-relative URLs an HTML page links to (pages, assets, media, feeds). */
export function linksIn(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(ATTRS)) {
    const values = m[1] === 'srcset' ? m[2]!.split(',').map((p) => p.trim().split(/\s+/)[0]!) : [m[2]!];
    for (const v of values) {
      const u = v.replaceAll('&amp;', '&');
      if (u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/newsroom') && !u.startsWith('/api/') && !u.startsWith('/search'))
        out.push(u.split('#')[0]!);
    }
  }
  return out;
}
