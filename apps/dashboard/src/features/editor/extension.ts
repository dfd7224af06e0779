import { ClipboardImportExtension } from '@lexical/clipboard';
import { HorizontalRuleExtension } from '@lexical/extension';
import { HistoryExtension } from '@lexical/history';
import { LinkExtension } from '@lexical/link';
import { ListExtension } from '@lexical/list';
import { RichTextExtension } from '@lexical/rich-text';
import { configExtension, defineExtension, type EditorThemeClasses } from 'lexical';
import { registerListIndent } from './list-indent.ts';
import { $loadDocument, type LoadReport } from './load.ts';
import { EDITOR_NODES } from './nodes.ts';
import { registerBodyNormalisation } from './normalise.ts';
import { $importHtmlWithWordLists } from './paste.ts';
import { isLinkUrlAllowed } from './urls.ts';

/** Shared with copy and paste: content copied from one article body pastes into another with its nodes. */
export const EDITOR_NAMESPACE = 'newsroom-article-body';

export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'nr-p',
  heading: { h2: 'nr-h2', h3: 'nr-h3', h4: 'nr-h4' },
  quote: 'nr-quote',
  pullquote: 'nr-pullquote',
  hr: 'nr-hr',
  hrSelected: 'is-selected',
  image: 'nr-block-decorator',
  embed: 'nr-block-decorator',
  link: 'nr-link',
  list: {
    ul: 'nr-ul',
    ol: 'nr-ol',
    listitem: 'nr-li',
    nested: { listitem: 'nr-li-nested' },
  },
  text: {
    bold: 'nr-bold',
    italic: 'nr-italic',
    underline: 'nr-underline',
    strikethrough: 'nr-strike',
    underlineStrikethrough: 'nr-underline-strike',
    code: 'nr-code',
    subscript: 'nr-sub',
    superscript: 'nr-sup',
  },
};

/** The node set and the normalisation that keeps documents within DocumentSchema. */
export const BodySchemaExtension = defineExtension({
  name: '@newsroom/article-body/schema',
  nodes: () => [...EDITOR_NODES],
  register: (editor) => registerBodyNormalisation(editor),
});

/** Tab, Shift+Tab and the toolbar's Indent and Outdent nest list items; nothing else indents. */
export const ListIndentExtension = defineExtension({
  name: '@newsroom/article-body/list-indent',
  dependencies: [ListExtension],
  register: (editor) => registerListIndent(editor),
});

/** Pasted HTML goes through Lexical's import, with Word's list paragraphs made into lists first. */
export const BodyPasteExtension = defineExtension({
  name: '@newsroom/article-body/paste',
  dependencies: [
    configExtension(ClipboardImportExtension, {
      $importMimeType: { 'text/html': [$importHtmlWithWordLists] },
    }),
  ],
});

export interface BodyExtensionOptions {
  initialJson: unknown;
  editable: boolean;
  /** Filled in when the stored document is loaded. */
  report: LoadReport;
  onError: (error: Error) => void;
}

/** The whole article body editor, for LexicalExtensionComposer. Build it once per mounted editor. */
export function createBodyExtension({ initialJson, editable, report, onError }: BodyExtensionOptions) {
  return defineExtension({
    name: '@newsroom/article-body',
    namespace: EDITOR_NAMESPACE,
    theme: EDITOR_THEME,
    editable,
    onError,
    $initialEditorState: () => {
      report.dropped = $loadDocument(initialJson).dropped;
    },
    dependencies: [
      RichTextExtension,
      HistoryExtension,
      ListExtension,
      configExtension(LinkExtension, { validateUrl: isLinkUrlAllowed }),
      HorizontalRuleExtension,
      BodySchemaExtension,
      ListIndentExtension,
      BodyPasteExtension,
    ],
  });
}
