import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  DEFAULT_COPYRIGHT_TEMPLATE,
  LICENSES,
  LICENSE_CODES,
  MIN_TEXT_CONTRAST,
  contrastRatio,
  textColorOn,
  type LicenseCode,
  type PublicBranding,
  type PublicationSettings,
} from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { useSession } from '../auth/session.tsx';
import { BrandPreview } from './brand-preview.tsx';
import { ImageField } from './image-field.tsx';
import { NavEditor } from './nav-editor.tsx';
import { changedFields, isHexColor, previewBranding, timeZoneOptions, toFieldErrors, type FieldErrors, type PreviewImage } from './settings-form.ts';
import './admin.css';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; message: string } | { kind: 'failed'; message: string };

const LANGUAGES = ['en', 'en-GB', 'en-US', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'pl', 'ja', 'zh'];

/** A labelled input with the server's message for it underneath, tied to it for screen readers. */
function Field({ label, error, hint, children }: { label: string; error?: string | undefined; hint?: ReactNode; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function SettingsPage() {
  const { can } = useSession();
  const canUpdate = can('settings.update');
  const [saved, setSaved] = useState<PublicationSettings | null>(null);
  const [draft, setDraft] = useState<PublicationSettings | null>(null);
  const [branding, setBranding] = useState<PublicBranding | null>(null);
  const [logo, setLogo] = useState<PreviewImage | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([trpc.settings.get.query(), trpc.settings.branding.query()]).then(
      ([settings, current]) => {
        setSaved(settings);
        setDraft(settings);
        setBranding(current);
        if (current.logo) setLogo({ url: current.logo.url, width: current.logo.width, height: current.logo.height });
      },
      (err) => setLoadError(describeError(err).message),
    );
  }, []);

  const dirty = useMemo(() => (saved && draft ? Object.keys(changedFields(saved, draft)).length > 0 : false), [saved, draft]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const zones = useMemo(() => timeZoneOptions(draft?.timeZone ?? 'UTC'), [draft?.timeZone]);

  if (loadError) return <p className="form-error" role="alert">{loadError}</p>;
  if (!saved || !draft) return <p className="loading">Loading settings…</p>;

  const set = <K extends keyof PublicationSettings>(key: K, value: PublicationSettings[K]) => {
    setDraft((current) => (current ? { ...current, [key]: value } : current));
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };

  const preview = previewBranding(draft, { logo, iconUrl: branding?.iconUrl ?? null, fallbackAccent: saved.accentColor, now: new Date() });
  const accentOk = isHexColor(draft.accentColor);
  const onAccent = accentOk ? textColorOn(draft.accentColor) : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!saved || !draft) return;
    const changes = changedFields(saved, draft);
    if (Object.keys(changes).length === 0) {
      setStatus({ kind: 'saved', message: 'Nothing has changed since the last save.' });
      return;
    }
    const sent = draft;
    setStatus({ kind: 'saving' });
    try {
      const next = await trpc.settings.update.mutate(changes);
      let note = '';
      if (changes.iconMediaId) {
        try {
          await trpc.settings.generateIcons.mutate({ mediaId: changes.iconMediaId });
          note = ' Favicons and touch icons were made from the new icon.';
        } catch (err) {
          note = ` The icon was saved, but its favicons could not be made: ${describeError(err).message}`;
        }
      }
      setSaved(next);
      // Keep anything typed while the save was on its way.
      setDraft((current) => (current === sent ? next : current));
      setErrors({});
      setStatus({ kind: 'saved', message: `Saved. The site shows the changes from the next page view.${note}` });
      trpc.settings.branding.query().then(setBranding, () => {});
    } catch (err) {
      const problem = describeError(err);
      setErrors(toFieldErrors(problem.fieldErrors));
      const what = problem.fieldErrors.length
        ? `${problem.fieldErrors.length === 1 ? 'one field needs' : `${problem.fieldErrors.length} fields need`} changing (marked below).`
        : problem.message;
      setStatus({ kind: 'failed', message: `Not saved: ${what} Your changes are still here; what was saved before is unchanged.` });
    }
  }

  const license = draft.defaultLicense;
  return (
    <section aria-labelledby="settings-title" className="settings-page">
      <div className="page-header">
        <h1 id="settings-title">Settings</h1>
        {dirty ? <span className="status">Unsaved changes</span> : null}
      </div>
      {!canUpdate ? <p className="notice">Your role can see these settings but not change them.</p> : null}
      <div className="settings-layout">
        <form className="settings-form" onSubmit={save} noValidate>
          <fieldset disabled={!canUpdate}>
            <legend>Publication</legend>
            <Field label="Publication name" error={errors.name}>
              {(p) => <input {...p} value={draft.name} maxLength={120} required onChange={(e) => set('name', e.target.value)} />}
            </Field>
            <Field label="Description" error={errors.description} hint="Used by search engines and feeds.">
              {(p) => <textarea {...p} value={draft.description} maxLength={500} rows={2} onChange={(e) => set('description', e.target.value)} />}
            </Field>
          </fieldset>

          <ImageField label="Logo" mediaId={draft.logoMediaId} disabled={!canUpdate} error={errors.logoMediaId} onChange={(id) => set('logoMediaId', id)} onPreview={setLogo}>
            <Field label="Logo alt text" error={errors.logoAlt ?? (draft.logoMediaId && !draft.logoAlt.trim() ? 'A logo needs alt text.' : undefined)} hint="What the logo says, for people who cannot see it.">
              {(p) => <input {...p} value={draft.logoAlt} maxLength={200} required={!!draft.logoMediaId} onChange={(e) => set('logoAlt', e.target.value)} />}
            </Field>
          </ImageField>

          <ImageField label="Icon" mediaId={draft.iconMediaId} disabled={!canUpdate} error={errors.iconMediaId} onChange={(id) => set('iconMediaId', id)}>
            <p className="hint">
              A square image. Saving a new icon makes the 16 and 32 pixel favicons, the 180 pixel apple-touch-icon and 192 and 512 pixel app icons.
              {branding?.icons?.length ? ` Icons made: ${branding.icons.map((i) => `${i.size}px`).join(', ')}.` : ''}
            </p>
          </ImageField>

          <fieldset disabled={!canUpdate} className="accent-field">
            <legend>Accent colour</legend>
            <div className="accent-field__row">
              <input type="color" aria-label="Accent colour picker" value={accentOk ? draft.accentColor.toLowerCase() : '#000000'} onChange={(e) => set('accentColor', e.target.value)} />
              <Field label="Accent colour (hex)" error={errors.accentColor ?? (accentOk ? undefined : 'Write the colour as #rrggbb.')}>
                {(p) => <input {...p} value={draft.accentColor} maxLength={7} spellCheck={false} onChange={(e) => set('accentColor', e.target.value.trim())} />}
              </Field>
            </div>
            {onAccent ? (
              <p className="accent-field__sample" style={{ background: draft.accentColor, color: onAccent.color }}>
                Text on it is {onAccent.color === '#ffffff' ? 'white' : 'black'} ({onAccent.color}), contrast {onAccent.contrast.toFixed(2)}:1
                {onAccent.contrast >= MIN_TEXT_CONTRAST ? ' — meets WCAG AA' : ` — below the ${MIN_TEXT_CONTRAST}:1 WCAG AA needs`}.
                {' '}Against the page: {contrastRatio(draft.accentColor, '#ffffff').toFixed(2)}:1 on white.
              </p>
            ) : null}
          </fieldset>

          <NavEditor which="header" legend="Header navigation" items={draft.navigation.header} max={12} disabled={!canUpdate} errors={errors} onChange={(header) => set('navigation', { ...draft.navigation, header })} />
          <NavEditor which="footer" legend="Footer navigation" items={draft.navigation.footer} max={24} disabled={!canUpdate} errors={errors} onChange={(footer) => set('navigation', { ...draft.navigation, footer })} />

          <fieldset disabled={!canUpdate}>
            <legend>Copyright and licence</legend>
            <Field
              label="Footer copyright notice"
              error={errors.copyrightTemplate}
              hint={
                <>
                  {'{year}'} becomes the current year in the publication's time zone, {'{publication}'} its name. Shows as: “{preview.copyrightNotice}”
                </>
              }
            >
              {(p) => <input {...p} value={draft.copyrightTemplate} maxLength={300} onChange={(e) => set('copyrightTemplate', e.target.value)} />}
            </Field>
            <button type="button" className="secondary" onClick={() => set('copyrightTemplate', DEFAULT_COPYRIGHT_TEMPLATE)} disabled={draft.copyrightTemplate === DEFAULT_COPYRIGHT_TEMPLATE}>
              Use the default notice
            </button>
            <Field label="Default licence for articles" error={errors['defaultLicense.code']}>
              {(p) => (
                <select {...p} value={license.code} onChange={(e) => set('defaultLicense', { ...license, code: e.target.value as LicenseCode })}>
                  {LICENSE_CODES.map((code) => (
                    <option key={code} value={code}>
                      {LICENSES[code].label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {license.code === 'custom' ? (
              <>
                <Field label="Custom licence text" error={errors['defaultLicense.customText']}>
                  {(p) => <input {...p} value={license.customText ?? ''} maxLength={300} onChange={(e) => set('defaultLicense', { ...license, customText: e.target.value || null })} />}
                </Field>
                <Field label="Custom licence URL" error={errors['defaultLicense.customUrl']}>
                  {(p) => <input {...p} type="url" value={license.customUrl ?? ''} onChange={(e) => set('defaultLicense', { ...license, customUrl: e.target.value || null })} />}
                </Field>
              </>
            ) : null}
            <div className="field" role="radiogroup" aria-labelledby="rights-label">
              <span id="rights-label" className="field__label">
                When an image's rights do not allow use
              </span>
              {(['block', 'warn'] as const).map((mode) => (
                <label key={mode} className="inline">
                  <input type="radio" name="rightsEnforcement" value={mode} checked={draft.rightsEnforcement === mode} onChange={() => set('rightsEnforcement', mode)} />
                  {mode === 'block' ? 'Block publishing' : 'Warn, but allow publishing'}
                </label>
              ))}
              {errors.rightsEnforcement ? <span className="field-error">{errors.rightsEnforcement}</span> : null}
            </div>
          </fieldset>

          <fieldset disabled={!canUpdate}>
            <legend>Time and language</legend>
            <Field label="Time zone" error={errors.timeZone}>
              {(p) => (
                <select {...p} value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
                  {zones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Language" error={errors.language} hint="A language tag, such as en or en-GB.">
              {(p) => (
                <>
                  <input {...p} value={draft.language} list="language-tags" maxLength={35} spellCheck={false} onChange={(e) => set('language', e.target.value.trim())} />
                  <datalist id="language-tags">
                    {LANGUAGES.map((tag) => (
                      <option key={tag} value={tag} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </fieldset>

          <fieldset disabled={!canUpdate}>
            <legend>Social accounts</legend>
            <Field label="X handle" error={errors['social.x']} hint="Without the @, e.g. globeecho.">
              {(p) => <input {...p} value={draft.social.x ?? ''} maxLength={60} onChange={(e) => set('social', { ...draft.social, x: e.target.value || null })} />}
            </Field>
            {(['facebook', 'instagram', 'linkedin'] as const).map((network) => (
              <Field key={network} label={`${network[0]!.toUpperCase()}${network.slice(1)} page URL`} error={errors[`social.${network}`]}>
                {(p) => <input {...p} type="url" value={draft.social[network] ?? ''} placeholder="https://…" onChange={(e) => set('social', { ...draft.social, [network]: e.target.value || null })} />}
              </Field>
            ))}
          </fieldset>

          {canUpdate ? (
            <div className="form-actions">
              <button type="submit" disabled={status.kind === 'saving'}>
                {status.kind === 'saving' ? 'Saving…' : 'Save settings'}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={!dirty || status.kind === 'saving'}
                onClick={() => {
                  setDraft(saved);
                  setErrors({});
                  setStatus({ kind: 'idle' });
                }}
              >
                Discard changes
              </button>
              <div aria-live="polite" className="form-status">
                {status.kind === 'saved' ? <span className="notice notice--ok">{status.message}</span> : null}
              </div>
              {status.kind === 'failed' ? (
                <span className="form-error" role="alert">
                  {status.message}
                </span>
              ) : null}
            </div>
          ) : null}
        </form>
        <BrandPreview branding={preview} />
      </div>
    </section>
  );
}
