import { $createHorizontalRuleNode } from '@lexical/extension';
import { HistoryExtension } from '@lexical/history';
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import {
  $isListNode,
  $removeList,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useExtensionSignalValue } from '@lexical/react/useExtensionSignalValue';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import { BlockNodeSchema } from '@newsroom/content';
import {
  $createParagraphNode,
  $createTextNode,
  $findMatchingParent,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  REDO_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  UNDO_COMMAND,
  mergeRegister,
  type BaseSelection,
  type EditorState,
  type ElementNode,
  type NodeKey,
  type TextFormatType,
} from 'lexical';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { $insertBlock } from './insert.ts';
import { $canIndentList, $canOutdentList } from './list-indent.ts';
import {
  $createEmbedNode,
  $createImageNode,
  $createPullQuoteNode,
  $isPullQuoteNode,
  MAX_ATTRIBUTION,
  type PullQuoteNode,
} from './nodes.ts';
import type { ImageChoice } from './types.ts';
import { EMBED_HELP, LINK_HELP, isEmbedUrlAllowed, isLinkUrlAllowed, normaliseEmbedUrl } from './urls.ts';

type HeadingTag = 'h2' | 'h3' | 'h4';
type BlockKind = 'paragraph' | HeadingTag | 'quote' | 'pullquote' | 'bullet' | 'number' | 'other';

interface ToolbarState {
  block: BlockKind;
  formats: Record<'bold' | 'italic' | 'underline' | 'strikethrough', boolean>;
  /** The URL of the link the selection is in, if it is in one. */
  linkUrl: string | null;
  /** The pull quote the selection is in, for the attribution field. */
  pullQuote: { key: NodeKey; attribution: string } | null;
  /** False for a node selection (an image, say): text tools do not apply. */
  isText: boolean;
  /** Whether the selected list items can be nested a level deeper, or brought up a level. */
  canIndent: boolean;
  canOutdent: boolean;
}

const INITIAL_STATE: ToolbarState = {
  block: 'paragraph',
  formats: { bold: false, italic: false, underline: false, strikethrough: false },
  linkUrl: null,
  pullQuote: null,
  isText: true,
  canIndent: false,
  canOutdent: false,
};

const IS_APPLE =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
const MOD_LABEL = IS_APPLE ? '⌘' : 'Ctrl+';
const MOD_ARIA = IS_APPLE ? 'Meta' : 'Control';

const BLOCK_LABELS: Record<BlockKind, string> = {
  paragraph: 'Paragraph',
  h2: 'Heading 2',
  h3: 'Heading 3',
  h4: 'Heading 4',
  quote: 'Block quote',
  pullquote: 'Pull quote',
  bullet: 'Bulleted list',
  number: 'Numbered list',
  other: 'Other',
};

function $readToolbarState(previous: ToolbarState): ToolbarState {
  const selection = $getSelection();
  if (selection === null) {
    // Focus is outside the editor (in a toolbar field, say): keep what was shown, refreshing the pull quote.
    const node = previous.pullQuote ? $getNodeByKey(previous.pullQuote.key) : null;
    return {
      ...previous,
      pullQuote: $isPullQuoteNode(node) ? { key: node.getKey(), attribution: node.getAttribution() } : null,
    };
  }
  if (!$isRangeSelection(selection)) return { ...INITIAL_STATE, block: 'other', isText: false };

  const anchor = selection.anchor.getNode();
  const top = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
  let block: BlockKind = 'other';
  let pullQuote: ToolbarState['pullQuote'] = null;
  if ($isListNode(top)) {
    block = $getNearestNodeOfType(anchor, ListNode)?.getListType() === 'number' ? 'number' : 'bullet';
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag();
    block = tag === 'h2' || tag === 'h3' || tag === 'h4' ? tag : 'other';
  } else if ($isPullQuoteNode(top)) {
    block = 'pullquote';
    pullQuote = { key: top.getKey(), attribution: top.getAttribution() };
  } else if ($isQuoteNode(top)) {
    block = 'quote';
  } else if ($isParagraphNode(top) || top === null) {
    block = 'paragraph';
  }
  const link =
    $findMatchingParent(anchor, $isLinkNode) ?? $findMatchingParent(selection.focus.getNode(), $isLinkNode);
  return {
    block,
    formats: {
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      strikethrough: selection.hasFormat('strikethrough'),
    },
    linkUrl: link ? link.getURL() : null,
    pullQuote,
    isText: true,
    canIndent: $canIndentList(),
    canOutdent: $canOutdentList(),
  };
}

/** Restores a selection saved before focus left the editor, if its nodes still exist; else the end of the document. */
function $restoreSelection(saved: BaseSelection | null): void {
  if ($isRangeSelection(saved) && $getNodeByKey(saved.anchor.key) && $getNodeByKey(saved.focus.key)) {
    $setSelection(saved.clone());
  } else if ($isNodeSelection(saved) && saved.getNodes().length > 0) {
    $setSelection(saved.clone());
  } else if ($getSelection() === null) {
    $getRoot().selectEnd();
  }
}

/** Turns the selected blocks into `create()`'s type, taking them out of a list first. */
function $setBlocks(create: () => ElementNode): void {
  let selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if ($isListNode(selection.anchor.getNode().getTopLevelElement())) {
    $removeList();
    selection = $getSelection();
  }
  $setBlocksType(selection, create);
}

function readState(editorState: EditorState, previous: ToolbarState): ToolbarState {
  return editorState.read(() => $readToolbarState(previous));
}

interface ToolButtonProps {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  expanded?: boolean;
  controls?: string;
}

function ToolButton({
  label,
  shortcut,
  pressed,
  disabled,
  onClick,
  children,
  expanded,
  controls,
}: ToolButtonProps) {
  return (
    <button
      type="button"
      className="nr-tool"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut.replace('Mod+', MOD_LABEL)})` : label}
      aria-keyshortcuts={shortcut?.replace('Mod', MOD_ARIA)}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-controls={controls}
      disabled={disabled}
      // Keep the editor's focus and selection when a button is clicked with the mouse.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

interface UrlFormProps {
  id: string;
  label: string;
  submitLabel: string;
  initialValue: string;
  placeholder: string;
  help: string;
  /** Returns an error message, or null when the URL was accepted. */
  onSubmit: (url: string) => string | null;
  onCancel: () => void;
}

/** A small inline form for a URL, with a visible error when the URL is refused. */
function UrlForm({
  id,
  label,
  submitLabel,
  initialValue,
  placeholder,
  help,
  onSubmit,
  onCancel,
}: UrlFormProps) {
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <form
      id={id}
      className="nr-editor-panel"
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(onSubmit(value.trim()));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : `${id}-help`}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
      />
      <button type="submit">{submitLabel}</button>
      <button type="button" className="nr-editor-secondary" onClick={onCancel}>
        Cancel
      </button>
      {error ? (
        <p id={`${id}-error`} className="nr-editor-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-help`} className="nr-editor-help">
          {help}
        </p>
      )}
    </form>
  );
}

function AttributionField({ nodeKey, attribution }: { nodeKey: NodeKey; attribution: string }) {
  const [editor] = useLexicalComposerContext();
  const id = useId();
  return (
    <div className="nr-editor-panel">
      <label htmlFor={id}>Pull quote attribution</label>
      <input
        id={id}
        type="text"
        value={attribution}
        maxLength={MAX_ATTRIBUTION}
        placeholder="Who said it (optional)"
        onChange={(event) => {
          const value = event.target.value;
          // Discrete, so the field's value comes back from the editor before the next keystroke; and
          // without touching the DOM selection, which would pull focus back into the editor.
          editor.update(() => $getNodeByKey<PullQuoteNode>(nodeKey)?.setAttribution(value), {
            discrete: true,
            tag: SKIP_DOM_SELECTION_TAG,
          });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'Escape') {
            event.preventDefault();
            editor.focus();
          }
        }}
      />
    </div>
  );
}

export interface ToolbarProps {
  pickImage?: () => Promise<ImageChoice | null>;
  /** Told about each picked image, so it can be shown before the media library's lookup knows it. */
  onImagePicked: (choice: ImageChoice) => void;
  contentId: string;
}

type Panel = 'link' | 'embed' | null;

export function Toolbar({ pickImage, onImagePicked, contentId }: ToolbarProps) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(() => readState(editor.getEditorState(), INITIAL_STATE));
  const canUndo = useExtensionSignalValue(HistoryExtension, 'canUndo');
  const canRedo = useExtensionSignalValue(HistoryExtension, 'canRedo');
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const savedSelection = useRef<BaseSelection | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const linkFormId = `${baseId}-link`;
  const embedFormId = `${baseId}-embed`;

  function saveSelection(): BaseSelection | null {
    const selection = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    savedSelection.current = selection;
    return selection;
  }

  function openPanel(next: Exclude<Panel, null>) {
    saveSelection();
    setNotice(null);
    setPanel(next);
  }

  function closePanel() {
    setPanel(null);
    editor.update(() => $restoreSelection(savedSelection.current));
    editor.focus();
  }

  /** Runs `fn` in an update with the selection from before focus moved to a toolbar field, then refocuses the editor. */
  function applyAtSavedSelection(fn: () => void, saved: BaseSelection | null = savedSelection.current) {
    editor.update(() => {
      $restoreSelection(saved);
      fn();
    });
    editor.focus();
  }

  useEffect(() => {
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => {
        setState((previous) => readState(editorState, previous));
      }),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const mod = IS_APPLE ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
          if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            openPanel('link');
            return true;
          }
          if (event.altKey && event.key === 'F10') {
            event.preventDefault();
            toolbarRef.current?.querySelector<HTMLElement>('select, button:not(:disabled)')?.focus();
            return true;
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    );
    // openPanel only reads refs and calls state setters, so registering once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  function formatText(format: TextFormatType) {
    editor.dispatchCommand(FORMAT_TEXT_COMMAND, format);
  }

  function setBlock(kind: BlockKind) {
    editor.update(() => {
      if (kind === 'paragraph') $setBlocks(() => $createParagraphNode());
      else if (kind === 'h2' || kind === 'h3' || kind === 'h4') $setBlocks(() => $createHeadingNode(kind));
    });
    editor.focus();
  }

  function toggleQuote(kind: 'quote' | 'pullquote') {
    editor.update(() => {
      if (state.block === kind) $setBlocks(() => $createParagraphNode());
      else $setBlocks(() => (kind === 'quote' ? $createQuoteNode() : $createPullQuoteNode()));
    });
    editor.focus();
  }

  function toggleList(kind: 'bullet' | 'number') {
    if (state.block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    editor.focus();
  }

  function indentList(command: typeof INDENT_CONTENT_COMMAND) {
    editor.dispatchCommand(command, undefined);
    editor.focus();
  }

  function submitLink(url: string): string | null {
    if (!url) return 'Enter a URL, or press Cancel.';
    if (!isLinkUrlAllowed(url)) return `That link can't be used. ${LINK_HELP}`;
    setPanel(null);
    applyAtSavedSelection(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) {
        $toggleLink(url);
        return;
      }
      const inLink = $findMatchingParent(selection.anchor.getNode(), $isLinkNode) !== null;
      if (selection.isCollapsed() && !inLink) {
        // Nothing selected: insert the address itself as the link text.
        const link = $createLinkNode(url);
        link.append($createTextNode(url.replace(/^mailto:/, '')));
        selection.insertNodes([link]);
      } else {
        $toggleLink(url);
      }
    });
    return null;
  }

  function removeLink() {
    editor.update(() => {
      const selection = $getSelection();
      const link = $isRangeSelection(selection)
        ? $findMatchingParent(selection.anchor.getNode(), $isLinkNode)
        : null;
      if ($isRangeSelection(selection) && selection.isCollapsed() && link) {
        // Caret inside a link: unlink the whole link.
        for (const child of link.getChildren()) link.insertBefore(child);
        link.remove();
      } else {
        $toggleLink(null);
      }
    });
    editor.focus();
  }

  function submitEmbed(input: string): string | null {
    if (!input) return 'Enter the address of the post or video, or press Cancel.';
    const url = normaliseEmbedUrl(input);
    if (!isEmbedUrlAllowed(url)) return `That address can't be embedded. ${EMBED_HELP}`;
    setPanel(null);
    applyAtSavedSelection(() => {
      $insertBlock($createEmbedNode(url));
    });
    return null;
  }

  function insertRule() {
    applyAtSavedSelection(() => {
      $insertBlock($createHorizontalRuleNode());
    }, saveSelection());
  }

  async function insertImage() {
    if (!pickImage || picking) return;
    const saved = saveSelection();
    setNotice(null);
    setPicking(true);
    try {
      const choice = await pickImage();
      if (!choice) return;
      const payload = {
        mediaId: choice.mediaId,
        altText: choice.altText,
        caption: choice.caption,
        credit: choice.credit,
      };
      if (!BlockNodeSchema.safeParse({ type: 'image', ...payload }).success) {
        setNotice('That image cannot be used: the media library returned an invalid id or over-long text.');
        return;
      }
      onImagePicked(choice);
      applyAtSavedSelection(() => {
        $insertBlock($createImageNode(payload));
      }, saved);
    } catch {
      setNotice('The media library could not be opened. Try again.');
    } finally {
      setPicking(false);
    }
  }

  /** Left/Right/Home/End move between the toolbar's buttons. */
  function onToolbarKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const target = event.target as HTMLElement;
    if (target.tagName !== 'BUTTON') return;
    const buttons = Array.from(
      toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [],
    );
    const index = buttons.indexOf(target as HTMLButtonElement);
    if (index === -1) return;
    event.preventDefault();
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  }

  const textOnly = !state.isText;
  const blockValue: BlockKind = state.block;

  return (
    <div className="nr-editor-chrome">
      <div
        ref={toolbarRef}
        className="nr-editor-toolbar"
        role="toolbar"
        aria-label="Formatting"
        aria-controls={contentId}
        onKeyDown={onToolbarKeyDown}
      >
        <div className="nr-tool-group">
          <label className="nr-visually-hidden" htmlFor={`${baseId}-block`}>
            Block type
          </label>
          <select
            id={`${baseId}-block`}
            className="nr-block-select"
            value={blockValue}
            disabled={textOnly}
            onChange={(event) => setBlock(event.target.value as BlockKind)}
          >
            <option value="paragraph">{BLOCK_LABELS.paragraph}</option>
            <option value="h2">{BLOCK_LABELS.h2}</option>
            <option value="h3">{BLOCK_LABELS.h3}</option>
            <option value="h4">{BLOCK_LABELS.h4}</option>
            {!['paragraph', 'h2', 'h3', 'h4'].includes(blockValue) && (
              <option value={blockValue} disabled>
                {BLOCK_LABELS[blockValue]}
              </option>
            )}
          </select>
        </div>
        <div className="nr-tool-group">
          <ToolButton
            label="Bold"
            shortcut="Mod+B"
            pressed={state.formats.bold}
            disabled={textOnly}
            onClick={() => formatText('bold')}
          >
            <b>B</b>
          </ToolButton>
          <ToolButton
            label="Italic"
            shortcut="Mod+I"
            pressed={state.formats.italic}
            disabled={textOnly}
            onClick={() => formatText('italic')}
          >
            <i>I</i>
          </ToolButton>
          <ToolButton
            label="Underline"
            shortcut="Mod+U"
            pressed={state.formats.underline}
            disabled={textOnly}
            onClick={() => formatText('underline')}
          >
            <u>U</u>
          </ToolButton>
          <ToolButton
            label="Strikethrough"
            pressed={state.formats.strikethrough}
            disabled={textOnly}
            onClick={() => formatText('strikethrough')}
          >
            <s>S</s>
          </ToolButton>
        </div>
        <div className="nr-tool-group">
          <ToolButton
            label={state.linkUrl ? 'Edit link' : 'Link'}
            shortcut="Mod+K"
            pressed={state.linkUrl !== null}
            expanded={panel === 'link'}
            controls={panel === 'link' ? linkFormId : undefined}
            disabled={textOnly}
            onClick={() => (panel === 'link' ? closePanel() : openPanel('link'))}
          >
            Link
          </ToolButton>
          <ToolButton label="Remove link" disabled={textOnly || state.linkUrl === null} onClick={removeLink}>
            Unlink
          </ToolButton>
        </div>
        <div className="nr-tool-group">
          <ToolButton
            label="Bulleted list"
            pressed={state.block === 'bullet'}
            disabled={textOnly}
            onClick={() => toggleList('bullet')}
          >
            • List
          </ToolButton>
          <ToolButton
            label="Numbered list"
            pressed={state.block === 'number'}
            disabled={textOnly}
            onClick={() => toggleList('number')}
          >
            1. List
          </ToolButton>
          <ToolButton
            label="Outdent"
            shortcut="Shift+Tab"
            disabled={textOnly || !state.canOutdent}
            onClick={() => indentList(OUTDENT_CONTENT_COMMAND)}
          >
            ⇤
          </ToolButton>
          <ToolButton
            label="Indent"
            shortcut="Tab"
            disabled={textOnly || !state.canIndent}
            onClick={() => indentList(INDENT_CONTENT_COMMAND)}
          >
            ⇥
          </ToolButton>
          <ToolButton
            label="Block quote"
            pressed={state.block === 'quote'}
            disabled={textOnly}
            onClick={() => toggleQuote('quote')}
          >
            “ Quote
          </ToolButton>
          <ToolButton
            label="Pull quote"
            pressed={state.block === 'pullquote'}
            disabled={textOnly}
            onClick={() => toggleQuote('pullquote')}
          >
            ❝ Pull
          </ToolButton>
        </div>
        <div className="nr-tool-group">
          <ToolButton label="Horizontal rule" onClick={insertRule}>
            ―
          </ToolButton>
          {pickImage && (
            <ToolButton
              label={picking ? 'Image (media library open)' : 'Image'}
              disabled={picking}
              onClick={() => void insertImage()}
            >
              Image
            </ToolButton>
          )}
          <ToolButton
            label="Embed"
            expanded={panel === 'embed'}
            controls={panel === 'embed' ? embedFormId : undefined}
            onClick={() => (panel === 'embed' ? closePanel() : openPanel('embed'))}
          >
            Embed
          </ToolButton>
        </div>
        <div className="nr-tool-group">
          <ToolButton
            label="Undo"
            shortcut="Mod+Z"
            disabled={!canUndo}
            onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
          >
            ↶
          </ToolButton>
          <ToolButton
            label="Redo"
            shortcut={IS_APPLE ? 'Mod+Shift+Z' : 'Mod+Y'}
            disabled={!canRedo}
            onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
          >
            ↷
          </ToolButton>
        </div>
      </div>
      {panel === 'link' && (
        <UrlForm
          key="link"
          id={linkFormId}
          label="Link address"
          submitLabel={state.linkUrl ? 'Update link' : 'Add link'}
          initialValue={state.linkUrl ?? ''}
          placeholder="https://… or /section/story"
          help={LINK_HELP}
          onSubmit={submitLink}
          onCancel={closePanel}
        />
      )}
      {panel === 'embed' && (
        <UrlForm
          key="embed"
          id={embedFormId}
          label="Embed address"
          submitLabel="Embed"
          initialValue=""
          placeholder="https://www.youtube.com/watch?v=…"
          help={EMBED_HELP}
          onSubmit={submitEmbed}
          onCancel={closePanel}
        />
      )}
      {state.pullQuote && panel === null && (
        <AttributionField nodeKey={state.pullQuote.key} attribution={state.pullQuote.attribution} />
      )}
      {notice && (
        <p className="nr-editor-error" role="alert">
          {notice}
        </p>
      )}
    </div>
  );
}
