import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { useCallback, useId, useMemo, useRef, useState, type JSX } from 'react';
import { createBodyExtension } from './extension.ts';
import type { LoadReport } from './load.ts';
import { EditorMediaContext, type EditorMedia } from './media-context.ts';
import { ChangePlugin, DecoratorFieldsPlugin, EditablePlugin, ValidationNotice } from './plugins.tsx';
import { Toolbar } from './toolbar.tsx';
import type { ImageChoice, RichTextEditorProps } from './types.ts';
import './editor.css';

function reportEditorError(error: Error): void {
  // An error inside an update is recovered by Lexical (the update is dropped); surface it to the
  // browser's error reporting without breaking the page.
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
}

/**
 * The article body editor: Lexical rich text limited to the blocks DocumentSchema ('@newsroom/content')
 * accepts. Key it by article: `initialJson` is read once, when it mounts.
 */
export function RichTextEditor({
  initialJson,
  onChange,
  pickImage,
  resolveImageSrc,
  readOnly = false,
  ariaLabel = 'Article body',
}: RichTextEditorProps): JSX.Element {
  const contentId = useId();
  const [report] = useState<LoadReport>(() => ({ dropped: 0 }));
  // Built once: a new extension object would rebuild the editor and lose its state.
  const [extension] = useState(() =>
    createBodyExtension({ initialJson, editable: !readOnly, report, onError: reportEditorError }),
  );

  // Images picked in this session, shown even before `resolveImageSrc` can find them.
  const pickedSrc = useRef(new Map<string, string>());
  const media = useMemo<EditorMedia>(
    () => ({ resolveSrc: (mediaId) => pickedSrc.current.get(mediaId) ?? resolveImageSrc?.(mediaId) }),
    [resolveImageSrc],
  );
  const onImagePicked = useCallback((choice: ImageChoice) => {
    if (choice.src) pickedSrc.current.set(choice.mediaId, choice.src);
  }, []);

  return (
    <EditorMediaContext.Provider value={media}>
      <div className={`nr-editor${readOnly ? ' is-readonly' : ''}`}>
        <LexicalExtensionComposer extension={extension} contentEditable={null}>
          {!readOnly && <Toolbar pickImage={pickImage} onImagePicked={onImagePicked} contentId={contentId} />}
          <div className="nr-editor-surface">
            <ContentEditable
              id={contentId}
              className="nr-editor-content"
              aria-label={ariaLabel}
              aria-multiline
              aria-readonly={readOnly || undefined}
              aria-placeholder="Write the article…"
              placeholder={(editable) =>
                editable ? <div className="nr-editor-placeholder">Write the article…</div> : null
              }
            />
          </div>
          <ChangePlugin onChange={onChange} />
          <EditablePlugin readOnly={readOnly} />
          <DecoratorFieldsPlugin />
          {!readOnly && <ValidationNotice loadReport={report} />}
        </LexicalExtensionComposer>
      </div>
    </EditorMediaContext.Provider>
  );
}
