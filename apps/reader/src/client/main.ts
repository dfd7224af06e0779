import './styles.css';
import { enhanceShare } from './share.ts';

// Progressive enhancement: every page works without this script; it only adds what needs a browser.
for (const element of document.querySelectorAll<HTMLElement>('[data-share]')) enhanceShare(element);
