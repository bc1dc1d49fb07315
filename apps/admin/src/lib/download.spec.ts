import { describe, expect, it } from 'vitest';

import { filenameFromDisposition } from './download';

describe('filenameFromDisposition', () => {
  const fallback = 'fan-123.json';

  it('reads the quoted name the API sends', () => {
    expect(
      filenameFromDisposition(
        'attachment; filename="fan-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.json"',
        fallback,
      ),
    ).toBe('fan-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.json');
  });

  it('reads unquoted names and prefers the UTF-8 form', () => {
    expect(filenameFromDisposition('attachment; filename=export.json', fallback)).toBe('export.json');
    expect(
      filenameFromDisposition(
        `attachment; filename="fan.json"; filename*=UTF-8''J%C3%BCrgen%20M%C3%BCller.json`,
        fallback,
      ),
    ).toBe('Jürgen Müller.json');
  });

  it('never returns a path', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', fallback)).toBe(
      '.._.._etc_passwd',
    );
  });

  it('falls back when there is no usable name', () => {
    expect(filenameFromDisposition(null, fallback)).toBe(fallback);
    expect(filenameFromDisposition('attachment', fallback)).toBe(fallback);
    expect(filenameFromDisposition('attachment; filename=""', fallback)).toBe(fallback);
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A`, fallback)).toBe(fallback);
  });
});
