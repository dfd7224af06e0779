import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { embedProviderLabel } from '../urls.ts';

/** The editing UI of an embed node: which provider, the link, and a way to remove it. */
export function EmbedBlock({ nodeKey, url }: { nodeKey: NodeKey; url: string }) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const provider = embedProviderLabel(url);

  function remove() {
    editor.update(() => {
      $getNodeByKey(nodeKey)?.remove();
    });
    editor.focus();
  }

  return (
    <div
      className={`nr-editor-embed${isSelected ? ' is-selected' : ''}${provider ? '' : ' is-invalid'}`}
      role="group"
      aria-label={provider ? `${provider} embed` : 'Embed not allowed'}
      onClick={(event) => {
        if (!editable || (event.target as HTMLElement).closest('a, button')) return;
        if (!event.shiftKey) clearSelection();
        setSelected(true);
      }}
    >
      <span className="nr-editor-embed-provider">
        {provider ? `${provider} embed` : 'Embed from a host that is not allowed'}
      </span>
      {provider ? (
        <a href={url} target="_blank" rel="noopener noreferrer" className="nr-editor-embed-url">
          {url}
        </a>
      ) : (
        <span className="nr-editor-embed-url">{url}</span>
      )}
      {editable && (
        <button type="button" className="nr-editor-secondary" onClick={remove}>
          Remove embed
        </button>
      )}
    </div>
  );
}
