// JSON-LD in a page: the one audited place where markup is not built by Preact's escaping renderer.
//
// Why this is safe. The content of <script type="application/ld+json"> is "script data": the HTML tokenizer
// reads it raw (no character references) and ends it only at "</script" (any case); "<!--" followed by
// "<script" would also change how it ends. Every one of those sequences starts with "<", and the serialized
// JSON below contains no "<" at all: JSON.stringify only produces "<", ">", "&", U+2028 and U+2029 inside
// string literals (never in JSON's own syntax), and there each one is replaced by its \uXXXX escape, which
// JSON.parse turns back into the very same character. So the text cannot close the element, open a comment
// or a new tag, and consumers reading it with JSON.parse get back exactly the data we were given. ">" and
// "&" are escaped too so the text is equally inert if it is ever moved into XHTML or an attribute, and
// U+2028/U+2029 so it stays valid for pre-ES2019 JavaScript parsers.
//
// Rules for changing this file: dangerouslySetInnerHTML appears here and nowhere else in the project, and
// only ever receives the output of serializeJsonLd.

/** A schema.org node as plain JSON data. */
export type JsonLdObject = { '@type': string; '@context'?: string } & Record<string, unknown>;

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** JSON text for a <script> element: JSON.stringify, then "<", ">", "&", U+2028, U+2029 as \u003c etc. */
export function serializeJsonLd(data: JsonLdObject): string {
  const json = JSON.stringify(data);
  if (typeof json !== 'string') throw new TypeError('JSON-LD must be a JSON object');
  return json.replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One <script type="application/ld+json"> block. */
export function JsonLd({ data }: { data: JsonLdObject }) {
  // Safe: serializeJsonLd's output contains no "<" (see the top of this file), so it cannot leave the element.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
