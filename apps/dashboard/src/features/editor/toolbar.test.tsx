// @vitest-environment happy-dom
import { renderDocument } from '@newsroom/content';
import { $getRoot, getEditorPropertyFromDOMNode, type LexicalEditor } from 'lexical';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { RichTextEditor } from './rich-text-editor.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const text = (value: string) => ({ type: 'text', text: value, format: 0 });
const STORED = {
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [text('intro')] },
      {
        type: 'list',
        listType: 'number',
        children: ['one', 'two'].map((value) => ({ type: 'listitem', children: [text(value)] })),
      },
    ],
  },
};

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

async function mount() {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<RichTextEditor initialJson={STORED} onChange={() => {}} />));
  const editor = getEditorPropertyFromDOMNode(container.querySelector('[contenteditable]')) as LexicalEditor;
  const button = (name: string) =>
    container.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
  const caretIn = (words: string) =>
    act(async () =>
      editor.update(() => {
        $getRoot()
          .getAllTextNodes()
          .find((node) => node.getTextContent() === words)!
          .select(1, 1);
      }),
    );
  return { editor, button, caretIn };
}

describe('the toolbar’s list indent buttons', () => {
  it('are enabled only where the list item can move, and nest it', async () => {
    const { editor, button, caretIn } = await mount();
    expect(button('Indent').title).toBe('Indent (Tab)');
    expect(button('Outdent').getAttribute('aria-keyshortcuts')).toBe('Shift+Tab');

    await caretIn('intro');
    expect(button('Indent').disabled).toBe(true);
    expect(button('Outdent').disabled).toBe(true);

    await caretIn('one');
    expect(button('Indent').disabled).toBe(true);

    await caretIn('two');
    expect(button('Indent').disabled).toBe(false);
    expect(button('Outdent').disabled).toBe(true);

    await act(async () => button('Indent').click());
    expect(renderDocument(editor.getEditorState().toJSON())).toContain(
      '<ol><li>one<ol><li>two</li></ol></li></ol>',
    );
    expect(button('Indent').disabled).toBe(true);
    expect(button('Outdent').disabled).toBe(false);

    await act(async () => button('Outdent').click());
    expect(renderDocument(editor.getEditorState().toJSON())).toContain('<ol><li>one</li><li>two</li></ol>');
  });
});
