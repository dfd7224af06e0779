import { describe, expect, it } from 'vitest';
import { describeRightsGaps, imageRightsGaps, rightsSummary, type ImageRightsFacts } from './rights.ts';

const at = new Date('2026-11-30T10:00:00Z');
const cleared: ImageRightsFacts = {
  altText: 'Boats',
  creator: null,
  credit: 'Jo Lens',
  copyrightHolder: 'Agency',
  licenseCode: 'cc-by-4.0',
  licenseExpiresAt: null,
  withdrawnAt: null,
};

describe('imageRightsGaps', () => {
  it('clears an image with alt text, a credit or creator, a holder and a licence', () => {
    expect(imageRightsGaps(cleared, at)).toEqual([]);
    expect(imageRightsGaps({ ...cleared, credit: null, creator: 'Jo Lens' }, at)).toEqual([]);
  });

  it('names each gap; blank text counts as missing', () => {
    expect(imageRightsGaps({ ...cleared, altText: '  ', credit: '', creator: null, copyrightHolder: null, licenseCode: null }, at)).toEqual([
      'altText',
      'credit',
      'copyrightHolder',
      'licence',
    ]);
    expect(imageRightsGaps(undefined, at)).toEqual(['missing']);
    expect(imageRightsGaps({ ...cleared, withdrawnAt: at }, at)).toEqual(['withdrawn']);
  });

  it('counts a licence as run out at its end time, not after', () => {
    expect(imageRightsGaps({ ...cleared, licenseExpiresAt: at }, at)).toEqual(['expired']);
    expect(imageRightsGaps({ ...cleared, licenseExpiresAt: new Date(at.getTime() + 1) }, at)).toEqual([]);
  });

  it('takes a body node\'s own alt text and credit', () => {
    expect(imageRightsGaps({ ...cleared, altText: '', credit: null }, at, { altText: 'Boats', credit: 'Jo' })).toEqual([]);
  });
});

describe('describing gaps', () => {
  it('says, per image, where it is and what it lacks', () => {
    const message = describeRightsGaps({ label: 'Harbour', places: ['featured', 'body'], licenseExpiresAt: at }, ['withdrawn', 'credit', 'expired']);
    expect(message).toBe('“Harbour” (featured image, in the body) has been withdrawn, lacks a credit or creator and has a licence that runs only until 2026-11-30');
    expect(rightsSummary([{ mediaId: 'x', label: 'Harbour', places: ['social'], gaps: ['altText'], message: 'one' }])).toBe(
      'An image lacks rights information needed to publish: one.',
    );
  });
});
