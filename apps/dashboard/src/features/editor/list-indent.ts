import { $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import {
  $findMatchingParent,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  INDENT_CONTENT_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';
import { MAX_LIST_DEPTH } from './normalise.ts';

/**
 * The list items the selection is in, in document order; none when any of it lies outside a list. The
 * items that only hold a sublist (Lexical's nesting) and the lists themselves are skipped.
 */
function $selectedListItems(): ListItemNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const items: ListItemNode[] = [];
  for (const node of selection.getNodes()) {
    const block = $findMatchingParent(node, (n) => $isElementNode(n) && !n.isInline());
    if ($isListNode(block) || ($isListItemNode(block) && $isListNode(block.getFirstChild()))) continue;
    if (!$isListItemNode(block)) return [];
    if (!items.some((item) => item.is(block))) items.push(block);
  }
  return items;
}

/**
 * Whether the selected list items can go a level deeper: not past MAX_LIST_DEPTH, and not from the first
 * item of a list, which has no item to nest under.
 */
export function $canIndentList(): boolean {
  const items = $selectedListItems();
  return (
    items.length > 0 &&
    items[0]!.getPreviousSibling() !== null &&
    items.every((item) => item.getIndent() + 1 < MAX_LIST_DEPTH)
  );
}

/** Whether any selected list item is nested, so can come up a level. */
export function $canOutdentList(): boolean {
  return $selectedListItems().some((item) => item.getIndent() > 0);
}

/**
 * Indenting is for lists only (paragraphs keep no indent), as deep as MAX_LIST_DEPTH. Tab and Shift+Tab
 * indent and outdent list items, and only when that does something: everywhere else the key is left to
 * the browser, so a keyboard user can always Tab out of the editor.
 */
export function registerListIndent(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(INDENT_CONTENT_COMMAND, () => !$canIndentList(), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(OUTDENT_CONTENT_COMMAND, () => !$canOutdentList(), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event) => {
        const outdent = event.shiftKey;
        if (!(outdent ? $canOutdentList() : $canIndentList())) return false;
        event.preventDefault();
        return editor.dispatchCommand(outdent ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
}
