import type { Document } from './nodes.ts';

/** Helpers to write bodies in code (demo content, tests) in the shape the editor saves. */

type Inline = { type: 'text'; text: string; format: number } | { type: 'link'; url: string; children: Inline[] };

export const text = (value: string, format = 0): Inline => ({ type: 'text', text: value, format });
export const link = (url: string, value: string): Inline => ({ type: 'link', url, children: [text(value)] });

const inlines = (content: string | Inline[]) => (typeof content === 'string' ? [text(content)] : content);

export const paragraph = (content: string | Inline[]) => ({ type: 'paragraph' as const, children: inlines(content) });
export const heading = (value: string, tag: 'h2' | 'h3' = 'h2') => ({ type: 'heading' as const, tag, children: [text(value)] });
export const quote = (value: string) => ({ type: 'quote' as const, children: [text(value)] });
export const pullquote = (value: string, attribution = '') => ({
  type: 'pullquote' as const,
  attribution,
  children: [text(value)],
});
export const bulletList = (items: string[]) => ({
  type: 'list' as const,
  listType: 'bullet' as const,
  children: items.map((item) => ({ type: 'listitem' as const, children: [text(item)] })),
});

export function documentOf(blocks: unknown[]): Document {
  return { root: { type: 'root', children: blocks } } as Document;
}
