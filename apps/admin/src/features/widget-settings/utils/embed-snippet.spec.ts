import { describe, expect, it } from 'vitest';

import { INIT_SNIPPET, embedSnippet, mintSnippet } from './embed-snippet';

describe('embed snippet', () => {
  it('loads the widget from this Fanfare host with the brand’s publishable key', () => {
    expect(embedSnippet('https://fanfare.example', 'pk_3f1c')).toBe(
      '<script src="https://fanfare.example/widget.js" data-publishable-key="pk_3f1c" async></script>',
    );
  });

  it('hands over the fan token through the widget’s one global', () => {
    expect(INIT_SNIPPET).toBe('Fanfare.init({ fanToken });');
  });
});

describe('mintSnippet', () => {
  it('names the active secret’s kid, or a placeholder without one', () => {
    expect(mintSnippet('wk_0123456789abcdef')).toContain("kid: 'wk_0123456789abcdef'");
    expect(mintSnippet(null)).toContain("kid: 'wk_…'");
    expect(mintSnippet(null)).toContain("import { SignJWT } from 'jose';");
  });
});
