import { dirname, join } from './file-names.js';

/** Where the files a document names (includes, menukaart, adapts) may lie. */
export interface RootOptions {
  /**
   * The folder every file a document names must lie in. By default the current folder when the
   * file you load lies inside it, else the package the file belongs to (the nearest folder above it
   * with a package.json), else the folder of that file. A server that loads uploads sets it to the
   * upload's own folder.
   */
  root?: string;
  /** Reads files a document names wherever they are. Only for documents you trust. */
  allowOutsideRoot?: boolean;
}

/** The extensions of the files a document may name: JSON and YAML documents, nothing else. */
export const DOCUMENT_EXTENSIONS = ['.json', '.yaml', '.yml'] as const;

/** True when the name ends in a document extension. */
export function hasDocumentExtension(file: string): boolean {
  const lower = file.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The name to show for a file a document names: as written when absolute, else beside the document. */
export function namedDisplay(referrer: string | undefined, named: string): string {
  return named.startsWith('/') ? named : join(dirname(referrer ?? '.'), named);
}
