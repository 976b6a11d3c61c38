// Finds the forms a newsroom page offers, as a browser would submit them: the action, the method, and each
// field with its current value (inputs, textareas, the selected option of each select, and the name/value of
// the submit button pressed). The newsroom suite submits these with payloads in place of the values.
import { parse } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
}

export interface FoundForm {
  /** The page the form was found on. */
  page: string;
  action: string;
  method: string;
  /** Field name → values in document order (a multiple select or repeated names give several). */
  fields: [string, string][];
  /** Sent as multipart/form-data (an upload form; its file fields are not among `fields`). */
  multipart?: true;
}

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const text = (n: Node): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join(''));

function walk(n: Node, visit: (n: Node) => void) {
  visit(n);
  for (const c of n.childNodes ?? []) walk(c, visit);
}

/**
 * Every form on the page; a form with several named submit buttons is one form per button. A control belongs to
 * the form it sits in, or to the form its `form` attribute names (the editor's side panel and top bar).
 */
export function formsOf(html: string, page: string): FoundForm[] {
  const out: FoundForm[] = [];
  const doc = parse(html) as unknown as Node;
  const outside: Node[] = [];
  walk(doc, (n) => {
    if (attr(n, 'form') !== undefined) outside.push(n);
  });
  walk(doc, (form) => {
    if (form.tagName !== 'form') return;
    const id = attr(form, 'id');
    const fields: [string, string][] = [];
    // A submit button without a name sends no field of its own: null.
    const buttons: ([string, string] | null)[] = [];
    const owned = (n: Node) => {
      const owner = attr(n, 'form');
      return owner === undefined || owner === id;
    };
    const visit = (n: Node) => {
      const name = attr(n, 'name');
      const submit =
        (n.tagName === 'button' && (attr(n, 'type') ?? 'submit') === 'submit') || (n.tagName === 'input' && attr(n, 'type') === 'submit');
      if (!owned(n) || n.attrs?.some((a) => a.name === 'disabled')) return;
      if (!name) {
        if (submit) buttons.push(null);
        return;
      }
      if (n.tagName === 'input') {
        const type = (attr(n, 'type') ?? 'text').toLowerCase();
        if (type === 'checkbox' || type === 'radio') {
          if (n.attrs?.some((a) => a.name === 'checked')) fields.push([name, attr(n, 'value') ?? 'on']);
        } else if (type === 'submit') buttons.push([name, attr(n, 'value') ?? '']);
        else if (type !== 'button' && type !== 'file') fields.push([name, attr(n, 'value') ?? '']);
      } else if (n.tagName === 'textarea') fields.push([name, text(n).replace(/^\n/, '')]);
      else if (n.tagName === 'select') {
        const options: Node[] = [];
        walk(n, (o) => o.tagName === 'option' && options.push(o));
        const selected = options.filter((o) => o.attrs?.some((a) => a.name === 'selected'));
        const multiple = n.attrs?.some((a) => a.name === 'multiple');
        for (const o of selected.length || multiple ? selected : options.slice(0, 1)) fields.push([name, attr(o, 'value') ?? text(o)]);
      } else if (n.tagName === 'button' && (attr(n, 'type') ?? 'submit') === 'submit') buttons.push([name, attr(n, 'value') ?? '']);
    };
    walk(form, visit);
    if (id) for (const n of outside) if (attr(n, 'form') === id && !inside(form, n)) visit(n);
    const base = {
      page,
      action: attr(form, 'action') || page.split('?')[0]!,
      method: (attr(form, 'method') ?? 'get').toUpperCase(),
      fields,
      ...(attr(form, 'enctype') === 'multipart/form-data' ? { multipart: true as const } : {}),
    };
    if (buttons.length === 0 || buttons.includes(null)) out.push(base);
    for (const b of buttons) if (b) out.push({ ...base, fields: [...fields, b] });
  });
  return out;
}

function inside(root: Node, node: Node): boolean {
  let found = false;
  walk(root, (n) => {
    if (n === node) found = true;
  });
  return found;
}

/** The form's fields as a urlencoded body, with `changes` applied (a value of undefined leaves the field out). */
export function encodeForm(fields: [string, string][], changes: Record<string, string | string[] | undefined> = {}): string {
  const params = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, value] of fields) {
    if (name in changes) {
      if (seen.has(name)) continue;
      seen.add(name);
      const v = changes[name];
      for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) params.append(name, x);
    } else params.append(name, value);
  }
  for (const [name, v] of Object.entries(changes))
    if (!fields.some(([n]) => n === name)) for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) params.append(name, x);
  return params.toString();
}

/** A multipart form's body: the fields as `encodeForm` would send them, then one file part named `file`. */
export function encodeMultipart(
  fields: [string, string][],
  changes: Record<string, string | string[] | undefined>,
  file: { name: string; type: string; bytes: Buffer },
): { payload: Buffer; contentType: string } {
  const boundary = '----mastheadhostileform';
  const parts: Buffer[] = [];
  for (const [name, value] of new URLSearchParams(encodeForm(fields, changes)))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
