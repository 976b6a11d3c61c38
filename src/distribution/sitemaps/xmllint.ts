// Test helper: validates sitemap XML with xmllint against the shared schemas (../shared/schemas beside the
// repository, or MASTHEAD_SCHEMAS_DIR) plus our image-extension schema. CI installs xmllint (.ci/run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SHARED_SCHEMAS = process.env.MASTHEAD_SCHEMAS_DIR ?? path.resolve(HERE, '..', '..', '..', '..', 'shared', 'schemas');

export type SchemaName = 'sitemap' | 'siteindex' | 'news' | 'image';

let imageWrapper: string | undefined;

/** A urlset with the image extension: sitemaps.org's schema plus ours, joined by a wrapper written once per run. */
function imageSchema(): string {
  if (imageWrapper) return imageWrapper;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-xsd-'));
  const file = path.join(dir, 'sitemap-with-images.xsd');
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="${path.join(SHARED_SCHEMAS, 'sitemap.xsd')}"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-image/1.1" schemaLocation="${path.join(HERE, 'schemas', 'sitemap-image.xsd')}"/>
</xsd:schema>
`,
  );
  return (imageWrapper = file);
}

function schemaFile(name: SchemaName): string {
  switch (name) {
    case 'sitemap':
      return path.join(SHARED_SCHEMAS, 'sitemap.xsd');
    case 'siteindex':
      return path.join(SHARED_SCHEMAS, 'siteindex.xsd');
    case 'news':
      return path.join(SHARED_SCHEMAS, 'news-sitemap.xsd');
    case 'image':
      return imageSchema();
  }
}

/** Runs xmllint on `xml` (well-formedness only when no schema is named); throws with its report on failure. */
export function xmllint(xml: string, schema?: SchemaName): void {
  if (schema && !fs.existsSync(path.join(SHARED_SCHEMAS, 'sitemap.xsd')))
    throw new Error(`no shared XML schemas at ${SHARED_SCHEMAS} (set MASTHEAD_SCHEMAS_DIR)`);
  const args = ['--noout', ...(schema ? ['--schema', schemaFile(schema)] : []), '-'];
  const run = spawnSync('xmllint', args, { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (apt-get install -y libxml2-utils): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`xmllint ${schema ?? 'well-formedness'}: ${run.stderr}\n${xml.slice(0, 2000)}`);
}
