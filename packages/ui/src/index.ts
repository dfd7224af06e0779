export { SiteFooter, SiteHeader, SkipLink, accentVariables, type SiteHeaderProps } from './branding.tsx';
