// Tiny DOM helpers shared by the editor's browser modules.

export type Props = Record<string, string | number | boolean>;

/** Creates an element, assigns DOM properties and appends children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...kids);
  return node;
}

/** Only same-site paths and http(s) URLs are used as image previews. */
export function previewSrc(src: unknown): string {
  return typeof src === 'string' && /^(https?:\/\/|\/(?!\/))/i.test(src) ? src : '';
}

let seq = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  return `${prefix}-${++seq}`;
}
