import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DocumentSchema } from '@newsroom/content';
import {
  COMMAND_PRIORITY_CRITICAL,
  COPY_COMMAND,
  CUT_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  isHTMLElement,
  mergeRegister,
} from 'lexical';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LoadReport } from './load.ts';

/**
 * Calls `onChange` with `editorState.toJSON()` whenever the document's content changes: not for selection
 * moves, not for the initial load, and not twice for the same content.
 */
export function ChangePlugin({ onChange }: { onChange: (json: unknown) => void }) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = onChange;
  });

  useEffect(() => {
    let last = JSON.stringify(editor.getEditorState().toJSON());
    return editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      const json = editorState.toJSON();
      const serialised = JSON.stringify(json);
      if (serialised === last) return;
      last = serialised;
      // The first state is the stored document being loaded (and normalised): nothing the writer changed.
      if (prevEditorState.isEmpty()) return;
      latest.current(json);
    });
  }, [editor]);

  return null;
}

/** Keeps the editor's editable flag in step with the `readOnly` prop. */
export function EditablePlugin({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  return null;
}

function isFormControl(target: EventTarget | null, root: HTMLElement | null): boolean {
  if (!isHTMLElement(target) || target === root) return false;
  return target.closest('input, textarea, select, button') !== null;
}

/**
 * The image and embed blocks have their own fields (caption, credit…) inside the editable area. Keys,
 * clipboard and drag events that start in one of those belong to the field, not to the editor.
 */
export function DecoratorFieldsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const claim = (event: Event | null) =>
      event !== null && isFormControl(event.target, editor.getRootElement());
    return mergeRegister(
      editor.registerCommand(KEY_DOWN_COMMAND, claim, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(COPY_COMMAND, claim, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(CUT_COMMAND, claim, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(PASTE_COMMAND, claim, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(DROP_COMMAND, claim, COMMAND_PRIORITY_CRITICAL),
      editor.registerCommand(DRAGSTART_COMMAND, claim, COMMAND_PRIORITY_CRITICAL),
    );
  }, [editor]);
  return null;
}

function describeProblem(issue: { message: string; path: ReadonlyArray<PropertyKey> } | undefined): string {
  if (!issue) return 'the content is not valid';
  const block = issue.path[0] === 'root' && issue.path[1] === 'children' ? issue.path[2] : undefined;
  return typeof block === 'number' ? `block ${block + 1}: ${issue.message}` : issue.message;
}

/**
 * Says so when the document would be refused on save (DocumentSchema). The normalisation makes this
 * rare, but stored content written by something else (an embed from a host no longer allowed, say) can
 * still trip it, and then the writer should know before pressing save.
 */
export function ValidationNotice({ loadReport }: { loadReport: LoadReport }) {
  const [editor] = useLexicalComposerContext();
  const [problem, setProblem] = useState<string | null>(null);
  const [droppedOnLoad, setDroppedOnLoad] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const result = DocumentSchema.safeParse(editor.getEditorState().toJSON());
      setProblem(result.success ? null : describeProblem(result.error.issues[0]));
      setDroppedOnLoad(loadReport.dropped);
    };
    check();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(check, 400);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, loadReport]);

  return (
    <div className="nr-editor-notices" role="status" aria-live="polite">
      {droppedOnLoad > 0 && (
        <p className="nr-editor-warning">
          {droppedOnLoad === 1 ? 'One stored block' : `${droppedOnLoad} stored blocks`} could not be shown and
          will be removed when you save.
        </p>
      )}
      {problem && <p className="nr-editor-warning">This body cannot be saved yet: {problem}.</p>}
    </div>
  );
}
