import { describe, expect, it } from 'vitest';
import { SNIPPET_START as S, SNIPPET_STOP as E, snippetToHtml } from './search-snippet.ts';

describe('search snippets', () => {
  it('escape everything and turn only the markers into <mark>', () => {
    expect(snippetToHtml(`a <b>&"' ${S}word${E} </mark><script>`)).toBe(
      'a &lt;b&gt;&amp;&quot;&#39; <mark>word</mark> &lt;/mark&gt;&lt;script&gt;',
    );
  });

  it('stay balanced whatever markers arrive', () => {
    expect(snippetToHtml(`${E}x${S}${S}y`)).toBe('x<mark>y</mark>');
    expect(snippetToHtml('')).toBe('');
  });
});
