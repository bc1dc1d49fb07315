import { describe, expect, it } from 'vitest';

import { de } from './de';
import { en } from './en';

/** Every leaf of a resource tree as `path.to.key` → value. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [leafPath, leaf] of flatten(value as object, path)) {
        leaves.set(leafPath, leaf);
      }
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

describe('UI translations', () => {
  const english = flatten(en);
  const german = flatten(de);

  it('have the same keys in German and English', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty or non-text values', () => {
    for (const [path, value] of [...english, ...german]) {
      expect(typeof value, path).toBe('string');
      expect((value as string).trim(), path).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [path, value] of english) {
      expect(placeholders(german.get(path) as string), path).toEqual(placeholders(value as string));
    }
  });
});
