import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, SKIP_DOM_SELECTION_TAG, type NodeKey } from 'lexical';
import { useId } from 'react';
import { useEditorMedia } from '../media-context.ts';
import type { ImageNode } from './image-node.tsx';

interface ImageBlockProps {
  nodeKey: NodeKey;
  mediaId: string;
  altText: string;
  caption: string;
  credit: string;
}

/** The editing UI of an image node: the picture, and fields for its alt text, caption and credit. */
export function ImageBlock({ nodeKey, mediaId, altText, caption, credit }: ImageBlockProps) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const { resolveSrc } = useEditorMedia();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const id = useId();
  const src = resolveSrc(mediaId);

  function update(apply: (node: ImageNode) => void) {
    // Discrete, so the field's value comes back through the node before the next keystroke; and without
    // touching the DOM selection, which belongs to the field being typed in.
    editor.update(
      () => {
        const node = $getNodeByKey<ImageNode>(nodeKey);
        if (node) apply(node);
      },
      { discrete: true, tag: SKIP_DOM_SELECTION_TAG },
    );
  }

  function remove() {
    editor.update(() => {
      $getNodeByKey(nodeKey)?.remove();
    });
    editor.focus();
  }

  return (
    <figure
      className={`nr-editor-figure${isSelected ? ' is-selected' : ''}`}
      aria-label={caption ? `Image: ${caption}` : 'Image'}
    >
      {src ? (
        <img
          src={src}
          alt={altText}
          draggable={false}
          onClick={(event) => {
            if (!editable) return;
            if (!event.shiftKey) clearSelection();
            setSelected(true);
          }}
        />
      ) : (
        <div
          className="nr-editor-figure-missing"
          role="img"
          aria-label={altText || 'Image preview unavailable'}
        >
          Preview unavailable (media {mediaId.slice(0, 8)})
        </div>
      )}
      {editable ? (
        <div className="nr-editor-figure-fields">
          <label htmlFor={`${id}-alt`}>Alt text</label>
          <input
            id={`${id}-alt`}
            type="text"
            value={altText}
            maxLength={1000}
            placeholder="Describe the image for readers who can't see it"
            onChange={(event) => update((node) => node.setAltText(event.target.value))}
          />
          <label htmlFor={`${id}-caption`}>Caption</label>
          <textarea
            id={`${id}-caption`}
            rows={2}
            value={caption}
            maxLength={2000}
            onChange={(event) => update((node) => node.setCaption(event.target.value))}
          />
          <label htmlFor={`${id}-credit`}>Credit</label>
          <input
            id={`${id}-credit`}
            type="text"
            value={credit}
            maxLength={300}
            onChange={(event) => update((node) => node.setCredit(event.target.value))}
          />
          <div className="nr-editor-figure-actions">
            <button type="button" className="nr-editor-secondary" onClick={remove}>
              Remove image
            </button>
          </div>
        </div>
      ) : (
        (caption || credit) && (
          <figcaption>
            {caption}
            {credit && <span className="nr-editor-credit"> {credit}</span>}
          </figcaption>
        )
      )}
    </figure>
  );
}
