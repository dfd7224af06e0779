// @vitest-environment happy-dom
import { buildEditorFromExtensions } from '@lexical/extension';
import { DocumentSchema, renderDocument } from '@newsroom/content';
import {
  $getRoot,
  INDENT_CONTENT_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { createBodyExtension } from './extension.ts';
import { $canIndentList, $canOutdentList } from './list-indent.ts';

const text = (value: string) => ({ type: 'text', text: value, format: 0 });
const item = (value: string) => ({ type: 'listitem', children: [text(value)] });
const sublist = (items: unknown[]) => ({
  type: 'listitem',
  children: [{ type: 'list', listType: 'bullet', children: items }],
});
const bullets = (items: unknown[]) => ({ type: 'list', listType: 'bullet', children: items });
const paragraph = (value: string) => ({ type: 'paragraph', children: [text(value)] });

/** The whole article body editor, as the dashboard builds it, on a stored document. */
function editorWith(blocks: unknown[]): LexicalEditor {
  const editor = buildEditorFromExtensions(
    createBodyExtension({
      initialJson: { root: { type: 'root', children: blocks } },
      editable: true,
      report: { dropped: 0 },
      onError: (error) => {
        throw error;
      },
    }),
  );
  // The stored document is loaded in the first update: let it finish.
  editor.update(() => {}, { discrete: true });
  return editor;
}

const html = (editor: LexicalEditor) => renderDocument(editor.getEditorState().toJSON());

/** Puts the caret in the text `from` or selects from it to the end of `to`. */
function select(editor: LexicalEditor, from: string, to = from) {
  editor.update(
    () => {
      const nodes = $getRoot().getAllTextNodes();
      const start = nodes.find((n) => n.getTextContent() === from)!;
      const end = nodes.find((n) => n.getTextContent() === to)!;
      start.select(1, 1);
      if (to !== from) end.select(1, end.getTextContentSize()).anchor.set(start.getKey(), 1, 'text');
    },
    { discrete: true },
  );
}

function pressTab(editor: LexicalEditor, shiftKey = false) {
  const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });
  let handled = false;
  editor.update(
    () => {
      handled = editor.dispatchCommand(KEY_TAB_COMMAND, event);
    },
    { discrete: true },
  );
  return { handled, prevented: event.defaultPrevented };
}

function dispatch(editor: LexicalEditor, command: LexicalCommand<void>) {
  editor.update(() => editor.dispatchCommand(command, undefined), { discrete: true });
}

const can = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => ({ indent: $canIndentList(), outdent: $canOutdentList() }));

describe('indenting list items', () => {
  it('nests an item under the one before with Tab, and brings it back with Shift+Tab', () => {
    const editor = editorWith([bullets([item('one'), item('two'), item('three')])]);
    select(editor, 'two');
    expect(can(editor)).toEqual({ indent: true, outdent: false });

    expect(pressTab(editor)).toEqual({ handled: true, prevented: true });
    expect(html(editor)).toBe('<ul><li>one<ul><li>two</li></ul></li><li>three</li></ul>');
    expect(can(editor)).toEqual({ indent: false, outdent: true });

    expect(pressTab(editor, true)).toEqual({ handled: true, prevented: true });
    expect(html(editor)).toBe('<ul><li>one</li><li>two</li><li>three</li></ul>');
  });

  it('indents the empty item Enter has just made', () => {
    const editor = editorWith([bullets([item('one'), { type: 'listitem', children: [] }])]);
    editor.update(() => $getRoot().getLastDescendant()!.selectEnd(), { discrete: true });
    expect(pressTab(editor)).toEqual({ handled: true, prevented: true });
    const list = editor.getEditorState().toJSON().root.children[0] as unknown as { children: unknown[] };
    expect(list.children).toHaveLength(2);
    expect(list.children[1]).toMatchObject({
      children: [{ type: 'list', children: [{ type: 'listitem' }] }],
    });
  });

  it('indents every selected item', () => {
    const editor = editorWith([bullets([item('one'), item('two'), item('three')])]);
    select(editor, 'two', 'three');
    dispatch(editor, INDENT_CONTENT_COMMAND);
    expect(html(editor)).toBe('<ul><li>one<ul><li>two</li><li>three</li></ul></li></ul>');
  });

  it('leaves Tab to the browser outside lists and where the item cannot move', () => {
    const editor = editorWith([paragraph('before'), bullets([item('one'), item('two')])]);
    const unchanged = html(editor);

    select(editor, 'before');
    expect(can(editor)).toEqual({ indent: false, outdent: false });
    expect(pressTab(editor)).toEqual({ handled: false, prevented: false });
    expect(pressTab(editor, true)).toEqual({ handled: false, prevented: false });

    // The first item has none to nest under, and a top-level item cannot come up.
    select(editor, 'one');
    expect(can(editor)).toEqual({ indent: false, outdent: false });
    expect(pressTab(editor)).toEqual({ handled: false, prevented: false });
    expect(pressTab(editor, true)).toEqual({ handled: false, prevented: false });

    // A selection reaching outside the list is not indented either.
    select(editor, 'before', 'two');
    expect(can(editor)).toEqual({ indent: false, outdent: false });
    dispatch(editor, INDENT_CONTENT_COMMAND);
    expect(html(editor)).toBe(unchanged);
  });

  it('stops at four levels', () => {
    const editor = editorWith([
      bullets([
        item('one'),
        sublist([item('two'), sublist([item('three'), sublist([item('four'), item('five')])])]),
      ]),
    ]);
    const fourDeep = html(editor);
    expect(fourDeep).toBe(
      '<ul><li>one<ul><li>two<ul><li>three<ul><li>four</li><li>five</li></ul></li></ul></li></ul></li></ul>',
    );

    select(editor, 'five');
    expect(can(editor)).toEqual({ indent: false, outdent: true });
    expect(pressTab(editor)).toEqual({ handled: false, prevented: false });
    dispatch(editor, INDENT_CONTENT_COMMAND);
    expect(html(editor)).toBe(fourDeep);

    dispatch(editor, OUTDENT_CONTENT_COMMAND);
    expect(html(editor)).toBe(
      '<ul><li>one<ul><li>two<ul><li>three<ul><li>four</li></ul></li><li>five</li></ul></li></ul></li></ul>',
    );
  });

  it('brings a sublist with no item before it up a level', () => {
    const editor = editorWith([bullets([sublist([item('orphan')]), item('next')])]);
    expect(html(editor)).toBe('<ul><li>orphan</li><li>next</li></ul>');
  });

  it('saves nested lists that load back the same', () => {
    const editor = editorWith([bullets([item('one'), item('two'), item('three')])]);
    select(editor, 'two');
    pressTab(editor);
    select(editor, 'three');
    pressTab(editor);
    pressTab(editor);
    const saved = DocumentSchema.parse(editor.getEditorState().toJSON());
    expect(renderDocument(saved)).toBe('<ul><li>one<ul><li>two<ul><li>three</li></ul></li></ul></li></ul>');

    const reloaded = editorWith(JSON.parse(JSON.stringify(saved.root.children)) as unknown[]);
    expect(DocumentSchema.parse(reloaded.getEditorState().toJSON())).toEqual(saved);
  });
});
