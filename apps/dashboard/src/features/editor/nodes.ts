import { HorizontalRuleNode } from '@lexical/extension';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { EmbedNode } from './nodes/embed-node.tsx';
import { ImageNode } from './nodes/image-node.tsx';
import { PullQuoteNode } from './nodes/pull-quote-node.ts';

export { $createEmbedNode, $isEmbedNode, EmbedNode } from './nodes/embed-node.tsx';
export {
  $createImageNode,
  $isImageNode,
  IMAGE_LIMITS,
  ImageNode,
  type ImagePayload,
} from './nodes/image-node.tsx';
export {
  $createPullQuoteNode,
  $isPullQuoteNode,
  MAX_ATTRIBUTION,
  PullQuoteNode,
} from './nodes/pull-quote-node.ts';

/**
 * Every node the article body editor registers, besides Lexical's core ones (root, paragraph, text,
 * linebreak, tab). Together they serialise to exactly the types DocumentSchema in '@newsroom/content'
 * accepts; the tab node, h1/h5/h6 headings and the rest are normalised away by registerBodyNormalisation.
 */
export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  HorizontalRuleNode,
  PullQuoteNode,
  ImageNode,
  EmbedNode,
];
