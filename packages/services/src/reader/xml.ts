import { escapeHtml } from '@newsroom/content';

/**
 * A small XML writer for sitemaps. Element and attribute names are ours (checked); every value is
 * escaped, so stored text can only ever be text. Characters XML 1.0 forbids are dropped.
 */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  children?: Array<XmlElement | string | number | null | undefined | false>;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
// Everything XML 1.0 does not allow in a document: C0 controls but tab/newline/return, lone surrogates, U+FFFE/F.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripInvalidXmlChars(value: string): string {
  return value.replace(INVALID_XML_CHARS, '');
}

export function xmlEscape(value: string | number): string {
  return escapeHtml(stripInvalidXmlChars(String(value)));
}

export function el(
  name: string,
  attrs: XmlElement['attrs'] | null,
  ...children: NonNullable<XmlElement['children']>
): XmlElement {
  return { name, attrs: attrs ?? undefined, children };
}

function write(node: XmlElement, out: string[]): void {
  if (!NAME.test(node.name)) throw new Error(`invalid XML name: ${node.name}`);
  out.push(`<${node.name}`);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`invalid XML attribute name: ${key}`);
    out.push(` ${key}="${xmlEscape(value)}"`);
  }
  const children = (node.children ?? []).filter(
    (c): c is XmlElement | string | number => c !== null && c !== undefined && c !== false,
  );
  if (children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of children) {
    if (typeof child === 'object') write(child, out);
    else out.push(xmlEscape(child));
  }
  out.push(`</${node.name}>`);
}

/** A whole document: the declaration and one root element. */
export function renderXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out);
  out.push('\n');
  return out.join('');
}
