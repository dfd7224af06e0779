import { $createParagraphNode, $getRoot, $parseSerializedNode, type SerializedLexicalNode } from 'lexical';

export interface LoadReport {
  /** Stored blocks that could not be read (an unknown node type, say) and were left out. */
  dropped: number;
}

function storedBlocks(json: unknown): unknown[] {
  if (typeof json !== 'object' || json === null) return [];
  const root = (json as { root?: unknown }).root;
  if (typeof root !== 'object' || root === null) return [];
  const children = (root as { children?: unknown }).children;
  return Array.isArray(children) ? children : [];
}

/**
 * Fills the (empty) root from stored editor JSON, block by block, so one block the editor cannot read
 * does not lose the rest of the article. Call inside an editor update.
 */
export function $loadDocument(json: unknown): LoadReport {
  const root = $getRoot();
  let dropped = 0;
  for (const block of storedBlocks(json)) {
    try {
      root.append($parseSerializedNode(block as SerializedLexicalNode));
    } catch {
      dropped += 1;
    }
  }
  if (root.isEmpty()) root.append($createParagraphNode());
  return { dropped };
}
