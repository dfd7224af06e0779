export { SiteFooter, SiteHeader, SkipLink, accentVariables } from './branding.tsx';
