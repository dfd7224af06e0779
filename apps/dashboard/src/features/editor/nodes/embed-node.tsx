import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  addClassNamesToElement,
  isHTMLElement,
  nodeSchema,
  stringValue,
  withField,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import { isEmbedUrlAllowed, normaliseEmbedUrl } from '../urls.ts';
import { EmbedBlock } from './embed-block.tsx';

const embedSchema = nodeSchema<EmbedNode>()({
  url: withField(stringValue(), { field: '__url' }),
});

/**
 * A post or video from an allow-listed provider (see EMBED_HOSTS in '@newsroom/content'), stored as its
 * URL; the public renderer decides how to show it. Serialised as `{type: 'embed', url}`.
 */
export class EmbedNode extends DecoratorNode<JSX.Element> {
  /** @internal */
  __url: string;

  override $config() {
    return this.config('embed', {
      extends: DecoratorNode,
      json: embedSchema,
      importDOM: {
        // A pasted player from an allowed host keeps its video; any other iframe is dropped.
        iframe: (node: Node) => {
          const src = isHTMLElement(node) ? normaliseEmbedUrl(node.getAttribute('src') ?? '') : '';
          if (!isEmbedUrlAllowed(src)) return { conversion: () => ({ node: null }), priority: 0 };
          return { conversion: () => ({ node: $createEmbedNode(src) }), priority: 1 };
        },
      } satisfies DOMConversionMap,
    });
  }

  constructor(url: string = '', key?: NodeKey) {
    super(key);
    this.__url = url;
  }

  getUrl(): string {
    return this.getLatest().__url;
  }

  setUrl(url: string): this {
    const self = this.getWritable();
    self.__url = url;
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    addClassNamesToElement(element, config.theme.embed as string | undefined);
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.getUrl();
  }

  override exportDOM(): DOMExportOutput {
    const link = $getDocument().createElement('a');
    link.href = this.getUrl();
    link.textContent = this.getUrl();
    return { element: link };
  }

  override decorate(): JSX.Element {
    return <EmbedBlock nodeKey={this.getKey()} url={this.__url} />;
  }
}

export function $createEmbedNode(url: string): EmbedNode {
  return $applyNodeReplacement(new EmbedNode(url));
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
