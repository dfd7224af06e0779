import { escapeHtml } from '@newsroom/content';

/**
 * ts_headline marks matches with StartSel/StopSel and copies the stored text around them unescaped. We
 * ask it for two private-use characters instead of tags, strip those characters from the stored text
 * before it goes in (so every marker is ts_headline's own), escape the whole snippet, and only then turn
 * the markers into <mark> elements: stored text can never become markup.
 */
export const SNIPPET_START = '\uE000';
export const SNIPPET_STOP = '\uE001';

/** The ts_headline options string. Fragment delimiter is an ellipsis between spaces. */
export const SNIPPET_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

/** Turns ts_headline output made with SNIPPET_OPTIONS into safe HTML whose only elements are <mark>. */
export function snippetToHtml(raw: string): string {
  let html = '';
  let open = false;
  // Walk the markers rather than replacing them blindly, so the output is balanced whatever comes in.
  for (const part of raw.split(/([\uE000\uE001])/)) {
    if (part === SNIPPET_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === SNIPPET_STOP) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}
