import { compileRulePattern, isSafeRegex } from './safe-regex';

function reasonFor(pattern: string): string {
  const result = isSafeRegex(pattern);
  return result.safe ? 'safe' : result.reason;
}

describe('isSafeRegex', () => {
  it.each([
    ['(a+)+$', /nested quantifiers/],
    ['(a*)*', /nested quantifiers/],
    ['(\\w+\\s?)*', /nested quantifiers/],
    ['(.*a){20}', /nested quantifiers/],
    ['((a+)b)+', /nested quantifiers/],
    ['(?:a?){3,}', /nested quantifiers/],
    ['(a|aa)+', /alternatives/],
    ['(x(a|aa))*', /alternatives/],
    ['(?:cat|dog){2}', /alternatives/],
    ['\\1', /backreferences/],
    ['(a)\\1', /backreferences/],
    ['(?<w>a)\\k<w>', /backreferences/],
    ['(?<=x)a', /lookbehind/],
    ['(?<!x)a', /lookbehind/],
    ['a{1,101}', /above 100/],
    ['a{101}', /above 100/],
    ['a{200,}', /above 100/],
  ])('rejects %s', (pattern, reason) => {
    expect(reasonFor(pattern)).toMatch(reason);
  });

  it('rejects polynomial blow-ups: several open-ended repetitions in a row, unanchored', () => {
    // `.*a.*b` on 5,000 × "a" takes ~30 s in V8.
    expect(reasonFor('.*a.*b')).toMatch(/too long/);
    expect(reasonFor('[a-z]+a[a-z]+b')).toMatch(/too long/);
    expect(reasonFor('.{0,100}a.{0,100}b')).toMatch(/too long/);
    // 2^20 ways to match twenty optional a's before twenty a's.
    expect(reasonFor(`${'a?'.repeat(20)}${'a'.repeat(20)}`)).toMatch(/too long/);
    expect(reasonFor(`${'(a|a)'.repeat(20)}x`)).toMatch(/too long/);
  });

  it('rejects empty, overlong and invalid patterns', () => {
    expect(reasonFor('')).toMatch(/non-empty/);
    expect(reasonFor('a'.repeat(201))).toMatch(/200 characters/);
    expect(reasonFor('a'.repeat(200))).toBe('safe');
    expect(reasonFor('(abc')).toMatch(/not a valid regular expression/);
    expect(reasonFor('abc{')).toMatch(/not a valid regular expression/);
    expect(reasonFor('[z-a]')).toMatch(/not a valid regular expression/);
    // Valid without the u flag, invalid with it: rules compile with `iu`.
    expect(reasonFor('\\-')).toMatch(/not a valid regular expression/);
  });

  it.each([
    '^#?someparade$',
    '(summer|winter)sale',
    '^(?:summer|winter) ?sale$',
    '\\bcode-\\d{4,8}\\b',
    'great.*product',
    '.*great.*',
    '^.*great.*product',
    '#?summer\\s*sale',
    'https?://\\S+',
    '\\p{L}+',
    '(?<tag>abc)',
    '(ab)?c',
    '(?:ab){2,5}',
    '[(+*]+x',
    '\\(+x',
    'a{1,100}',
    'caf[eé]',
  ])('accepts %s', (pattern) => {
    expect(reasonFor(pattern)).toBe('safe');
  });

  it('does not mistake escaped or bracketed characters for groups and quantifiers', () => {
    expect(reasonFor('\\(a+\\)+')).toBe('safe');
    expect(reasonFor('[(a+)]+')).toBe('safe');
    expect(reasonFor('\\p{Lu}{2}')).toBe('safe');
  });
});

describe('compileRulePattern', () => {
  it('compiles safe patterns case-insensitively and refuses unsafe ones', () => {
    expect(compileRulePattern('^someparade$')?.test('SoMeParade')).toBe(true);
    expect(compileRulePattern('(a+)+$')).toBeNull();
    expect(compileRulePattern('(a+)+$')).toBeNull(); // cached answer, same result
  });
});
