import type { z } from 'zod';
import { createDiagnostic, LOAD_CODES, type Diagnostic } from '../diagnostics/index.js';
import {
  CarePathSchema,
  CoalitionSchema,
  MenukaartSchema,
  PopulationSchema,
  RouteSchema,
  SourcesFileSchema,
  TargetsSchema,
  OverlaySchema,
  wrongKindParams,
  type CarePath,
  type Coalition,
  type Menukaart,
  type Population,
  type Route,
  type SourcesFile,
  type Targets,
  type Overlay,
} from '../model/index.js';

/** The schema of each kind of document; a file without `kind` is a care path. */
export const DOCUMENT_SCHEMAS = {
  carepath: CarePathSchema,
  menukaart: MenukaartSchema,
  population: PopulationSchema,
  coalition: CoalitionSchema,
  route: RouteSchema,
  sources: SourcesFileSchema,
  targets: TargetsSchema,
  overlay: OverlaySchema,
} as const;

/** A kind of document the loader reads. */
export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS;

/** The document type of each kind. */
export interface DocumentOfKind {
  carepath: CarePath;
  menukaart: Menukaart;
  population: Population;
  coalition: Coalition;
  route: Route;
  sources: SourcesFile;
  targets: Targets;
  overlay: Overlay;
}

/** A loaded document of any kind, tagged with its kind. */
export type AnyDocument = { [K in DocumentKind]: { kind: K; document: DocumentOfKind[K] } }[DocumentKind];

/** The document kinds, in the order messages list them. */
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[];

/** True for a known document kind. */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_SCHEMAS, value);
}

/** The kind a document declares in its `kind` field (a care path when absent), or a diagnostic. */
export function detectKind(data: unknown): { kind: DocumentKind } | { diagnostic: Diagnostic } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { kind: 'carepath' };
  const declared = (data as Record<string, unknown>).kind;
  if (declared === undefined) return { kind: 'carepath' };
  if (isDocumentKind(declared)) return { kind: declared };
  const expected = DOCUMENT_KINDS.map((k) => `"${k}"`).join(', ');
  return { diagnostic: createDiagnostic(LOAD_CODES.wrongKind, wrongKindParams(declared, expected), { pointer: '/kind' }) };
}

/**
 * The kind a document without `kind` plainly is when it is not the expected kind: only a care path
 * can leave `kind` out, and it is recognised by its "initial" step and its "steps" object.
 */
export function undeclaredKind(data: unknown): DocumentKind | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (record.kind !== undefined) return undefined;
  const steps = record.steps;
  const isPath = typeof record.initial === 'string' && steps !== null && typeof steps === 'object' && !Array.isArray(steps);
  return isPath ? 'carepath' : undefined;
}

/** The schema for a document kind. */
export function schemaOf(kind: DocumentKind): z.ZodType {
  return DOCUMENT_SCHEMAS[kind] as unknown as z.ZodType;
}
