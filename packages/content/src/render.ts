import { escapeHtml } from './escape.ts';
import { DocumentSchema, TEXT_FORMAT, embedProvider, type BlockNode, type Document, type InlineNodeType, type ListNodeType } from './nodes.ts';

/** What the renderer needs to know about images the body points at. */
export interface RenderMedia {
  src: string;
  srcset?: string;
  width: number | null;
  height: number | null;
  alt: string;
  credit: string | null;
}

export interface RenderOptions {
  /** Looks up an image by id; undefined means it is gone or withdrawn, and the figure is left out. */
  media?: (mediaId: string) => RenderMedia | undefined;
}

const FORMAT_TAGS: Array<[number, string]> = [
  [TEXT_FORMAT.code, 'code'],
  [TEXT_FORMAT.bold, 'strong'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.subscript, 'sub'],
  [TEXT_FORMAT.superscript, 'sup'],
];

function renderInline(nodes: readonly InlineNodeType[]): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      let text = escapeHtml(node.text);
      for (const [bit, tag] of FORMAT_TAGS) if (node.format & bit) text = `<${tag}>${text}</${tag}>`;
      html += text;
    } else if (node.type === 'linebreak') {
      html += '<br>';
    } else {
      const external = /^https?:/.test(node.url);
      const rel = external ? ' rel="noopener noreferrer nofollow"' : '';
      html += `<a href="${escapeHtml(node.url)}"${rel}>${renderInline(node.children)}</a>`;
    }
  }
  return html;
}

function renderList(list: ListNodeType): string {
  const tag = list.listType === 'number' ? 'ol' : 'ul';
  const items: string[] = [];
  for (const item of list.children) {
    const inline = item.children.filter((c): c is InlineNodeType => c.type !== 'list');
    const nested = item.children
      .filter((c): c is ListNodeType => c.type === 'list')
      .map(renderList)
      .join('');
    // The editor keeps a sublist in an item of its own after the item it belongs to. In HTML it goes inside
    // that item: an item of its own would show an empty bullet and take a number.
    if (inline.length === 0 && nested && items.length > 0) items[items.length - 1] += nested;
    else items.push(renderInline(inline) + nested);
  }
  return `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
}

function embedHtml(url: string): string {
  const provider = embedProvider(url);
  const parsed = new URL(url);
  if (provider === 'youtube') {
    const id = parsed.hostname === 'youtu.be' ? parsed.pathname.slice(1) : (parsed.searchParams.get('v') ?? '');
    if (/^[A-Za-z0-9_-]{6,20}$/.test(id)) {
      return `<figure class="embed embed-video"><iframe src="https://www.youtube-nocookie.com/embed/${id}" title="YouTube video" loading="lazy" allowfullscreen sandbox="allow-scripts allow-same-origin allow-presentation" referrerpolicy="strict-origin-when-cross-origin"></iframe></figure>`;
    }
  }
  if (provider === 'vimeo') {
    const id = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
    if (/^\d{3,15}$/.test(id)) {
      return `<figure class="embed embed-video"><iframe src="https://player.vimeo.com/video/${id}" title="Vimeo video" loading="lazy" allowfullscreen sandbox="allow-scripts allow-same-origin allow-presentation"></iframe></figure>`;
    }
  }
  // Social posts render as a plain link: no third-party script runs on our pages.
  return `<figure class="embed embed-link"><a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">View the post on ${escapeHtml(provider ?? 'the web')}</a></figure>`;
}

function renderBlock(node: BlockNode, options: RenderOptions): string {
  switch (node.type) {
    case 'paragraph': {
      const inner = renderInline(node.children);
      return inner ? `<p>${inner}</p>` : '';
    }
    case 'heading':
      return `<${node.tag}>${renderInline(node.children)}</${node.tag}>`;
    case 'quote':
      return `<blockquote>${renderInline(node.children)}</blockquote>`;
    case 'pullquote': {
      const cite = node.attribution ? `<figcaption>${escapeHtml(node.attribution)}</figcaption>` : '';
      return `<figure class="pullquote"><blockquote>${renderInline(node.children)}</blockquote>${cite}</figure>`;
    }
    case 'horizontalrule':
      return '<hr>';
    case 'list':
      return renderList(node);
    case 'embed':
      return embedHtml(node.url);
    case 'image': {
      const media = options.media?.(node.mediaId);
      if (!media) return '';
      const alt = node.altText || media.alt;
      const size = media.width && media.height ? ` width="${media.width}" height="${media.height}"` : '';
      const srcset = media.srcset ? ` srcset="${escapeHtml(media.srcset)}" sizes="(max-width: 760px) 100vw, 760px"` : '';
      const credit = node.credit || media.credit;
      const caption = [
        node.caption ? `<span class="caption">${escapeHtml(node.caption)}</span>` : '',
        credit ? ` <span class="credit">${escapeHtml(credit)}</span>` : '',
      ].join('');
      return `<figure class="image"><img src="${escapeHtml(media.src)}"${srcset} alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
    }
  }
}

/** Parses stored editor JSON, refusing node types and links we do not allow. */
export function parseDocument(json: unknown): Document {
  return DocumentSchema.parse(json);
}

/**
 * A stored body checked against the schema once, for a caller that reads it more than once (a page asks
 * for its images, then renders it): checking the article page's body was ~2% of its CPU each time. The
 * functions below take one wherever they take a body.
 */
export class CheckedBody {
  private constructor(readonly document: Document | null) {}

  static of(json: unknown): CheckedBody {
    const parsed = DocumentSchema.safeParse(json);
    return new CheckedBody(parsed.success ? parsed.data : null);
  }
}

/** The body as a checked document, or null when it is not one (it is then shown as empty). */
function checkedDocument(json: unknown): Document | null {
  return (json instanceof CheckedBody ? json : CheckedBody.of(json)).document;
}

/** Renders a body to HTML. Every text is escaped and every URL checked: the output is safe to insert. */
export function renderDocument(json: unknown, options: RenderOptions = {}): string {
  const document = checkedDocument(json);
  if (!document) return '';
  return document.root.children.map((node) => renderBlock(node, options)).join('\n');
}

function inlineText(nodes: readonly InlineNodeType[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'linebreak' ? '\n' : inlineText(n.children))).join('');
}

function listText(list: ListNodeType): string {
  return list.children
    .map((item) => item.children.map((c) => (c.type === 'list' ? listText(c) : inlineText([c]))).join(' '))
    .join('\n');
}

/** The body's words as plain text, for search, word counts and descriptions. */
export function documentText(json: unknown): string {
  const document = checkedDocument(json);
  if (!document) return '';
  return document.root.children
    .map((node) => {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
        case 'quote':
        case 'pullquote':
          return inlineText(node.children);
        case 'list':
          return listText(node);
        case 'image':
          return node.caption;
        default:
          return '';
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}

/** Minutes to read at 230 words a minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

/** The ids of every image a body shows, for rights checks and usage reports. */
export function documentMediaIds(json: unknown): string[] {
  const document = checkedDocument(json);
  if (!document) return [];
  return document.root.children.flatMap((n) => (n.type === 'image' ? [n.mediaId] : []));
}
