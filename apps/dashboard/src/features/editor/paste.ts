import { $insertGeneratedNodes, type ImportMimeTypeFunction } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $getEditor, isHTMLElement } from 'lexical';
import { MAX_LIST_DEPTH } from './normalise.ts';

/** A Word list paragraph names its list and level in a style of its own: `mso-list:l0 level2 lfo1`. */
const WORD_LIST_STYLE = /mso-list:\s*l\d+\s+level(\d+)/i;
/** The span holding the bullet or number Word typed in front of the words. */
const WORD_MARKER_STYLE = /mso-list:\s*ignore/i;
/** "1." "b)" "iv." "(2)" number a list; anything else ("·", "o", "§", "–") is a bullet. */
const NUMBERED_MARKER = /^\(?[a-z\d]+[.)]/i;

interface WordListItem {
  paragraph: HTMLElement;
  level: number;
  type: 'bullet' | 'number';
  marker: Element | undefined;
}

function readWordListItem(node: Node | null): WordListItem | null {
  if (!isHTMLElement(node) || node.nodeName !== 'P') return null;
  const style = WORD_LIST_STYLE.exec(node.getAttribute('style') ?? '');
  if (!style) return null;
  const marker = Array.from(node.querySelectorAll('span')).find((span) =>
    WORD_MARKER_STYLE.test(span.getAttribute('style') ?? ''),
  );
  return {
    paragraph: node,
    level: Number(style[1]),
    type: NUMBERED_MARKER.test(marker?.textContent?.trim() ?? '') ? 'number' : 'bullet',
    marker,
  };
}

/** The node after `node`, past white space and comments (Word's `<![if !supportLists]>`). */
function nextContentSibling(node: Node): Node | null {
  let next = node.nextSibling;
  while (
    next !== null &&
    (next.nodeType === Node.COMMENT_NODE || (next.nodeType === Node.TEXT_NODE && !next.textContent?.trim()))
  ) {
    next = next.nextSibling;
  }
  return next;
}

/** Removes the bullet or number with the spans Word wraps around it alone (its font, say). */
function removeMarker(marker: Element, paragraph: Element): void {
  let outer = marker;
  while (
    outer.parentElement !== null &&
    outer.parentElement !== paragraph &&
    outer.parentElement.textContent === outer.textContent
  ) {
    outer = outer.parentElement;
  }
  outer.remove();
}

/** Replaces one run of list paragraphs with nested <ul>/<ol> elements. */
function convertRun(run: readonly WordListItem[]): void {
  // lists[i] is the list open at depth i + 1.
  const lists: HTMLElement[] = [];
  for (const item of run) {
    const doc = item.paragraph.ownerDocument;
    const tag = item.type === 'number' ? 'OL' : 'UL';
    // Skipped levels nest one level under the item before, and no list nests deeper than the editor allows.
    const depth = Math.min(item.level, lists.length + 1, MAX_LIST_DEPTH);
    lists.length = Math.min(lists.length, depth);
    let list = lists[depth - 1];
    // Bullets turning to numbers (or back) at a level start a new list there.
    if (list === undefined || list.nodeName !== tag) {
      list = doc.createElement(tag);
      if (depth === 1) item.paragraph.before(list);
      else lists[depth - 2]!.lastElementChild!.append(list);
      lists.length = depth - 1;
      lists.push(list);
    }
    if (item.marker) removeMarker(item.marker, item.paragraph);
    const li = doc.createElement('li');
    li.append(...Array.from(item.paragraph.childNodes));
    list.append(li);
    item.paragraph.remove();
  }
}

/**
 * Word has no list elements in the HTML it puts on the clipboard: each item is a paragraph with its bullet
 * or number typed in front and its level in an `mso-list` style. Rebuilds each run of such paragraphs as
 * a list, nested by level, numbered or bulleted by the glyph, which is dropped.
 */
export function convertWordLists(root: ParentNode): void {
  const runs: WordListItem[][] = [];
  const taken = new Set<Node>();
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    if (taken.has(paragraph)) continue;
    const first = readWordListItem(paragraph);
    if (first === null) continue;
    const run = [first];
    let item = readWordListItem(nextContentSibling(paragraph));
    while (item !== null) {
      run.push(item);
      taken.add(item.paragraph);
      item = readWordListItem(nextContentSibling(item.paragraph));
    }
    runs.push(run);
  }
  for (const run of runs) convertRun(run);
}

/**
 * The editor's text/html paste: HTML from Word has its lists rebuilt before Lexical's own import reads it;
 * anything else goes straight to that import.
 */
export const $importHtmlWithWordLists: ImportMimeTypeFunction = (html, selection, $next) => {
  if (!/mso-list/i.test(html)) return $next();
  const dom = new DOMParser().parseFromString(html, 'text/html');
  convertWordLists(dom.body);
  const editor = $getEditor();
  $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), selection);
  return true;
};
