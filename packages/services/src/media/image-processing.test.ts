import { crc32 } from 'node:zlib';
import { DomainError } from '@newsroom/domain';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS, processImage, VARIANT_WIDTHS, type ProcessedImage } from './image-processing.ts';

const XMP = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/">
<photoshop:Credit>Reuters</photoshop:Credit>
<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2026 Jane Doe</rdf:li></rdf:Alt></dc:rights>
<dc:description><rdf:Alt><rdf:li xml:lang="fr">Une légende</rdf:li><rdf:li xml:lang="x-default">Flood   waters &amp; rescue
boats in Leeds</rdf:li></rdf:Alt></dc:description>
<exif:GPSLatitude>51,30.5N</exif:GPSLatitude>
<exif:GPSLongitude>0,7.0W</exif:GPSLongitude>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;

const GPS_EXIF = {
  IFD0: { Copyright: 'Exif Copyright', Artist: 'Exif Artist' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
};

function canvas(width: number, height: number, background = '#336699') {
  return sharp({ create: { width, height, channels: 3, background } });
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domainError = error as DomainError;
  expect(domainError.code).toBe('BAD_INPUT');
  expect(domainError.field).toBe('file');
  return domainError;
}

function outputs(result: ProcessedImage): Uint8Array[] {
  return [result.original.bytes, ...result.variants.map((variant) => variant.bytes)];
}

/** Sharp's reading of every output: no EXIF, XMP, IPTC, PNG text or orientation may survive. */
async function expectNoMetadata(result: ProcessedImage): Promise<void> {
  for (const bytes of outputs(result)) {
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.comments ?? []).toEqual([]);
    expect(meta.orientation).toBeUndefined();
    expect(Buffer.from(bytes).includes('GPS')).toBe(false);
    expect(Buffer.from(bytes).includes('Jane Doe')).toBe(false);
  }
}

/** A JPEG APP13 (Photoshop 3.0) segment holding IPTC-IIM datasets, put right after SOI. */
function withIptc(jpeg: Buffer, datasets: Array<[record: number, dataset: number, value: Buffer]>): Buffer {
  const iim = Buffer.concat(
    datasets.map(([record, dataset, value]) =>
      Buffer.concat([Buffer.from([0x1c, record, dataset, value.length >> 8, value.length & 0xff]), value]),
    ),
  );
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const resource = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), size, iim, Buffer.alloc(iim.length % 2)]);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xed]), length, payload, jpeg.subarray(2)]);
}

/** A PNG tEXt chunk put right after IHDR. */
function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const type = Buffer.from('tEXt');
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  return Buffer.concat([png.subarray(0, 33), length, type, data, crc, png.subarray(33)]);
}

describe('processImage', () => {
  it('accepts a JPEG, makes WebP variants at each narrower width and one AVIF, and strips GPS and all metadata', async () => {
    const input = await canvas(2000, 1000).jpeg().withExif(GPS_EXIF).withXmp(XMP).toBuffer();
    // The fixture really carries a location, in EXIF and in XMP.
    expect(await exifr.gps(input)).toMatchObject({ latitude: 51.5 });
    expect((await sharp(input).metadata()).xmpAsString).toContain('exif:GPSLatitude');

    const result = await processImage(input, 'flood.jpg');

    expect(result.original).toMatchObject({ mimeType: 'image/jpeg', ext: 'jpg', width: 2000, height: 1000 });
    expect((await sharp(result.original.bytes).metadata()).format).toBe('jpeg');
    expect(result.variants.map(({ format, width, height, ext }) => ({ format, width, height, ext }))).toEqual([
      { format: 'webp', width: 320, height: 160, ext: 'webp' },
      { format: 'webp', width: 640, height: 320, ext: 'webp' },
      { format: 'webp', width: 1024, height: 512, ext: 'webp' },
      { format: 'webp', width: 1600, height: 800, ext: 'webp' },
      { format: 'avif', width: 1024, height: 512, ext: 'avif' },
    ]);
    expect(result.variants.filter((v) => v.format === 'webp').map((v) => v.width)).toEqual([...VARIANT_WIDTHS]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.format).toBe(variant.format === 'avif' ? 'heif' : 'webp');
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
    }
    await expectNoMetadata(result);
    for (const bytes of outputs(result)) {
      expect(await exifr.gps(bytes).catch(() => undefined)).toBeUndefined();
    }
  });

  it('reads credit, creator, copyright and caption from XMP before stripping it', async () => {
    const input = await canvas(400, 300).jpeg().withXmp(XMP).toBuffer();
    const { embedded } = await processImage(input, 'a.jpg');
    expect(embedded).toEqual({
      creator: 'Jane Doe',
      credit: 'Reuters',
      copyrightHolder: '© 2026 Jane Doe',
      caption: 'Flood waters & rescue\nboats in Leeds',
    });
  });

  it('reads XMP written as attributes, with several creators, from a PNG', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 ps:Credit="AP &amp; Co"><dc:creator><rdf:Seq><rdf:li>Ann</rdf:li><rdf:li>Bo</rdf:li></rdf:Seq></dc:creator></rdf:Description>
</rdf:RDF></x:xmpmeta>`;
    const input = await canvas(400, 300).png().withXmp(xmp).toBuffer();
    const result = await processImage(input, 'a.png');
    expect(result.embedded).toEqual({ creator: 'Ann; Bo', credit: 'AP & Co', copyrightHolder: null, caption: null });
    await expectNoMetadata(result);
  });

  it('reads IPTC By-line, Credit, CopyrightNotice and Caption-Abstract (UTF-8 and Latin-1), and strips IPTC', async () => {
    const jpeg = await canvas(400, 300).jpeg().toBuffer();
    const utf8 = withIptc(jpeg, [
      [1, 90, Buffer.from([0x1b, 0x25, 0x47])],
      [2, 80, Buffer.from('José Núñez')],
      [2, 110, Buffer.from('Agence Éclair')],
      [2, 116, Buffer.from('© José Núñez')],
      [2, 120, Buffer.from('  A caption  ')],
    ]);
    expect((await sharp(utf8).metadata()).iptc).toBeDefined();
    const result = await processImage(utf8, 'iptc.jpg');
    expect(result.embedded).toEqual({
      creator: 'José Núñez',
      credit: 'Agence Éclair',
      copyrightHolder: '© José Núñez',
      caption: 'A caption',
    });
    await expectNoMetadata(result);

    const latin1 = withIptc(jpeg, [[2, 110, Buffer.from('Agence Éclair', 'latin1')]]);
    expect((await processImage(latin1, 'iptc.jpg')).embedded.credit).toBe('Agence Éclair');
  });

  it('prefers XMP over IPTC, and falls back to EXIF Artist and Copyright', async () => {
    const both = withIptc(await canvas(400, 300).jpeg().withXmp(XMP).toBuffer(), [[2, 110, Buffer.from('IPTC Credit')]]);
    expect((await processImage(both, 'a.jpg')).embedded.credit).toBe('Reuters');

    const exifOnly = await canvas(400, 300).jpeg().withExif(GPS_EXIF).toBuffer();
    expect((await processImage(exifOnly, 'a.jpg')).embedded).toEqual({
      creator: 'Exif Artist',
      credit: null,
      copyrightHolder: 'Exif Copyright',
      caption: null,
    });
  });

  it('trims embedded text, drops control characters and caps it at 300 characters', async () => {
    const long = 'x'.repeat(400);
    const xmp = XMP.replace('Reuters', `  ${long}  `).replace('Jane Doe</rdf:li>', 'Jane\u0001 Doe  </rdf:li>');
    const { embedded } = await processImage(await canvas(400, 300).jpeg().withXmp(xmp).toBuffer(), 'a.jpg');
    expect(embedded.credit).toBe('x'.repeat(300));
    expect(embedded.creator).toBe('Jane Doe');
  });

  it('returns no embedded fields when there are none', async () => {
    const { embedded } = await processImage(await canvas(400, 300).jpeg().toBuffer(), 'a.jpg');
    expect(embedded).toEqual({ creator: null, credit: null, copyrightHolder: null, caption: null });
  });

  it('detects a PNG renamed .jpg as PNG, and strips its text chunks', async () => {
    const png = withPngText(await canvas(800, 600).png().toBuffer(), 'Comment', 'GPS 51.5N 0.1W');
    expect((await sharp(png).metadata()).comments).toEqual([{ keyword: 'Comment', text: 'GPS 51.5N 0.1W' }]);
    const result = await processImage(png, 'holiday.jpg');
    expect(result.original).toMatchObject({ mimeType: 'image/png', ext: 'png', width: 800, height: 600 });
    expect((await sharp(result.original.bytes).metadata()).format).toBe('png');
    expect(result.variants.map((variant) => `${variant.format}:${variant.width}`)).toEqual(['webp:320', 'webp:640', 'avif:800']);
    await expectNoMetadata(result);
  });

  it('re-encodes WebP, AVIF and GIF in their own formats', async () => {
    const webp = await processImage(await canvas(500, 400).webp({ lossless: true }).toBuffer(), 'x.png');
    expect(webp.original).toMatchObject({ mimeType: 'image/webp', ext: 'webp', width: 500, height: 400 });
    expect(Buffer.from(webp.original.bytes).subarray(12, 16).toString('latin1')).toBe('VP8L'); // still lossless

    const avif = await processImage(await canvas(500, 400).avif().withXmp(XMP).toBuffer(), 'x.jpg');
    expect(avif.original).toMatchObject({ mimeType: 'image/avif', ext: 'avif', width: 500, height: 400 });
    expect(avif.embedded.credit).toBe('Reuters');
    await expectNoMetadata(avif);

    const gif = await processImage(await canvas(500, 400).gif().toBuffer(), 'x.jpg');
    expect(gif.original).toMatchObject({ mimeType: 'image/gif', ext: 'gif', width: 500, height: 400 });
  });

  it('keeps an animated GIF animated, with animated WebP variants and a first-frame AVIF', async () => {
    const frame = (colour: string) => sharp({ create: { width: 700, height: 400, channels: 4, background: colour } }).png().toBuffer();
    const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map(frame));
    const gif = await sharp(frames, { join: { animated: true } }).gif({ delay: [100, 100, 100], loop: 0 }).toBuffer();

    const result = await processImage(gif, 'anim.gif');
    expect(result.original).toMatchObject({ mimeType: 'image/gif', width: 700, height: 400 });
    expect((await sharp(result.original.bytes, { animated: true }).metadata()).pages).toBe(3);
    expect(result.variants.map((v) => `${v.format}:${v.width}x${v.height}`)).toEqual(['webp:320x183', 'webp:640x366', 'avif:700x400']);
    expect((await sharp(result.variants[0]!.bytes, { animated: true }).metadata()).pages).toBe(3);
    expect((await sharp(result.variants[2]!.bytes).metadata()).pages ?? 1).toBe(1);
  });

  it('makes no WebP variant for an image narrower than 320, and an AVIF at its own width', async () => {
    const result = await processImage(await canvas(200, 150).jpeg().toBuffer(), 'small.jpg');
    expect(result.variants.map((v) => `${v.format}:${v.width}x${v.height}`)).toEqual(['avif:200x150']);
  });

  it('turns the image upright by its EXIF orientation and drops the tag', async () => {
    const input = await canvas(200, 100).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const result = await processImage(input, 'rotated.jpg');
    expect(result.original).toMatchObject({ width: 100, height: 200 });
    expect(result.variants.at(-1)).toMatchObject({ format: 'avif', width: 100, height: 200 });
    await expectNoMetadata(result);
  });

  it('refuses SVG, whatever the name', async () => {
    const svgs = [
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      '\uFEFF  <!-- made by hand --><!DOCTYPE svg><svg width="10" height="10"></svg>',
    ];
    for (const svg of svgs) {
      const error = await refusal(processImage(Buffer.from(svg), 'logo.png'));
      expect(error.message).toBe('SVG images are not accepted; upload PNG or WebP');
    }
  });

  it('refuses a text file and other kinds of file', async () => {
    const text = await refusal(processImage(Buffer.from('just some notes, not a picture\n'), 'photo.jpg'));
    expect(text.message).toMatch(/not an image.*JPEG, PNG, WebP, AVIF or GIF/);

    const tiff = await canvas(50, 50).tiff().toBuffer();
    expect((await refusal(processImage(tiff, 'scan.jpg'))).message).toMatch(/image\/tiff.*not accepted/);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    expect((await refusal(processImage(pdf, 'doc.png'))).message).toMatch(/application\/pdf/);

    await refusal(processImage(new Uint8Array(0), 'empty.jpg'));
  });

  it('refuses a damaged image', async () => {
    const jpeg = await canvas(800, 600).jpeg().toBuffer();
    const error = await refusal(processImage(jpeg.subarray(0, jpeg.length / 2), 'cut.jpg'));
    expect(error.message).toMatch(/could not be read/);
  });

  it('refuses an image over the pixel, dimension or byte limit, naming the limit', async () => {
    const input = await canvas(400, 300).jpeg().toBuffer();
    const pixels = await refusal(processImage(input, 'a.jpg', { ...MEDIA_LIMITS, maxPixels: 100_000 }));
    expect(pixels.message).toBe('The image is 400×300 pixels (120,000 pixels); the limit is 100,000 pixels');

    const side = await refusal(processImage(input, 'a.jpg', { ...MEDIA_LIMITS, maxDimension: 350 }));
    expect(side.message).toBe('The image is 400×300 pixels; the limit is 350 pixels on either side');

    expect(input.length).toBeGreaterThan(100);
    const bytes = await refusal(processImage(input, 'big.jpg', { ...MEDIA_LIMITS, maxBytes: 100 }));
    expect(bytes.message).toMatch(/^"big\.jpg" is [\d.,]+ (bytes|KB); the limit is 100 bytes per image$/);

    // The frames of an animation count together.
    // (Frames differ: the GIF encoder merges identical ones.)
    const frame = (colour: string) => sharp({ create: { width: 200, height: 200, channels: 4, background: colour } }).png().toBuffer();
    const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map(frame));
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    const animation = await refusal(processImage(gif, 'a.gif', { ...MEDIA_LIMITS, maxPixels: 100_000 }));
    expect(animation.message).toBe('The animation has 3 frames of 200×200 pixels (120,000 pixels in all); the limit is 100,000 pixels');
  });

  it('names large limits in megapixels and megabytes', async () => {
    expect(MEDIA_LIMITS).toEqual({ maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000, maxDimension: 12_000 });
    const input = await canvas(2000, 1000).jpeg().toBuffer();
    const error = await refusal(processImage(input, 'a.jpg', { ...MEDIA_LIMITS, maxPixels: 1_500_000 }));
    expect(error.message).toBe('The image is 2,000×1,000 pixels (2 megapixels); the limit is 1.5 megapixels');
    const big = await refusal(processImage(new Uint8Array(MEDIA_LIMITS.maxBytes + 1), 'huge.jpg'));
    expect(big.message).toBe('"huge.jpg" is 20.1 MB; the limit is 20 MB per image');
  });

  it('reads a crafted megabyte of XMP quickly', async () => {
    const junk = ['<rdf:li>', ' a:b="c"', '<dc:creator/', '<<', '<![CDATA[', 'xmlns:p="http://purl.org/dc/elements/1.1/" ']
      .map((piece) => piece.repeat(20_000))
      .join('');
    const xmp = XMP.replace('<exif:GPSLatitude>', `<photoshop:History>${junk}</photoshop:History><exif:GPSLatitude>`).replace(
      '</rdf:Alt></dc:description>',
      `</rdf:Alt>${'<<![CDATA['.repeat(20_000)}</dc:description>`,
    );
    expect(xmp.length).toBeGreaterThan(1_000_000);
    const input = await canvas(100, 100).png().withXmp(xmp).toBuffer();
    const started = performance.now();
    const result = await processImage(input, 'a.png');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.embedded.credit).toBe('Reuters');
  });
});
