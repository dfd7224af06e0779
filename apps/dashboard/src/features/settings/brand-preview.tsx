import type { CSSProperties, MouseEvent } from 'react';
import type { PublicBranding } from '@newsroom/domain';
import { SiteFooter, SiteHeader } from '@newsroom/ui';

/**
 * The reader's own header and footer, drawn from the unsaved form. Links in it do nothing: following one
 * would leave the form. Only #rrggbb colours reach the style (previewBranding sees to that).
 */
export function BrandPreview({ branding }: { branding: PublicBranding }) {
  const style = { '--accent': branding.accentColor, '--on-accent': branding.accentTextColor } as CSSProperties;
  const stay = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a')) event.preventDefault();
  };
  return (
    <section className="brand-preview" aria-labelledby="brand-preview-title" style={style} onClickCapture={stay} lang={branding.language}>
      <h2 id="brand-preview-title">Live preview</h2>
      <p className="hint">How the top and bottom of every page will look once saved.</p>
      <div className="brand-preview__frame">
        <SiteHeader branding={branding} />
        <div className="brand-preview__body" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <SiteFooter branding={branding} />
      </div>
    </section>
  );
}
