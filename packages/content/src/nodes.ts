import { z } from 'zod';
import { isSafeHref } from '@newsroom/domain';

/**
 * The node types the editor may store, in the shape Lexical serialises them. Anything else is refused on
 * save, so the renderer never meets a node it does not know.
 */

export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64 } as const;

export const EMBED_HOSTS: Record<string, readonly string[]> = {
  youtube: ['www.youtube.com', 'youtube.com', 'youtu.be', 'www.youtube-nocookie.com'],
  vimeo: ['vimeo.com', 'player.vimeo.com'],
  x: ['x.com', 'twitter.com'],
  instagram: ['www.instagram.com', 'instagram.com'],
  bluesky: ['bsky.app'],
};

export function embedProvider(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  for (const [provider, hosts] of Object.entries(EMBED_HOSTS)) if (hosts.includes(parsed.hostname)) return provider;
  return null;
}

const TextNode = z.object({
  type: z.literal('text'),
  text: z.string().max(100_000),
  format: z.number().int().min(0).max(127).default(0),
});
const LineBreakNode = z.object({ type: z.literal('linebreak') });

export const LinkUrlSchema = z
  .string()
  .max(2000)
  .refine((v) => isSafeHref(v, { mailto: true }), 'links may only be http(s), mailto: or a path on this site');

const LinkNode = z.object({
  type: z.enum(['link', 'autolink']),
  url: LinkUrlSchema,
  get children(): z.ZodArray<typeof InlineNode> {
    return z.array(InlineNode);
  },
});
const InlineNode = z.union([TextNode, LineBreakNode, LinkNode]);
export type InlineNodeType = z.infer<typeof InlineNode>;

const ListItemNode = z.object({
  type: z.literal('listitem'),
  get children(): z.ZodArray<z.ZodUnion<[typeof InlineNode, typeof ListNode]>> {
    return z.array(z.union([InlineNode, ListNode]));
  },
});
const ListNode = z.object({
  type: z.literal('list'),
  listType: z.enum(['bullet', 'number']),
  get children(): z.ZodArray<typeof ListItemNode> {
    return z.array(ListItemNode);
  },
});
export type ListNodeType = z.infer<typeof ListNode>;

export const BlockNodeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: z.array(InlineNode) }),
  z.object({ type: z.literal('heading'), tag: z.enum(['h2', 'h3', 'h4']), children: z.array(InlineNode) }),
  z.object({ type: z.literal('quote'), children: z.array(InlineNode) }),
  z.object({
    type: z.literal('pullquote'),
    children: z.array(InlineNode),
    attribution: z.string().max(300).default(''),
  }),
  z.object({ type: z.literal('horizontalrule') }),
  z.object({
    type: z.literal('image'),
    mediaId: z.uuid(),
    altText: z.string().max(1000).default(''),
    caption: z.string().max(2000).default(''),
    credit: z.string().max(300).default(''),
  }),
  z.object({
    type: z.literal('embed'),
    url: z
      .string()
      .max(2000)
      .refine((v) => embedProvider(v) !== null, 'embeds must be https links to an allowed host'),
  }),
  ListNode,
]);
export type BlockNode = z.infer<typeof BlockNodeSchema>;

export const DocumentSchema = z.object({
  root: z.object({ type: z.literal('root'), children: z.array(BlockNodeSchema).max(5000) }),
});
export type Document = z.infer<typeof DocumentSchema>;
