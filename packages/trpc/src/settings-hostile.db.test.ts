import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError } from '@newsroom/domain';
import type { StaffContext } from '@newsroom/services';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { callerFor } from './testing.ts';

let t: TestServices;
let admin: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  admin = await t.staff('administrator');
});
afterAll(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The fields a refusal names: the zod issue paths, or the DomainError's field. */
function fieldsOf(error: TRPCError): string[] {
  const cause = error.cause;
  if (cause instanceof ZodError) return cause.issues.map((i) => i.path.join('.'));
  if (cause instanceof DomainError && cause.field) return [cause.field];
  return [];
}

const nav = (url: string, label = 'Link') => ({ navigation: { header: [{ label, url }], footer: [] } });

describe('settings.update refuses every hostile value, naming the field, and changes nothing', () => {
  it.each([
    ['a javascript: header link', nav('javascript:alert(1)'), 'navigation.header.0.url'],
    ['a JavaScript: link in mixed case', nav('JaVaScRiPt:alert(1)'), 'navigation.header.0.url'],
    ['a javascript: link behind a leading space', nav(' javascript:alert(1)'), 'navigation.header.0.url'],
    ['a javascript: link with a tab inside', nav('java\tscript:alert(1)'), 'navigation.header.0.url'],
    ['a data: link', nav('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='), 'navigation.header.0.url'],
    ['a vbscript: link', nav('vbscript:msgbox(1)'), 'navigation.header.0.url'],
    ['a protocol-relative link', nav('//evil.example/path'), 'navigation.header.0.url'],
    ['a backslash trick', nav('/\\evil.example'), 'navigation.header.0.url'],
    ['a javascript: footer link', { navigation: { header: [], footer: [{ label: 'X', url: 'javascript:void(0)' }] } }, 'navigation.footer.0.url'],
    ['an empty link label', nav('/ok', '   '), 'navigation.header.0.label'],
    ['a control character in a label', nav('/ok', 'Bad\u0007label'), 'navigation.header.0.label'],
    ['CSS injection in the accent colour', { accentColor: 'red;}body{display:none' }, 'accentColor'],
    ['a url() in the accent colour', { accentColor: 'url(https://evil.example/x)' }, 'accentColor'],
    ['an expression in the accent colour', { accentColor: '#fff;background:url(x)' }, 'accentColor'],
    ['a javascript: licence URL', { defaultLicense: { code: 'custom', customText: 'Mine', customUrl: 'javascript:alert(1)' } }, 'defaultLicense.customUrl'],
    ['a data: social link', { social: { x: null, facebook: 'data:text/html,hi', instagram: null, linkedin: null } }, 'social.facebook'],
    ['an unknown licence', { defaultLicense: { code: 'public-domain-ish', customText: null, customUrl: null } }, 'defaultLicense.code'],
    ['a script in the language tag', { language: 'en"><script>alert(1)</script>' }, 'language'],
    ['a time zone that does not exist', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a logo without alt text', { logoAlt: '' }, 'logoAlt'],
    ['a logo that is not a media id', { logoMediaId: 'javascript:alert(1)' }, 'logoMediaId'],
    ['an empty notice template', { copyrightTemplate: '  ' }, 'copyrightTemplate'],
    ['a name that is too long', { name: 'x'.repeat(121) }, 'name'],
    ['a rights mode that does not exist', { rightsEnforcement: 'ignore' }, 'rightsEnforcement'],
  ])('%s', async (_label, input, field) => {
    const before = await t.settings.get(admin);
    const error = await failure(callerFor(t, admin).settings.update(input as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldsOf(error)).toContain(field);
    expect(await t.settings.get(admin)).toEqual(before);
  });

  it('refuses a logo id with no image behind it, naming the field', async () => {
    const error = await failure(callerFor(t, admin).settings.update({ logoMediaId: '00000000-0000-4000-8000-000000000000', logoAlt: 'Logo' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldsOf(error)).toEqual(['logoMediaId']);
  });

  it('stores script tags in names, alt text and labels as text; branding hands them back unchanged', async () => {
    const hostile = '<script>alert(1)</script>"\'&';
    await callerFor(t, admin).settings.update({ name: hostile, logoAlt: `<img src=x onerror=alert(1)>`, navigation: { header: [{ label: hostile, url: '/ok' }], footer: [] } });
    const branding = await t.settings.branding();
    expect(branding.name).toBe(hostile);
    expect(branding.logo?.alt).toBe('<img src=x onerror=alert(1)>');
    expect(branding.navigation.header[0]!.label).toBe(hostile);
  });
});
