// @vitest-environment happy-dom
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { DocumentSchema } from '@newsroom/content';
import { $createParagraphNode, $getRoot, $getSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { EDITOR_NAMESPACE } from './extension.ts';
import { EDITOR_NODES } from './nodes.ts';
import { registerBodyNormalisation } from './normalise.ts';

/** Pastes `html` into an empty document the way the rich-text clipboard handler does. */
function paste(html: string) {
  const editor: LexicalEditor = createHeadlessEditor({
    namespace: EDITOR_NAMESPACE,
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
  registerBodyNormalisation(editor);
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().clear().append(paragraph);
      paragraph.select();
      // A template's content is inert (nothing in it loads), like the document DOMParser gives a browser.
      const template = document.createElement('template');
      template.innerHTML = `<div>${html}</div>`;
      const body = template.content.firstElementChild!;
      $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, body), $getSelection()!);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON() as unknown as {
    root: { children: Array<Record<string, unknown>> };
  };
}

const types = (json: ReturnType<typeof paste>) =>
  json.root.children.map((b) =>
    b.type === 'heading' ? String(b.tag) : b.type === 'list' ? `list:${String(b.listType)}` : String(b.type),
  );

describe('pasting HTML', () => {
  it('keeps a word-processor document within the allowed node types', () => {
    const json = paste(`
      <h1 style="font-family:Calibri">Big title</h1>
      <p class="MsoNormal" style="margin-left:36pt;text-align:center"><span style="font-size:14pt;color:red">Red <b>bold</b> <mark>marked</mark>	tabbed</span></p>
      <h5>Minor</h5><h6>Tiny</h6>
      <table><tr><td>cell one</td><td>cell two</td></tr><tr><td>cell three</td></tr></table>
      <p>Photo: <img src="https://example.com/a.jpg" alt="x"> after</p>
      <ul><li><input type="checkbox" checked> done</li></ul>
      <ol><li>first<ul><li>nested</li></ul></li></ol>
      <p><a href="javascript:alert(1)">bad link</a> and <a href="https://example.com/ok">good link</a> and <a href="#top">anchor</a></p>
      <blockquote>Quoted words</blockquote>
      <hr>
      <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>
      <iframe src="https://evil.example/embed"></iframe>
      <pre><code>const x = 1;</code></pre>
    `);
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    const kinds = types(json);
    expect(kinds).not.toContain('h1');
    expect(kinds).not.toContain('h5');
    expect(kinds).not.toContain('h6');
    expect(kinds[0]).toBe('h2');
    expect(kinds).toContain('h4');
    expect(kinds).toContain('list:bullet');
    expect(kinds).toContain('list:number');
    expect(kinds).toContain('quote');
    expect(kinds).toContain('horizontalrule');
    expect(kinds.filter((k) => k === 'embed')).toHaveLength(1);
    expect(kinds).not.toContain('image');

    const text = JSON.stringify(json);
    expect(text).toContain('cell one');
    expect(text).toContain('cell three');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('https://example.com/ok');
    expect(text).not.toContain('"url":"#top"');
    expect(text).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(text).not.toContain('evil.example');
    expect(text).not.toContain('color: red');
    expect(text).not.toContain('"type":"tab"');
  });

  it('reads back a pull quote as the public site renders it', () => {
    const json = paste(
      '<figure class="pullquote"><blockquote>We will rebuild.</blockquote><figcaption>Jane Doe, mayor</figcaption></figure><p>After</p>',
    );
    expect(DocumentSchema.safeParse(json).success).toBe(true);
    expect(json.root.children[0]).toMatchObject({ type: 'pullquote', attribution: 'Jane Doe, mayor' });
    expect(JSON.stringify(json.root.children[0])).toContain('We will rebuild.');
    expect(JSON.stringify(json.root.children[0])).not.toContain('"text":"Jane Doe, mayor"');
  });

  it('keeps bold and italic from Google Docs-style spans', () => {
    const json = paste(
      '<b style="font-weight:normal" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Strong</span> <span style="font-style:italic">slanted</span></p></b>',
    );
    expect(DocumentSchema.safeParse(json).success).toBe(true);
    const paragraph = json.root.children[0] as { children: Array<{ text: string; format: number }> };
    expect(paragraph.children.find((c) => c.text === 'Strong')?.format).toBe(1);
    expect(paragraph.children.find((c) => c.text === 'slanted')?.format).toBe(2);
  });
});
