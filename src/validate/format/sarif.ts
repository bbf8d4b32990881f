import { argumentError, textOf, type Diagnostic, type Lang } from '../../diagnostics/index.js';
import { RULES } from '../rules/index.js';

/** Options of the SARIF formatter. */
export interface SarifFormatOptions {
  lang?: Lang;
  /** The tool version written to `tool.driver.version`. */
  version?: string;
  /** Prefix for the rule docs links (`helpUri`), an absolute URI such as the repository's web URL; without it no `helpUri` is written. */
  docsBaseUri?: string;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * A SARIF 2.1.0 log of the diagnostics, so that CI systems show them on the file: one run whose
 * driver lists every rule (id, description, helpUri, default level) and one result per diagnostic.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifFormatOptions = {}): string {
  if (!Array.isArray(diagnostics as unknown)) throw argumentError('formatSarif', 'diagnostics', { en: 'a list of diagnostics', nl: 'een lijst diagnostieken' }, diagnostics);
  const lang = options.lang ?? 'en';
  const base = options.docsBaseUri ?? '';
  const rules: Record<string, unknown>[] = RULES.map((rule) => ({
    id: rule.meta.code,
    name: rule.meta.code,
    shortDescription: { text: rule.meta.docs.description },
    // SARIF wants an absolute helpUri: without a base there is none, and the page is named in properties
    ...(base !== '' ? { helpUri: base + rule.meta.docs.url } : {}),
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    properties: { category: rule.meta.category, docs: rule.meta.docs.url },
  }));
  const index = new Map<string, number>(rules.map((r, i) => [r.id as string, i]));
  // codes outside the rules (schema and load problems, internal errors) get a descriptor too
  for (const d of diagnostics) {
    if (index.has(d.code)) continue;
    index.set(d.code, rules.length);
    rules.push({ id: d.code, name: d.code, shortDescription: { text: d.code }, defaultConfiguration: { level: LEVEL[d.severity] } });
  }
  const results = diagnostics.map((d) => {
    const { message, hint } = textOf(d, lang);
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: LEVEL[d.severity],
      message: { text: hint ? `${message} ${hint}` : message },
      properties: { pointer: d.pointer, params: d.params },
    };
    if (d.file !== undefined) {
      const physical: Record<string, unknown> = { artifactLocation: { uri: toUri(d.file) } };
      if (d.line !== undefined) physical.region = { startLine: d.line, startColumn: d.column ?? 1 };
      result.locations = [{ physicalLocation: physical, logicalLocations: [{ fullyQualifiedName: d.pointer || '/' }] }];
    } else {
      result.locations = [{ logicalLocations: [{ fullyQualifiedName: d.pointer || '/' }] }];
    }
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'zorgpaden', version: options.version ?? '0.0.0', informationUri: 'https://www.npmjs.com/package/zorgpaden', rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

// SARIF wants URIs: forward slashes, percent-encoded, relative paths kept relative
function toUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  return /^[A-Za-z]:\//.test(slashed) ? `file:///${encoded.replace('%3A', ':')}` : slashed.startsWith('/') ? `file://${encoded}` : encoded;
}
