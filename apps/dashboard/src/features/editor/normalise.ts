import { HorizontalRuleNode } from '@lexical/extension';
import { LinkNode } from '@lexical/link';
import { $isListNode, ListItemNode, ListNode, registerListStrictIndentTransform } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TEXT_FORMAT } from '@newsroom/content';
import {
  $createLineBreakNode,
  $createTextNode,
  $isElementNode,
  $isRootNode,
  ParagraphNode,
  TabNode,
  TextNode,
  mergeRegister,
  type DecoratorNode,
  type ElementNode,
  type Klass,
  type LexicalEditor,
} from 'lexical';
import { EmbedNode } from './nodes/embed-node.tsx';
import { ImageNode } from './nodes/image-node.tsx';
import { PullQuoteNode } from './nodes/pull-quote-node.ts';
import { isLinkUrlAllowed } from './urls.ts';

/** The text format bits the content schema and the public renderer understand. */
export const ALLOWED_TEXT_FORMAT = Object.values(TEXT_FORMAT).reduce((mask, bit) => mask | bit, 0);

/**
 * The deepest a list nests in the editor (a top-level list is 1). The schema and the renderer take any
 * depth; the editor stops here so a story's lists stay readable on a phone (Word allows nine levels).
 */
export const MAX_LIST_DEPTH = 4;

const HEADING_TAG_MAP = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' } as const;

/**
 * Block elements hold inline content only (the schema has no nesting besides lists): a block that ends
 * up inside one (a paste, a stored shadow-root quote) is replaced by its children after a line break.
 */
function $flattenBlockChildren(element: ElementNode): void {
  for (const child of element.getChildren()) {
    if (!$isElementNode(child) || child.isInline() || $isListNode(child)) continue;
    if (child.getPreviousSibling() !== null) child.insertBefore($createLineBreakNode());
    for (const grandchild of child.getChildren()) child.insertBefore(grandchild);
    child.remove();
  }
}

/** Alignment and indentation are not stored: clear them so the editor shows what will be published. */
function $clearBlockFormatting(element: ElementNode): void {
  if (element.getFormatType() !== '') element.setFormat('');
  if (element.getIndent() !== 0) element.setIndent(0);
}

function $normaliseBlock(element: ElementNode): void {
  $clearBlockFormatting(element);
  $flattenBlockChildren(element);
}

/** Images, embeds and rules are top-level blocks: one found inside another block is moved after it. */
function $liftToRoot(node: DecoratorNode<unknown>): void {
  const parent = node.getParent();
  if (parent === null || $isRootNode(parent)) return;
  const top = node.getTopLevelElement();
  if (top === null || top === node) return;
  top.insertAfter(node);
  if (
    $isElementNode(top) &&
    top.isEmpty() &&
    top.getTextContentSize() === 0 &&
    top.getParent()?.getChildrenSize() !== 1
  ) {
    top.remove();
  }
}

/**
 * Keeps the document within DocumentSchema ('@newsroom/content') whatever produced it — typing, a paste
 * from a word processor or a web page, or stored JSON: headings are h2–h4, text carries only the formats
 * the renderer knows and no inline styles, tabs become spaces, unsafe links are unwrapped, check lists
 * become bullet lists, lists nest at most MAX_LIST_DEPTH deep and only under an item, and images, embeds
 * and rules sit at the top level.
 */
export function registerBodyNormalisation(editor: LexicalEditor): () => void {
  const liftTransforms = (
    [HorizontalRuleNode, ImageNode, EmbedNode] as Array<Klass<DecoratorNode<unknown>>>
  ).map((klass) => editor.registerNodeTransform(klass, $liftToRoot));
  return mergeRegister(
    editor.registerNodeTransform(HeadingNode, (node) => {
      const tag = HEADING_TAG_MAP[node.getTag()];
      if (node.getTag() !== tag) node.setTag(tag);
      $normaliseBlock(node);
    }),
    editor.registerNodeTransform(ParagraphNode, $normaliseBlock),
    editor.registerNodeTransform(QuoteNode, (node) => {
      if (node.isShadowRoot()) node.setIsShadowRoot(false);
      $normaliseBlock(node);
    }),
    editor.registerNodeTransform(PullQuoteNode, $normaliseBlock),
    editor.registerNodeTransform(ListItemNode, (node) => {
      $flattenBlockChildren(node);
      // A pasted or stored list nested deeper than the toolbar can make comes up to the deepest level.
      if (!$isListNode(node.getFirstChild()) && node.getIndent() >= MAX_LIST_DEPTH) {
        node.setIndent(MAX_LIST_DEPTH - 1);
      }
    }),
    // A sublist always hangs under an item (no level skipped, none before the first item): HTML has no
    // other place for one, and the public page would show an empty bullet.
    registerListStrictIndentTransform(editor),
    editor.registerNodeTransform(ListNode, (node) => {
      if (node.getListType() === 'check') node.setListType('bullet');
    }),
    editor.registerNodeTransform(TextNode, (node) => {
      const format = node.getFormat();
      if ((format & ~ALLOWED_TEXT_FORMAT) !== 0) node.setFormat(format & ALLOWED_TEXT_FORMAT);
      if (node.getStyle() !== '') node.setStyle('');
    }),
    editor.registerNodeTransform(TabNode, (node) => {
      node.replace($createTextNode(' ').setFormat(node.getFormat() & ALLOWED_TEXT_FORMAT));
    }),
    editor.registerNodeTransform(LinkNode, (node) => {
      const url = node.getURL();
      if (isLinkUrlAllowed(url)) return;
      if (url !== url.trim() && isLinkUrlAllowed(url.trim())) {
        node.setURL(url.trim());
        return;
      }
      for (const child of node.getChildren()) node.insertBefore(child);
      node.remove();
    }),
    ...liftTransforms,
  );
}
