// @vitest-environment happy-dom
import { $insertDataTransferForRichText, $insertGeneratedNodes } from '@lexical/clipboard';
import { buildEditorFromExtensions } from '@lexical/extension';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { DocumentSchema, renderDocument } from '@newsroom/content';
import { $createParagraphNode, $getRoot, $getSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { EDITOR_NAMESPACE, createBodyExtension } from './extension.ts';
import { EDITOR_NODES } from './nodes.ts';
import { MAX_LIST_DEPTH, registerBodyNormalisation } from './normalise.ts';
import { convertWordLists } from './paste.ts';

/**
 * Pastes `html` into an empty document the way the editor's clipboard handler does: Word's lists first
 * (convertWordLists), then Lexical's import.
 */
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
      convertWordLists(body);
      $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, body), $getSelection()!);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON() as unknown as {
    root: { children: Array<Record<string, unknown>> };
  };
}

type PastedJson = ReturnType<typeof paste>;

const types = (json: PastedJson) =>
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

/** What Word (Microsoft 365 on Windows) puts on the clipboard around the copied paragraphs. */
const word = (fragment: string) => `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15"><meta name=Originator content="Microsoft Word 15">
<style><!--
p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph
	{mso-style-priority:34; margin-top:0cm; margin-right:0cm; margin-bottom:8.0pt; margin-left:36.0pt;
	mso-add-space:auto; font-size:11.0pt; font-family:"Calibri",sans-serif;}
@list l0
	{mso-list-id:1372852387; mso-list-type:hybrid; mso-list-template-ids:-1470563962 134807553 134807555;}
@list l0:level1
	{mso-level-number-format:bullet; mso-level-text:\\F0B7; mso-level-tab-stop:none;
	mso-level-number-position:left; text-indent:-18.0pt; font-family:Symbol;}
--></style></head>
<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->${fragment}<!--EndFragment-->
</body></html>`;

const WORD_BULLETS =
  word(`<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=EN-US style='mso-ansi-language:EN-US'>Road closures on the A40<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=EN-US style='mso-ansi-language:EN-US'>Buses diverted via <b>King Street</b><o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=EN-US style='mso-ansi-language:EN-US'>Trains running normally<o:p></o:p></span></p>`);

const WORD_NUMBERS =
  word(`<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Polls open at 7am<o:p></o:p></p>

<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Counting starts at <i>10pm</i><o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>3.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Results expected by 4am<o:p></o:p></p>`);

const WORD_NESTED =
  word(`<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Council budget<o:p></o:p></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l2 level2 lfo3'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>a.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Schools<o:p></o:p></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l2 level2 lfo3'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>b.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Roads<o:p></o:p></p>

<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Housing<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l2 level2 lfo3'><![if !supportLists]><span
style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]>Social rents frozen<o:p></o:p></p>`);

const WORD_MIXED = word(`<p class=MsoNormal>The council met on Tuesday.<o:p></o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Rents frozen<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Parking charges up<o:p></o:p></p>

<p class=MsoNormal>Between the lists, a <b>bold</b> sentence.<o:p></o:p></p>

<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>A single numbered point<o:p></o:p></p>

<p class=MsoNormal>And the small print:<o:p></o:p></p>

<p class=MsoNormal style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l3 level1 lfo4'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>(a)<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>A list on Normal paragraphs<o:p></o:p></p>

<p class=MsoNormal style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l3 level1 lfo4'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>(b)<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Its second item<o:p></o:p></p>

<p class=MsoNormal>Closing words.<o:p></o:p></p>`);

/** A Word list paragraph reduced to what the conversion reads, for the edge cases. */
const wordItem = (level: number, glyph: string, words: string) =>
  `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level${level} lfo1'><span style='mso-list:Ignore'>${glyph}</span>${words}</p>`;

describe('pasting lists from Word', () => {
  it('makes bulleted paragraphs a bulleted list without the bullet glyphs', () => {
    const json = paste(WORD_BULLETS);
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(types(json)).toEqual(['list:bullet']);
    expect(renderDocument(json)).toBe(
      '<ul><li>Road closures on the A40</li><li>Buses diverted via <strong>King Street</strong></li><li>Trains running normally</li></ul>',
    );
  });

  it('makes numbered paragraphs a numbered list without the typed numbers', () => {
    const json = paste(WORD_NUMBERS);
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(renderDocument(json)).toBe(
      '<ol><li>Polls open at 7am</li><li>Counting starts at <em>10pm</em></li><li>Results expected by 4am</li></ol>',
    );
  });

  it('nests by level, each sublist numbered or bulleted by its own glyphs', () => {
    const json = paste(WORD_NESTED);
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(renderDocument(json)).toBe(
      '<ol><li>Council budget<ol><li>Schools</li><li>Roads</li></ol></li><li>Housing<ul><li>Social rents frozen</li></ul></li></ol>',
    );
  });

  it('keeps ordinary paragraphs between lists', () => {
    const json = paste(WORD_MIXED);
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(renderDocument(json).split('\n')).toEqual([
      '<p>The council met on Tuesday.</p>',
      '<ul><li>Rents frozen</li><li>Parking charges up</li></ul>',
      '<p>Between the lists, a <strong>bold</strong> sentence.</p>',
      '<ol><li>A single numbered point</li></ol>',
      '<p>And the small print:</p>',
      '<ol><li>A list on Normal paragraphs</li><li>Its second item</li></ol>',
      '<p>Closing words.</p>',
    ]);
  });

  it('nests a skipped level one deep, and nothing deeper than the editor allows', () => {
    const json = paste(
      [
        wordItem(1, '·', 'one'),
        wordItem(3, '§', 'three, under one'),
        wordItem(1, '·', 'back'),
        ...[2, 3, 4, 5, 6].map((level) => wordItem(level, 'o', `level ${level}`)),
      ].join('\n'),
    );
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(MAX_LIST_DEPTH).toBe(4);
    expect(renderDocument(json)).toBe(
      '<ul><li>one<ul><li>three, under one</li></ul></li><li>back<ul><li>level 2<ul><li>level 3<ul><li>level 4</li><li>level 5</li><li>level 6</li></ul></li></ul></li></ul></li></ul>',
    );
  });

  it('starts a new list where bullets turn to numbers', () => {
    const json = paste(
      [wordItem(1, '·', 'bullet'), wordItem(1, 'i.', 'number'), wordItem(2, '-', 'nested')].join(''),
    );
    expect(renderDocument(json).split('\n')).toEqual([
      '<ul><li>bullet</li></ul>',
      '<ol><li>number<ul><li>nested</li></ul></li></ol>',
    ]);
  });

  it('goes through the editor’s own clipboard handler', () => {
    const editor = buildEditorFromExtensions(
      createBodyExtension({
        initialJson: null,
        editable: true,
        report: { dropped: 0 },
        onError: (error) => {
          throw error;
        },
      }),
    );
    const pasteHtml = (html: string) =>
      editor.update(
        () => {
          const paragraph = $createParagraphNode();
          $getRoot().append(paragraph);
          paragraph.select();
          const data = { getData: (type: string) => (type === 'text/html' ? html : '') } as DataTransfer;
          $insertDataTransferForRichText(data, $getSelection()!, editor);
        },
        { discrete: true },
      );
    pasteHtml(WORD_NUMBERS);
    pasteHtml('<p>Not from Word</p>');
    const html = renderDocument(editor.getEditorState().toJSON());
    expect(html).toContain('<ol><li>Polls open at 7am</li>');
    expect(html).toContain('<p>Not from Word</p>');
  });
});

describe('pasting lists from elsewhere', () => {
  it('keeps Google Docs lists and their nesting', () => {
    const json = paste(
      `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5c1b7a2e-7fff-3d1e-9b2a-1f0c2d3e4f5a"><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Flood warnings in place</span></p></li><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:circle;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="2"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">River Severn</span></p></li></ul><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Schools closed</span></p></li></ul><br><ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:decimal;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Check the council website</span></p></li></ol></b>`,
    );
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    const html = renderDocument(json);
    expect(html).toContain(
      '<ul><li>Flood warnings in place<ul><li><strong>River Severn</strong></li></ul></li><li>Schools closed</li></ul>',
    );
    expect(html).toContain('<ol><li>Check the council website</li></ol>');
  });

  it('brings lists nested deeper than the editor allows up to its deepest level', () => {
    const json = paste(
      '<ul><li>1<ul><li>2<ul><li>3<ul><li>4<ul><li>5<ul><li>6</li></ul></li></ul></li></ul></li></ul></li></ul></li></ul>',
    );
    expect(DocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(renderDocument(json)).toBe(
      '<ul><li>1<ul><li>2<ul><li>3<ul><li>4</li><li>5</li><li>6</li></ul></li></ul></li></ul></li></ul>',
    );
  });
});
