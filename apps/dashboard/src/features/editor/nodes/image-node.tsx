import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  addClassNamesToElement,
  nodeSchema,
  stringValue,
  withField,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import { ImageBlock } from './image-block.tsx';

/** Limits from the content schema. */
export const IMAGE_LIMITS = { altText: 1000, caption: 2000, credit: 300 } as const;

export interface ImagePayload {
  mediaId: string;
  altText?: string;
  caption?: string;
  credit?: string;
}

const imageSchema = nodeSchema<ImageNode>()({
  mediaId: withField(stringValue(), { field: '__mediaId' }),
  altText: withField(stringValue(), { field: '__altText' }),
  caption: withField(stringValue(), { field: '__caption' }),
  credit: withField(stringValue(), { field: '__credit' }),
});

/**
 * An image from the media library, stored by id only: the renderer looks the file up when the page is
 * built, so a withdrawn image disappears everywhere. Serialised as
 * `{type: 'image', mediaId, altText, caption, credit}`.
 *
 * It has no importDOM on purpose: an image pasted from elsewhere has no media id, so it is dropped.
 */
export class ImageNode extends DecoratorNode<JSX.Element> {
  /** @internal */
  __mediaId: string;
  /** @internal */
  __altText: string;
  /** @internal */
  __caption: string;
  /** @internal */
  __credit: string;

  override $config() {
    return this.config('image', { extends: DecoratorNode, json: imageSchema });
  }

  constructor(
    mediaId: string = '',
    altText: string = '',
    caption: string = '',
    credit: string = '',
    key?: NodeKey,
  ) {
    super(key);
    this.__mediaId = mediaId;
    this.__altText = altText;
    this.__caption = caption;
    this.__credit = credit;
  }

  getMediaId(): string {
    return this.getLatest().__mediaId;
  }
  setMediaId(mediaId: string): this {
    const self = this.getWritable();
    self.__mediaId = mediaId;
    return self;
  }
  getAltText(): string {
    return this.getLatest().__altText;
  }
  setAltText(altText: string): this {
    const self = this.getWritable();
    self.__altText = altText.slice(0, IMAGE_LIMITS.altText);
    return self;
  }
  getCaption(): string {
    return this.getLatest().__caption;
  }
  setCaption(caption: string): this {
    const self = this.getWritable();
    self.__caption = caption.slice(0, IMAGE_LIMITS.caption);
    return self;
  }
  getCredit(): string {
    return this.getLatest().__credit;
  }
  setCredit(credit: string): this {
    const self = this.getWritable();
    self.__credit = credit.slice(0, IMAGE_LIMITS.credit);
    return self;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    addClassNamesToElement(element, config.theme.image as string | undefined);
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.getCaption();
  }

  override exportDOM(): DOMExportOutput {
    const document = $getDocument();
    const figure = document.createElement('figure');
    figure.className = 'image';
    figure.setAttribute('data-media-id', this.getMediaId());
    const text = [this.getCaption(), this.getCredit()].filter(Boolean).join(' ');
    if (text) {
      const caption = document.createElement('figcaption');
      caption.textContent = text;
      figure.append(caption);
    }
    return { element: figure };
  }

  override decorate(): JSX.Element {
    return (
      <ImageBlock
        nodeKey={this.getKey()}
        mediaId={this.__mediaId}
        altText={this.__altText}
        caption={this.__caption}
        credit={this.__credit}
      />
    );
  }
}

export function $createImageNode({
  mediaId,
  altText = '',
  caption = '',
  credit = '',
}: ImagePayload): ImageNode {
  return $applyNodeReplacement(
    new ImageNode(
      mediaId,
      altText.slice(0, IMAGE_LIMITS.altText),
      caption.slice(0, IMAGE_LIMITS.caption),
      credit.slice(0, IMAGE_LIMITS.credit),
    ),
  );
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
