import { DomainError } from '@newsroom/domain';
import { fileTypeFromBuffer } from 'file-type';
import type { Metadata, OutputInfo, Sharp, SharpOptions } from 'sharp';
import { loadSharp } from './load-sharp.ts';

/**
 * Turns an uploaded image into what the media library stores: the image re-encoded at full size in its own
 * format, web-sized WebP variants and one AVIF, with every piece of metadata (EXIF, GPS, XMP, IPTC, text
 * chunks) stripped from all of them. Credit and caption fields embedded by the camera or the agency are read
 * first and handed back, so the caller can prefill the media record. No database, no storage.
 *
 * The type is decided by the bytes alone; the declared file name and content type are never trusted.
 */

export const MEDIA_LIMITS = { maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000, maxDimension: 12_000 } as const;
export interface MediaLimits {
  readonly maxBytes: number;
  /** Decoded pixels in all: width × height, times the frame count for an animation. */
  readonly maxPixels: number;
  /** Pixels on either side. */
  readonly maxDimension: number;
}

/** Widths of the WebP variants; only those narrower than the image are made. */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;
/** The one AVIF variant is this wide, or as wide as the image when that is narrower. */
export const AVIF_VARIANT_WIDTH = 1024;
/** Longest text kept from an embedded credit, creator, copyright or caption field. */
export const EMBEDDED_TEXT_MAX = 300;

export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

export interface ProcessedImage {
  /** The image re-encoded in its own format at full size (auto-rotated, no metadata). */
  original: { bytes: Uint8Array; mimeType: string; ext: string; width: number; height: number };
  variants: Array<{ bytes: Uint8Array; width: number; height: number; format: 'webp' | 'avif'; ext: string }>;
  /** Read from the upload's IPTC, XMP or EXIF before it was stripped; trimmed, at most 300 characters. */
  embedded: { creator: string | null; credit: string | null; copyrightHolder: string | null; caption: string | null };
}

type Kind = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

const KINDS: Record<Kind, { mimeType: AcceptedImageType; ext: string; label: string }> = {
  jpeg: { mimeType: 'image/jpeg', ext: 'jpg', label: 'JPEG' },
  png: { mimeType: 'image/png', ext: 'png', label: 'PNG' },
  webp: { mimeType: 'image/webp', ext: 'webp', label: 'WebP' },
  avif: { mimeType: 'image/avif', ext: 'avif', label: 'AVIF' },
  gif: { mimeType: 'image/gif', ext: 'gif', label: 'GIF' },
};

/** What file-type reports, mapped to the kinds accepted. An animated PNG is kept as its first frame. */
const KIND_BY_DETECTED_MIME: Record<string, Kind> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/apng': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
};

const ACCEPTED_LIST = 'JPEG, PNG, WebP, AVIF or GIF';

const ORIGINAL_JPEG = { quality: 85, mozjpeg: true } as const;
const ORIGINAL_WEBP_QUALITY = 85;
// AVIF effort: 4 (the default) took 2.1 s for one 1024-wide variant of a 2000×1000 photo here, 3 took 0.5 s
// and 2 took 0.3 s, the files within 1% and 6% of each other. An AVIF original can be 50 megapixels: effort 2.
const ORIGINAL_AVIF = { quality: 60, effort: 2 } as const;
const VARIANT_WEBP = { quality: 78, effort: 4 } as const;
const VARIANT_AVIF = { quality: 55, effort: 3 } as const;

function refuse(message: string): DomainError {
  return new DomainError('BAD_INPUT', message, { field: 'file' });
}

/**
 * Checks and converts one upload. Refusals are DomainError('BAD_INPUT') with field 'file'. Work is done one
 * output at a time, each decoding from the upload (JPEG shrink-on-load keeps the small variants cheap), so
 * at most one full-size decode is held at once. `limits` is for tests; callers use the default.
 */
export async function processImage(
  input: Uint8Array,
  declaredName: string,
  limits: MediaLimits = MEDIA_LIMITS,
): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const name = displayName(declaredName);
  if (input.byteLength === 0) throw refuse(`${name} is empty`);
  if (input.byteLength > limits.maxBytes) {
    throw refuse(`${name} is ${formatBytes(input.byteLength)}; the limit is ${formatBytes(limits.maxBytes)} per image`);
  }
  if (looksLikeSvg(input)) throw refuse('SVG images are not accepted; upload PNG or WebP');

  const detected = await fileTypeFromBuffer(input).catch(() => undefined);
  if (!detected) throw refuse(`${name} is not an image this site can use; upload a ${ACCEPTED_LIST} image`);
  const kind = KIND_BY_DETECTED_MIME[detected.mime];
  if (!kind) {
    throw refuse(`${name} is a ${detected.ext.toUpperCase()} file (${detected.mime}), which is not accepted; upload a ${ACCEPTED_LIST} image`);
  }

  // Header only: dimensions, frame count and the metadata blocks. The pixel limit is checked by hand
  // below so the refusal can say what the image is; sharp's own limit guards every decode after.
  const meta = await readFailure(() => sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata(), limits);
  if (!sameFormat(kind, meta)) {
    throw refuse(`${name} is not a valid ${KINDS[kind].label} image; export it again and re-upload`);
  }
  const frames = (kind === 'gif' || kind === 'webp') && (meta.pages ?? 1) > 1 ? (meta.pages ?? 1) : 1;
  checkSize(meta, frames, limits);

  const embedded = await readEmbedded(meta);

  const animated = frames > 1;
  const decode: SharpOptions = {
    failOn: 'error',
    limitInputPixels: Math.max(1, limits.maxPixels),
    autoOrient: true,
    animated,
  };

  const original = await readFailure(() => encodeOriginal(sharp(input, decode), kind, input, meta).toBuffer({ resolveWithObject: true }), limits);
  const { width, height } = frameSize(original.info);

  const variants: ProcessedImage['variants'] = [];
  for (const variantWidth of VARIANT_WIDTHS) {
    if (variantWidth >= width) break;
    const out = await readFailure(
      () =>
        sharp(input, decode)
          .resize({ width: variantWidth, withoutEnlargement: true })
          .webp(VARIANT_WEBP)
          .toBuffer({ resolveWithObject: true }),
      limits,
    );
    variants.push({ bytes: out.data, ...frameSize(out.info), format: 'webp', ext: 'webp' });
  }
  // AVIF has no animation here: an animated upload gets its first frame.
  const avif = await readFailure(
    () =>
      sharp(input, { ...decode, animated: false, pages: 1 })
        .resize({ width: Math.min(AVIF_VARIANT_WIDTH, width), withoutEnlargement: true })
        .avif(VARIANT_AVIF)
        .toBuffer({ resolveWithObject: true }),
    limits,
  );
  variants.push({ bytes: avif.data, ...frameSize(avif.info), format: 'avif', ext: 'avif' });

  return {
    original: { bytes: original.data, mimeType: KINDS[kind].mimeType, ext: KINDS[kind].ext, width, height },
    variants,
    embedded,
  };
}

/** Full size, own format. Nothing is kept from the input's metadata (sharp's default), colour ends in sRGB. */
function encodeOriginal(pipeline: Sharp, kind: Kind, input: Uint8Array, meta: Metadata): Sharp {
  switch (kind) {
    case 'jpeg':
      return pipeline.jpeg(ORIGINAL_JPEG);
    case 'png':
      // A palette PNG stays a palette PNG (it has at most 256 colours, so nothing is lost).
      return pipeline.png(meta.isPalette ? { palette: true, colours: 256, dither: 0 } : {});
    case 'webp':
      return pipeline.webp(isLosslessWebp(input) ? { lossless: true } : { quality: ORIGINAL_WEBP_QUALITY });
    case 'avif':
      return pipeline.avif(ORIGINAL_AVIF);
    case 'gif':
      return pipeline.gif();
  }
}

function frameSize(info: OutputInfo): { width: number; height: number } {
  return { width: info.width, height: info.pageHeight ?? info.height };
}

function sameFormat(kind: Kind, meta: Metadata): boolean {
  if (kind === 'avif') return meta.format === 'heif' && meta.compression === 'av1';
  return meta.format === kind;
}

function checkSize(meta: Metadata, frames: number, limits: MediaLimits): void {
  // For a multi-frame image sharp reports one frame here (no `pages`/`animated` option was given).
  const { width, height } = meta;
  if (!width || !height) throw refuse('The image has no size; export it again and re-upload');
  const dimensions = `${formatInt(width)}×${formatInt(height)} pixels`;
  if (width > limits.maxDimension || height > limits.maxDimension) {
    throw refuse(`The image is ${dimensions}; the limit is ${formatInt(limits.maxDimension)} pixels on either side`);
  }
  const total = width * height * frames;
  if (total > limits.maxPixels) {
    const what =
      frames > 1
        ? `The animation has ${formatInt(frames)} frames of ${dimensions} (${formatPixels(total)} in all)`
        : `The image is ${dimensions} (${formatPixels(total)})`;
    throw refuse(`${what}; the limit is ${formatPixels(limits.maxPixels)}`);
  }
}

/** Runs sharp work on the upload; a decode failure becomes a refusal, anything else is left as it is. */
async function readFailure<T>(work: () => Promise<T>, limits: MediaLimits): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/exceeds pixel limit/i.test(message)) {
      throw refuse(`The image is larger than ${formatPixels(limits.maxPixels)}, the limit`);
    }
    if (/input buffer|corrupt|premature|truncat|unexpected end|bogus|load|vips(jpeg|png|gif|webp)|spng|libpng|heif/i.test(message)) {
      throw refuse('The image could not be read; the file may be damaged or incomplete. Export it again and re-upload');
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Type sniffing

const SVG_ROOT = /<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]/i;

/** SVG is XML text, which file-type does not name as SVG: look for an `<svg` root near the start. */
function looksLikeSvg(input: Uint8Array): boolean {
  const head = input.subarray(0, 16 * 1024);
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head.subarray(2));
  else text = new TextDecoder('utf-8').decode(head);
  text = text.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) return false;
  return SVG_ROOT.test(text) || text.includes('http://www.w3.org/2000/svg');
}

/** A lossless WebP has a VP8L bitstream chunk; a lossy one a VP8 chunk. Walks the RIFF chunks. */
function isLosslessWebp(input: Uint8Array): boolean {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let offset = 12;
  while (offset + 8 <= input.byteLength) {
    const fourcc = String.fromCharCode(input[offset]!, input[offset + 1]!, input[offset + 2]!, input[offset + 3]!);
    if (fourcc === 'VP8L') return true;
    if (fourcc === 'VP8 ') return false;
    const size = view.getUint32(offset + 4, true);
    offset += 8 + size + (size % 2);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Embedded credit and caption

type Embedded = ProcessedImage['embedded'];
type Fields = { [K in keyof Embedded]?: string | null };

/** XMP first (the newer standard, and what tools keep in step), then IPTC, then EXIF Artist/Copyright. */
async function readEmbedded(meta: Metadata): Promise<Embedded> {
  const xmp = await safely(() => (meta.xmp ? readXmp(meta.xmp) : {}));
  const iptc = await safely(() => (meta.iptc ? readIptc(meta.iptc) : {}));
  const exif = await safely(() => (meta.exif ? readExif(meta.exif) : {}));
  const pick = (key: keyof Embedded, multiline = false): string | null => {
    for (const source of [xmp, iptc, exif]) {
      const value = cleanText(source[key], multiline);
      if (value) return value;
    }
    return null;
  };
  return { creator: pick('creator'), credit: pick('credit'), copyrightHolder: pick('copyrightHolder'), caption: pick('caption', true) };
}

/** Embedded fields are a convenience: a block that cannot be read is ignored, never a refusal. */
async function safely(read: () => Fields | Promise<Fields>): Promise<Fields> {
  try {
    return await read();
  } catch {
    return {};
  }
}

function cleanText(value: string | null | undefined, multiline: boolean): string | null {
  if (!value) return null;
  // Far more than is kept, but bounded, so the clean-up below never works on megabytes.
  let text = value.slice(0, EMBEDDED_TEXT_MAX * 20).normalize('NFC').replace(/\r\n?/g, '\n');
  // Control characters (NUL is refused by Postgres text) become spaces; a caption keeps its line breaks.
  text = text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, ' ');
  text = multiline
    ? text.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n')
    : text.replace(/\s+/g, ' ');
  text = text.trim();
  const chars = Array.from(text);
  if (chars.length > EMBEDDED_TEXT_MAX) text = chars.slice(0, EMBEDDED_TEXT_MAX).join('').trimEnd();
  return text || null;
}

// XMP. Read by hand rather than with exifr: exifr leaves XML entities encoded, and its regular expressions
// take over ten seconds on a crafted 1.6 MB of XMP. Everything here is indexOf scanning or linear expressions.

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
} as const;

const MAX_PREFIXES_PER_NAMESPACE = 4;

function readXmp(bytes: Uint8Array): Fields {
  const xml = new TextDecoder('utf-8').decode(bytes);
  const prefixes = new Map<string, Set<string>>();
  for (const match of xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const uri = match[2] ?? match[3] ?? '';
    const set = prefixes.get(uri) ?? new Set<string>();
    // Real files bind a namespace once or twice; a crafted one could bind it thousands of times.
    if (set.size < MAX_PREFIXES_PER_NAMESPACE) set.add(match[1]!);
    prefixes.set(uri, set);
  }
  const rdf = [...(prefixes.get(NS.rdf) ?? ['rdf'])];
  const property = (uri: string, local: string, list: 'alt' | 'seq'): string | undefined => {
    for (const prefix of prefixes.get(uri) ?? []) {
      const value = xmpProperty(xml, `${prefix}:${local}`, rdf, list);
      if (value) return value;
    }
    return undefined;
  };
  return {
    creator: property(NS.dc, 'creator', 'seq'),
    credit: property(NS.photoshop, 'Credit', 'alt'),
    copyrightHolder: property(NS.dc, 'rights', 'alt'),
    caption: property(NS.dc, 'description', 'alt'),
  };
}

/** A simple property as an attribute or an element; a language alternative (x-default first) or a list. */
function xmpProperty(xml: string, qname: string, rdf: string[], list: 'alt' | 'seq'): string | undefined {
  const attribute = new RegExp(`\\s${escapeRegExp(qname)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xml);
  if (attribute) return decodeXml(attribute[1] ?? attribute[2] ?? '');

  const open = `<${qname}`;
  let from = 0;
  for (;;) {
    const start = xml.indexOf(open, from);
    if (start < 0) return undefined;
    from = start + open.length;
    const next = xml[from];
    if (next !== '>' && next !== '/' && !/\s/.test(next ?? '')) continue;
    const tagEnd = xml.indexOf('>', from);
    if (tagEnd < 0) return undefined;
    from = tagEnd + 1;
    if (xml[tagEnd - 1] === '/') continue;
    const close = xml.indexOf(`</${qname}>`, tagEnd);
    if (close < 0) return undefined;
    const body = xml.slice(tagEnd + 1, close);
    const items = rdfItems(body, rdf);
    if (items.length === 0) return stripTags(body);
    if (list === 'alt') {
      const chosen = items.find((item) => item.lang === 'x-default') ?? items[0]!;
      return chosen.text;
    }
    return items.map((item) => item.text).filter(Boolean).join('; ');
  }
}

function rdfItems(body: string, rdf: string[]): Array<{ lang: string | undefined; text: string }> {
  const items: Array<{ lang: string | undefined; text: string }> = [];
  for (const prefix of rdf) {
    const open = `<${prefix}:li`;
    const close = `</${prefix}:li>`;
    let from = 0;
    for (;;) {
      const start = body.indexOf(open, from);
      if (start < 0) break;
      const tagEnd = body.indexOf('>', start + open.length);
      if (tagEnd < 0) break;
      const attributes = body.slice(start + open.length, tagEnd);
      if (attributes.endsWith('/')) {
        from = tagEnd + 1;
        continue;
      }
      const end = body.indexOf(close, tagEnd);
      if (end < 0) break;
      const lang = /xml:lang\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
      items.push({ lang: lang?.toLowerCase(), text: stripTags(body.slice(tagEnd + 1, end)) });
      from = end + close.length;
    }
    if (items.length > 0) break;
  }
  return items;
}

/** The text of an XML fragment: tags become spaces, CDATA is kept as written, entities are decoded. */
function stripTags(fragment: string): string {
  let text = '';
  let at = 0;
  while (at < fragment.length) {
    const lt = fragment.indexOf('<', at);
    if (lt < 0) {
      text += decodeXml(fragment.slice(at));
      break;
    }
    text += decodeXml(fragment.slice(at, lt));
    if (fragment.startsWith('<![CDATA[', lt)) {
      const end = fragment.indexOf(']]>', lt + 9);
      const stop = end < 0 ? fragment.length : end;
      text += fragment.slice(lt + 9, stop);
      at = stop + 3;
    } else {
      const gt = fragment.indexOf('>', lt);
      if (gt < 0) break;
      text += ' ';
      at = gt + 1;
    }
  }
  return text;
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/gi, (whole, hex?: string, dec?: string, named?: string) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase() as 'amp'];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// IPTC-IIM, from the Photoshop image resource block (8BIM 0x0404) that sharp hands over. Read by hand:
// exifr decodes every IPTC string as Latin-1, which garbles the UTF-8 that current tools write.

const IPTC_FIELDS: Record<number, keyof Embedded> = { 80: 'creator', 110: 'credit', 116: 'copyrightHolder', 120: 'caption' };

const MAX_IPTC_REPEATS = 10;

function readIptc(block: Uint8Array): Fields {
  const iim = findIim(block);
  if (!iim) return {};
  const raw = new Map<keyof Embedded, Uint8Array[]>();
  let utf8 = false;
  let offset = 0;
  while (offset + 5 <= iim.length && iim[offset] === 0x1c) {
    const record = iim[offset + 1]!;
    const dataset = iim[offset + 2]!;
    const length = (iim[offset + 3]! << 8) | iim[offset + 4]!;
    if (length & 0x8000) break; // extended-length datasets are not text fields
    const value = iim.subarray(offset + 5, offset + 5 + length);
    offset += 5 + length;
    // 1:90 coded character set; ESC % G means UTF-8.
    if (record === 1 && dataset === 90) utf8 = value[0] === 0x1b && value[1] === 0x25 && value[2] === 0x47;
    const field = record === 2 ? IPTC_FIELDS[dataset] : undefined;
    if (!field) continue;
    const values = raw.get(field) ?? [];
    if (values.length < MAX_IPTC_REPEATS) values.push(value);
    raw.set(field, values);
  }
  const fields: Fields = {};
  for (const [field, values] of raw) {
    const texts = values.map((value) => decodeText(value, utf8)).filter(Boolean);
    fields[field] = field === 'creator' ? texts.join('; ') : texts[0];
  }
  return fields;
}

function findIim(block: Uint8Array): Uint8Array | undefined {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const photoshop = 'Photoshop 3.0\0';
  let offset = String.fromCharCode(...block.subarray(0, photoshop.length)) === photoshop ? photoshop.length : 0;
  if (block[offset] === 0x1c) return block.subarray(offset);
  while (offset + 12 <= block.length) {
    if (view.getUint32(offset) !== 0x3842494d) return undefined; // '8BIM'
    const id = view.getUint16(offset + 4);
    const nameLength = block[offset + 6]!;
    const namePadded = nameLength + 1 + ((nameLength + 1) % 2);
    const sizeAt = offset + 6 + namePadded;
    if (sizeAt + 4 > block.length) return undefined;
    const size = view.getUint32(sizeAt);
    const dataAt = sizeAt + 4;
    if (id === 0x0404) return block.subarray(dataAt, Math.min(block.length, dataAt + size));
    offset = dataAt + size + (size % 2);
  }
  return undefined;
}

/** UTF-8 when declared or when the bytes are valid UTF-8; otherwise Latin-1, as older files are. */
function decodeText(value: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(value);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    return new TextDecoder('latin1').decode(value);
  }
}

// EXIF: only IFD0 Artist and Copyright, a last resort for cameras set up with the photographer's name.
// (ImageDescription is left alone: cameras fill it with their own model name.) Read by hand too, so the
// module needs no metadata library at all: exifr's ESM build and its CommonJS build export differently.

const EXIF_FIELDS: Record<number, keyof Embedded> = { 0x013b: 'creator', 0x8298: 'copyrightHolder' };

function readExif(exif: Uint8Array): Fields {
  const exifHeader = String.fromCharCode(...exif.subarray(0, 6)) === 'Exif\0\0';
  const tiff = exifHeader ? exif.subarray(6) : exif;
  if (tiff.length < 8) return {};
  const little = tiff[0] === 0x49 && tiff[1] === 0x49; // 'II'
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return {}; // 'MM'
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (view.getUint16(2, little) !== 42) return {};
  const ifd0 = view.getUint32(4, little);
  if (ifd0 + 2 > tiff.length) return {};
  const fields: Fields = {};
  const entries = view.getUint16(ifd0, little);
  for (let index = 0; index < entries; index++) {
    const entry = ifd0 + 2 + index * 12;
    if (entry + 12 > tiff.length) break;
    const field = EXIF_FIELDS[view.getUint16(entry, little)];
    if (!field || view.getUint16(entry + 2, little) !== 2) continue; // type 2: ASCII
    const count = view.getUint32(entry + 4, little);
    const at = count <= 4 ? entry + 8 : view.getUint32(entry + 8, little);
    if (at + count > tiff.length) continue;
    fields[field] = decodeText(tiff.subarray(at, at + count), false);
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------------
// Messages

function displayName(declaredName: string): string {
  const base = declaredName.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base.replace(/[\u0000-\u001F\u007F-\u009F"]/g, '').trim()).slice(0, 80).join('');
  return clean ? `"${clean}"` : 'The file';
}

function formatInt(value: number): string {
  return value.toLocaleString('en-US');
}

function formatBytes(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as equal to it.
  if (bytes >= 1024 * 1024) return `${trimNumber(Math.ceil((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${trimNumber(Math.ceil((bytes / 1024) * 10) / 10)} KB`;
  return `${formatInt(bytes)} bytes`;
}

function formatPixels(pixels: number): string {
  return pixels >= 1_000_000 ? `${trimNumber(pixels / 1_000_000)} megapixels` : `${formatInt(pixels)} pixels`;
}

function trimNumber(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
