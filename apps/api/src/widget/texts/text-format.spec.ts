import {
  andList,
  formatEuros,
  formatNumber,
  orList,
  pointsText,
  quote,
  sentenceCase,
  titleCase,
  words,
} from './text-format';

describe('text-format', () => {
  it('formats numbers and euros the way each language writes them', () => {
    expect([formatNumber(1234.5, 'en'), formatNumber(1234.5, 'de')]).toEqual(['1,234.5', '1.234,5']);
    expect([formatEuros(20, 'en'), formatEuros(20, 'de')]).toEqual(['€20', '20\u00a0€']);
    expect([formatEuros(19.5, 'en'), formatEuros(19.5, 'de')]).toEqual(['€19.50', '19,50\u00a0€']);
  });

  it('joins lists without a serial comma', () => {
    expect(orList(['A', 'B', 'C'], 'en')).toBe('A, B or C');
    expect(orList(['A', 'B', 'C'], 'de')).toBe('A, B oder C');
    expect(andList(['A', 'B'], 'en')).toBe('A and B');
    expect(andList(['A', 'B'], 'de')).toBe('A und B');
    expect(orList(['A'], 'en')).toBe('A');
  });

  it('quotes in each language’s marks', () => {
    expect(quote('Sommer', 'en')).toBe('“Sommer”');
    expect(quote('Sommer', 'de')).toBe('„Sommer“');
  });

  it('counts points with the right noun', () => {
    expect([pointsText(1, 'en'), pointsText(0, 'en'), pointsText(1.5, 'de'), pointsText(1, 'de')]).toEqual([
      '1 point',
      '0 points',
      '1,5 Punkte',
      '1 Punkt',
    ]);
  });

  it('turns identifiers into words', () => {
    expect(words('watchTime')).toBe('watch time');
    expect(words('newsletter_signup--v2')).toBe('newsletter signup v2');
    expect(sentenceCase('event-visit')).toBe('Event visit');
    expect(titleCase('google_maps')).toBe('Google Maps');
  });
});
