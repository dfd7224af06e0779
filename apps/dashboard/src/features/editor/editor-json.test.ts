import { $createHorizontalRuleNode } from '@lexical/extension';
import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { DocumentSchema } from '@newsroom/content';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  IS_BOLD,
  IS_HIGHLIGHT,
  IS_ITALIC,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createEmbedNode, $createImageNode, $createPullQuoteNode, EDITOR_NODES } from './nodes.ts';
import { $insertBlock } from './insert.ts';
import { $loadDocument } from './load.ts';
import { registerBodyNormalisation } from './normalise.ts';
import { isEmbedUrlAllowed, isLinkUrlAllowed, normaliseEmbedUrl } from './urls.ts';

const MEDIA_ID = '6f1c2a1e-8d3b-4c59-9a57-2b0d1f4e7c10';

function newEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
  registerBodyNormalisation(editor);
  return editor;
}

function build(editor: LexicalEditor, fill: () => void) {
  editor.update(fill, { discrete: true });
  return editor.getEditorState().toJSON();
}

type Block = { type: string; [key: string]: unknown };
const blocks = (json: unknown) => (json as { root: { children: Block[] } }).root.children;

describe('article body JSON', () => {
  it('serialises every node type the editor can make into a valid document', () => {
    const editor = newEditor();
    const json = build(editor, () => {
      const root = $getRoot();
      root.clear();

      const paragraph = $createParagraphNode();
      const link = $createLinkNode('https://example.com/story');
      link.append($createTextNode('a link'));
      const mail = $createLinkNode('mailto:news@example.com');
      mail.append($createTextNode('email us'));
      const local = $createLinkNode('/politics/election');
      local.append($createTextNode('earlier coverage'));
      paragraph.append(
        $createTextNode('Plain, ').setFormat(IS_BOLD | IS_ITALIC),
        link,
        $createLineBreakNode(),
        mail,
        $createTextNode(' and '),
        local,
      );

      const nested = $createListNode('number');
      nested.append($createListItemNode().append($createTextNode('nested item')));
      const bullets = $createListNode('bullet');
      bullets.append(
        $createListItemNode().append($createTextNode('first')),
        $createListItemNode().append(nested),
      );

      root.append(
        $createHeadingNode('h2').append($createTextNode('Heading two')),
        $createHeadingNode('h3').append($createTextNode('Heading three')),
        $createHeadingNode('h4').append($createTextNode('Heading four')),
        paragraph,
        $createQuoteNode().append($createTextNode('A block quote')),
        $createPullQuoteNode('Jane Doe, mayor').append($createTextNode('A pull quote')),
        $createHorizontalRuleNode(),
        $createImageNode({
          mediaId: MEDIA_ID,
          altText: 'A harbour at dawn',
          caption: 'The harbour',
          credit: 'Photo: A. Smith',
        }),
        $createEmbedNode('https://www.youtube.com/watch?v=dQw4w9WgXcQ'),
        bullets,
        $createListNode('number').append($createListItemNode().append($createTextNode('one'))),
      );
    });

    const parsed = DocumentSchema.safeParse(json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success).toBe(true);

    const types = blocks(json).map((b) => b.type);
    expect(types).toEqual([
      'heading',
      'heading',
      'heading',
      'paragraph',
      'quote',
      'pullquote',
      'horizontalrule',
      'image',
      'embed',
      'list',
      'list',
    ]);
    expect(blocks(json)[5]).toMatchObject({ type: 'pullquote', attribution: 'Jane Doe, mayor' });
    expect(blocks(json)[7]).toMatchObject({
      type: 'image',
      mediaId: MEDIA_ID,
      altText: 'A harbour at dawn',
      caption: 'The harbour',
      credit: 'Photo: A. Smith',
    });
    expect(blocks(json)[8]).toMatchObject({
      type: 'embed',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
    expect(blocks(json)[9]).toMatchObject({ type: 'list', listType: 'bullet' });
    expect(blocks(json)[10]).toMatchObject({ type: 'list', listType: 'number' });
  });

  it('round-trips: stored JSON loads back into the same document', () => {
    const first = newEditor();
    const json = build(first, () => {
      $getRoot()
        .clear()
        .append(
          $createPullQuoteNode('Someone').append($createTextNode('Quoted')),
          $createImageNode({ mediaId: MEDIA_ID, caption: 'Cap' }),
          $createEmbedNode('https://bsky.app/profile/x/post/1'),
          $createHorizontalRuleNode(),
        );
    });
    const second = newEditor();
    const again = build(second, () => {
      $getRoot().clear();
      expect($loadDocument(JSON.parse(JSON.stringify(json)))).toEqual({ dropped: 0 });
    });
    expect(DocumentSchema.parse(again)).toEqual(DocumentSchema.parse(json));
  });

  it('leaves out stored blocks it cannot read instead of failing', () => {
    const editor = newEditor();
    const json = build(editor, () => {
      $getRoot().clear();
      const report = $loadDocument({
        root: {
          type: 'root',
          children: [
            { type: 'table', children: [] },
            { type: 'paragraph', children: [{ type: 'text', text: 'kept' }] },
          ],
        },
      });
      expect(report.dropped).toBe(1);
    });
    expect(blocks(json).map((b) => b.type)).toEqual(['paragraph']);
    expect(DocumentSchema.safeParse(json).success).toBe(true);
  });

  it('refuses a javascript: link', () => {
    const json = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                url: 'javascript:alert(1)',
                children: [{ type: 'text', text: 'click', format: 0 }],
              },
            ],
          },
        ],
      },
    };
    expect(DocumentSchema.safeParse(json).success).toBe(false);
    expect(isLinkUrlAllowed('javascript:alert(1)')).toBe(false);
    expect(isLinkUrlAllowed('https://example.com')).toBe(true);
    expect(isLinkUrlAllowed('/local/path')).toBe(true);
    expect(isLinkUrlAllowed('//evil.example')).toBe(false);
  });

  it('normalises what the schema would refuse', () => {
    const editor = newEditor();
    const json = build(editor, () => {
      const bad = $createLinkNode('javascript:alert(1)');
      bad.append($createTextNode('unsafe'));
      const paragraph = $createParagraphNode().append(
        $createTextNode('marked').setFormat(IS_HIGHLIGHT | IS_BOLD),
        $createTabNode(),
        bad,
      );
      paragraph.setFormat('center');
      const check = $createListNode('check').append($createListItemNode().append($createTextNode('todo')));
      const withRule = $createParagraphNode().append($createTextNode('before'), $createHorizontalRuleNode());
      $getRoot()
        .clear()
        .append(
          $createHeadingNode('h1').append($createTextNode('Title')),
          $createHeadingNode('h5').append($createTextNode('Small')),
          $createHeadingNode('h6').append($createTextNode('Smaller')),
          paragraph,
          check,
          withRule,
        );
    });
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    const out = blocks(json);
    expect(out.slice(0, 3).map((b) => b.tag)).toEqual(['h2', 'h4', 'h4']);
    const paragraph = out[3] as unknown as { children: Block[] };
    expect(paragraph).toMatchObject({ format: '' });
    expect(paragraph.children).toMatchObject([
      { type: 'text', text: 'marked', format: IS_BOLD },
      { type: 'text', text: ' unsafe', format: 0 },
    ]);
    expect(out[4]).toMatchObject({ type: 'list', listType: 'bullet' });
    expect(out.slice(5).map((b) => b.type)).toEqual(['paragraph', 'horizontalrule']);
  });
});

describe('inserting blocks', () => {
  it('splits at the caret and leaves no empty paragraphs between successive blocks', () => {
    const editor = newEditor();
    const json = build(editor, () => {
      const text = $createTextNode('abcdef');
      $getRoot().clear().append($createParagraphNode().append(text));
      text.select(3, 3);
      $insertBlock($createHorizontalRuleNode());
      $insertBlock($createImageNode({ mediaId: MEDIA_ID }));
      $insertBlock($createEmbedNode('https://vimeo.com/123456'));
    });
    expect(
      blocks(json).map((b) =>
        b.type === 'paragraph' ? JSON.stringify((b.children as Block[]).map((c) => c.text)) : b.type,
      ),
    ).toEqual(['["abc"]', 'horizontalrule', 'image', 'embed', '["def"]']);
  });

  it('puts a block in place of an empty paragraph, keeping the paragraph after it', () => {
    const editor = newEditor();
    const json = build(editor, () => {
      const empty = $createParagraphNode();
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('intro')), empty);
      empty.select();
      $insertBlock($createHorizontalRuleNode());
    });
    expect(blocks(json).map((b) => b.type)).toEqual(['paragraph', 'horizontalrule', 'paragraph']);
  });
});

describe('embed URLs', () => {
  it('allows https links to the listed hosts only', () => {
    expect(isEmbedUrlAllowed('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(true);
    expect(isEmbedUrlAllowed('https://youtu.be/dQw4w9WgXcQ')).toBe(true);
    expect(isEmbedUrlAllowed('https://vimeo.com/123456')).toBe(true);
    expect(isEmbedUrlAllowed('https://x.com/user/status/1')).toBe(true);
    expect(isEmbedUrlAllowed('https://www.instagram.com/p/abc/')).toBe(true);
    expect(isEmbedUrlAllowed('https://bsky.app/profile/a/post/b')).toBe(true);
    expect(isEmbedUrlAllowed('http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(false);
    expect(isEmbedUrlAllowed('https://youtube.com.evil.example/watch')).toBe(false);
    expect(isEmbedUrlAllowed('https://evil.example/?https://youtube.com')).toBe(false);
    expect(isEmbedUrlAllowed('not a url')).toBe(false);
  });

  it('turns player URLs into the page URLs the renderer understands', () => {
    expect(normaliseEmbedUrl('https://www.youtube.com/embed/dQw4w9WgXcQ')).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
    expect(normaliseEmbedUrl('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
    expect(normaliseEmbedUrl('https://player.vimeo.com/video/123456')).toBe('https://vimeo.com/123456');
    expect(normaliseEmbedUrl(' https://x.com/a/status/1 ')).toBe('https://x.com/a/status/1');
  });
});
