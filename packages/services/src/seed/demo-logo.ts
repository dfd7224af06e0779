/** The Globe Echo logo: a smiley face in the accent colour. Our own artwork, so it is safe to serve as SVG. */
export const DEMO_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img">
<circle cx="32" cy="32" r="30" fill="#f5c518" stroke="#1d3557" stroke-width="3"/>
<circle cx="22" cy="25" r="4" fill="#1d3557"/>
<circle cx="42" cy="25" r="4" fill="#1d3557"/>
<path d="M18 38 Q32 52 46 38" fill="none" stroke="#1d3557" stroke-width="4" stroke-linecap="round"/>
</svg>
`;
