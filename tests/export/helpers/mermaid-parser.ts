// Import only from test files that run in `// @vitest-environment happy-dom`: Mermaid needs a DOM.
import mermaid from 'mermaid';
import { unescapeLabel } from '../../../src/export/index.js';

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

/** What Mermaid's own parser saw in a diagram: ids, decoded labels and edges. */
export interface ParsedDiagram {
  type: string;
  nodes: { id: string; label: string; parent?: string }[];
  groups: { id: string; label: string }[];
  edges: { from: string; to: string; label: string }[];
}

/** Parses with Mermaid and returns its diagram type; rejects with Mermaid's error. */
export async function parseType(text: string): Promise<string> {
  const result = await mermaid.parse(text);
  return (result as { diagramType: string }).diagramType;
}

/** Parses a state diagram or flowchart and reads the structure back from Mermaid's database. */
export async function parseStructure(text: string): Promise<ParsedDiagram> {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as any;
  if (typeof db.getData === 'function' && diagram.type.startsWith('state')) {
    const { nodes, edges } = db.getData();
    return {
      type: diagram.type,
      nodes: nodes.filter((n: any) => !n.isGroup).map((n: any) => ({ id: n.id, label: unescapeLabel(String(n.label ?? '')), ...(n.parentId ? { parent: n.parentId } : {}) })),
      groups: nodes.filter((n: any) => n.isGroup).map((n: any) => ({ id: n.id, label: unescapeLabel(String(n.label ?? '')) })),
      edges: edges.map((e: any) => ({ from: e.start, to: e.end, label: unescapeLabel(String(e.label ?? '')) })),
    };
  }
  if (typeof db.getVertices === 'function') {
    const vertices = [...db.getVertices().values()] as any[];
    const subgraphs = db.getSubGraphs() as any[];
    const parent = new Map<string, string>();
    for (const sg of subgraphs) for (const node of sg.nodes as string[]) parent.set(node, sg.id);
    return {
      type: diagram.type,
      nodes: vertices.map((v) => ({ id: v.id, label: unescapeLabel(String(v.text ?? '')), ...(parent.has(v.id) ? { parent: parent.get(v.id) as string } : {}) })),
      groups: subgraphs.map((sg) => ({ id: sg.id, label: unescapeLabel(String(sg.title ?? '')) })),
      edges: (db.getEdges() as any[]).map((e) => ({ from: e.start, to: e.end, label: unescapeLabel(String(e.text ?? '')) })),
    };
  }
  throw new Error(`No structure reader for diagram type ${diagram.type}`);
}

/** The database of any diagram, for the diagram types without a structure reader above. */
export async function parseDb(text: string): Promise<any> {
  return (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
}
