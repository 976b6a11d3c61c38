// Slugs are ASCII, lower-case, hyphen-separated: safe in any URL and stable when copied around.

const MAX_SLUG = 80;

/** Makes a URL slug from a headline or name: "Talks resume in Geneva!" → "talks-resume-in-geneva". */
export function slugify(input: string, maxLength = MAX_SLUG): string {
  const ascii = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii || 'untitled';
  const cut = ascii.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Whether a string is already a valid slug (what slugify would leave unchanged). */
export function isSlug(value: string): boolean {
  return value.length > 0 && value.length <= MAX_SLUG && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
