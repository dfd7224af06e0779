import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  addClassNamesToElement,
  isHTMLElement,
  nodeSchema,
  stringValue,
  withField,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';

/** Longest attribution the content schema accepts. */
export const MAX_ATTRIBUTION = 300;

const pullQuoteSchema = nodeSchema<PullQuoteNode>()({
  attribution: withField(stringValue(), { field: '__attribution' }),
});

function isPullQuoteFigure(node: Node | null): node is HTMLElement {
  return isHTMLElement(node) && node.nodeName === 'FIGURE' && node.classList.contains('pullquote');
}

function $convertPullQuoteFigure(element: HTMLElement): DOMConversionOutput {
  const caption = element.querySelector(':scope > figcaption');
  return { node: $createPullQuoteNode(caption?.textContent?.trim() ?? '') };
}

function $convertPullQuoteBlockquote(element: HTMLElement): DOMConversionOutput {
  return { node: $createPullQuoteNode(element.getAttribute('data-attribution') ?? '') };
}

/**
 * A pull quote: a short line lifted from the article and set large, with an optional attribution. Its
 * children are inline content, like a block quote. Serialised as `{type: 'pullquote', attribution, children}`.
 */
export class PullQuoteNode extends ElementNode {
  /** @internal */
  __attribution: string;

  override $config() {
    return this.config('pullquote', {
      extends: ElementNode,
      json: pullQuoteSchema,
      importDOM: {
        // What the public site renders: <figure class="pullquote"><blockquote>…</blockquote><figcaption>…</figcaption></figure>
        figure: (node: Node) =>
          isPullQuoteFigure(node) ? { conversion: $convertPullQuoteFigure, priority: 2 } : null,
        blockquote: (node: Node) => {
          if (isPullQuoteFigure(node.parentNode)) return { conversion: () => ({ node: null }), priority: 2 };
          if (isHTMLElement(node) && node.classList.contains('pullquote')) {
            return { conversion: $convertPullQuoteBlockquote, priority: 2 };
          }
          return null;
        },
        // The attribution was read with the figure: drop the caption's own text.
        figcaption: (node: Node) =>
          isPullQuoteFigure(node.parentNode)
            ? { conversion: () => ({ node: null, after: () => [] }), priority: 2 }
            : null,
      } satisfies DOMConversionMap,
    });
  }

  constructor(attribution: string = '', key?: NodeKey) {
    super(key);
    this.__attribution = attribution;
  }

  getAttribution(): string {
    return this.getLatest().__attribution;
  }

  setAttribution(attribution: string): this {
    const self = this.getWritable();
    self.__attribution = attribution.slice(0, MAX_ATTRIBUTION);
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('blockquote');
    addClassNamesToElement(element, config.theme.pullquote as string | undefined);
    this.writeAttribution(element);
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__attribution !== this.__attribution) this.writeAttribution(dom);
    return false;
  }

  private writeAttribution(element: HTMLElement): void {
    if (this.__attribution) element.setAttribute('data-attribution', this.__attribution);
    else element.removeAttribute('data-attribution');
  }

  override exportDOM(): DOMExportOutput {
    const element = $getDocument().createElement('blockquote');
    element.className = 'pullquote';
    if (this.getAttribution()) element.setAttribute('data-attribution', this.getAttribution());
    return { element };
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection?: boolean): ParagraphNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    paragraph.append(...this.getChildren());
    this.replace(paragraph);
    return true;
  }

  override canMergeWhenEmpty(): true {
    return true;
  }
}

export function $createPullQuoteNode(attribution = ''): PullQuoteNode {
  return $applyNodeReplacement(new PullQuoteNode(attribution.slice(0, MAX_ATTRIBUTION)));
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
