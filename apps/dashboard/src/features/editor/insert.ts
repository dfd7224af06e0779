import { $isListNode } from '@lexical/list';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';

function $isAtStartOf(selection: RangeSelection, block: ElementNode): boolean {
  const { anchor } = selection;
  if (anchor.offset !== 0) return false;
  const node = anchor.getNode();
  return node.is(block) || node.is(block.getFirstDescendant());
}

/**
 * Inserts a top-level block (image, embed, rule) at the caret without leaving empty paragraphs behind:
 * into an empty paragraph's place (the paragraph stays after it, for the next words), before the block
 * when the caret is at its start, and otherwise splitting the block at the caret.
 */
export function $insertBlock(node: LexicalNode): void {
  const selection = $getSelection();
  if ($isRangeSelection(selection) && selection.isCollapsed()) {
    const anchorNode = selection.anchor.getNode();
    const top = $isRootNode(anchorNode) ? null : anchorNode.getTopLevelElement();
    if (
      $isElementNode(top) &&
      !$isListNode(top) &&
      (($isParagraphNode(top) && top.isEmpty()) || $isAtStartOf(selection, top))
    ) {
      top.insertBefore(node);
      return;
    }
  }
  $insertNodeToNearestRoot(node);
}
