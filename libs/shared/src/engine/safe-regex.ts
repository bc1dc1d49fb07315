/**
 * The `matches` condition's guard against regular expressions that backtrack catastrophically.
 * Rules run on every incoming event, on text that fans write, so a pattern is accepted only when a
 * conservative static reading shows it cannot blow up — exponentially (nested or overlapping
 * repetition) or polynomially (several unbounded repetitions in a row on a 5,000-character text).
 */

export const MAX_REGEX_LENGTH = 200;
/** Longest bound allowed in `{n,m}`. */
export const MAX_REGEX_REPEAT = 100;
/** `matches` tests at most this many characters of a property, which bounds the work per test. */
export const MATCH_INPUT_LIMIT = 5000;
/** Flags every rule pattern is compiled with: case-insensitive, Unicode-aware. */
export const RULE_REGEX_FLAGS = 'iu';

/**
 * Upper bound of backtracking steps the static estimate allows: two unbounded repetitions over the
 * full input (an unanchored `great.*product`, or `^.*great.*product`), about 20–60 ms worst case.
 */
const MAX_REGEX_COST = 2 * MATCH_INPUT_LIMIT * MATCH_INPUT_LIMIT;

export type SafeRegexResult = { safe: true } | { safe: false; reason: string };

interface GroupFrame {
  /** A quantifier anywhere inside, at any depth. */
  hasQuantifier: boolean;
  /** A `|` anywhere inside, at any depth. */
  hasAlternation: boolean;
  /** Alternatives directly inside (1 without `|`), each tried in turn when backtracking. */
  branches: number;
}

interface Scan {
  reason?: string;
  cost: number;
}

const QUANTIFIER_BRACES = /^\{(\d+)(?:(,)(\d*))?\}/;

/** Reads the pattern token by token; never throws, even on patterns that don't compile. */
function scanPattern(pattern: string): Scan {
  const top: GroupFrame = { hasQuantifier: false, hasAlternation: false, branches: 1 };
  const stack: GroupFrame[] = [top];
  let cost = 1;
  // What a quantifier right here would repeat: nothing, a single character (class), or a group.
  let lastAtom: { kind: 'char' } | { kind: 'group'; frame: GroupFrame } | null = null;
  let lastQuantifierEnd = -1;
  let lastQuantifierFactor = 1;
  let lastQuantifierAtTop = false;
  const current = (): GroupFrame => stack[stack.length - 1] ?? top;

  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next !== undefined && next >= '1' && next <= '9') {
        return { reason: 'backreferences (\\1) are not allowed', cost };
      }
      if (next === 'k' && pattern[i + 2] === '<') {
        return { reason: 'named backreferences (\\k<…>) are not allowed', cost };
      }
      if ((next === 'p' || next === 'P' || next === 'u') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        i = close === -1 ? pattern.length : close + 1;
      } else {
        i += 2;
      }
      lastAtom = { kind: 'char' };
      continue;
    }
    if (ch === '[') {
      i += 1;
      while (i < pattern.length && pattern[i] !== ']') {
        i += pattern[i] === '\\' ? 2 : 1;
      }
      i += 1;
      lastAtom = { kind: 'char' };
      continue;
    }
    if (ch === '(') {
      if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
        return { reason: 'lookbehind ((?<=…), (?<!…)) is not allowed', cost };
      }
      let prefix = 1;
      if (pattern.startsWith('(?<', i)) {
        const close = pattern.indexOf('>', i);
        prefix = close === -1 ? pattern.length - i : close - i + 1;
      } else if (pattern[i + 1] === '?') {
        prefix = 3;
      }
      stack.push({ hasQuantifier: false, hasAlternation: false, branches: 1 });
      i += prefix;
      lastAtom = null;
      continue;
    }
    if (ch === ')') {
      i += 1;
      if (stack.length === 1) {
        lastAtom = null; // unbalanced: the compiler rejects it
        continue;
      }
      const frame = stack.pop() as GroupFrame;
      cost *= frame.branches;
      const parent = current();
      // Nesting counts at any depth: ((a+)b)+ repeats a+ just like (a+)+ does.
      parent.hasQuantifier ||= frame.hasQuantifier;
      parent.hasAlternation ||= frame.hasAlternation;
      lastAtom = { kind: 'group', frame };
      continue;
    }
    if (ch === '|') {
      current().branches += 1;
      current().hasAlternation = true;
      i += 1;
      lastAtom = null;
      continue;
    }
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      let min: number;
      let max: number | undefined;
      let length = 1;
      if (ch === '{') {
        const braces = QUANTIFIER_BRACES.exec(pattern.slice(i));
        if (!braces) {
          i += 1; // a literal brace: the compiler decides under the `u` flag
          lastAtom = { kind: 'char' };
          continue;
        }
        min = Number(braces[1]);
        max = braces[2] === undefined ? min : braces[3] === '' ? undefined : Number(braces[3]);
        length = braces[0].length;
        if (min > MAX_REGEX_REPEAT || (max !== undefined && max > MAX_REGEX_REPEAT)) {
          return { reason: `repetition bounds above ${MAX_REGEX_REPEAT} ({n,m}) are not allowed`, cost };
        }
      } else {
        min = ch === '+' ? 1 : 0;
        max = ch === '?' ? 1 : undefined;
      }
      i += length;
      if (pattern[i] === '?') {
        i += 1; // lazy: same worst case
      }
      const repeats = max === undefined || max > 1;
      if (lastAtom?.kind === 'group' && repeats) {
        if (lastAtom.frame.hasQuantifier) {
          return {
            reason: 'nested quantifiers (a repeated group that itself repeats, like (a+)+) are not allowed',
            cost,
          };
        }
        if (lastAtom.frame.hasAlternation) {
          return { reason: 'a repeated group with alternatives (like (a|aa)+) is not allowed', cost };
        }
      }
      current().hasQuantifier = true;
      const factor = max === undefined ? MATCH_INPUT_LIMIT : max - min + 1;
      cost *= factor;
      lastQuantifierEnd = i;
      lastQuantifierFactor = factor;
      lastQuantifierAtTop = stack.length === 1;
      lastAtom = null;
      continue;
    }
    // '^', '$' are assertions (not quantifiable under `u`); everything else is a single character.
    lastAtom = ch === '^' || ch === '$' ? null : { kind: 'char' };
    i += 1;
  }

  if (top.branches === 1 && lastQuantifierAtTop && lastQuantifierEnd === pattern.length) {
    // A repetition that ends the pattern succeeds greedily and never gives characters back.
    cost /= lastQuantifierFactor;
  }
  cost *= top.branches;
  if (!(top.branches === 1 && pattern.startsWith('^'))) {
    cost *= MATCH_INPUT_LIMIT; // an unanchored pattern is retried from every position
  }
  return { cost };
}

/**
 * Whether `pattern` may be used in a `matches` condition: at most 200 characters, compiles with the
 * `iu` flags, no backreferences or lookbehind, no repeated group that contains a quantifier or an
 * alternation, no `{n,m}` bound above 100, and not too much repetition in a row.
 */
export function isSafeRegex(pattern: string): SafeRegexResult {
  if (typeof pattern !== 'string' || pattern.length === 0) {
    return { safe: false, reason: 'must be a non-empty regular expression' };
  }
  if (pattern.length > MAX_REGEX_LENGTH) {
    return { safe: false, reason: `must be at most ${MAX_REGEX_LENGTH} characters` };
  }
  const scan = scanPattern(pattern);
  if (scan.reason !== undefined) {
    return { safe: false, reason: scan.reason };
  }
  try {
    new RegExp(pattern, RULE_REGEX_FLAGS);
  } catch (error) {
    return {
      safe: false,
      reason: `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (scan.cost > MAX_REGEX_COST) {
    return {
      safe: false,
      reason:
        'could take too long on long texts: too many open-ended repetitions or alternatives in a row ' +
        '(anchor it with ^, or bound repetitions like {1,30})',
    };
  }
  return { safe: true };
}

const MAX_CACHED_PATTERNS = 1000;
const compiledPatterns = new Map<string, RegExp | null>();

/**
 * The compiled rule pattern, or null when it is not safe. Cached, because the same few patterns are
 * tested against every incoming event. Rule patterns never carry the `g` or `y` flags, so a shared
 * RegExp has no `lastIndex` state.
 */
export function compileRulePattern(pattern: string): RegExp | null {
  const cached = compiledPatterns.get(pattern);
  if (cached !== undefined) {
    return cached;
  }
  const compiled = isSafeRegex(pattern).safe ? new RegExp(pattern, RULE_REGEX_FLAGS) : null;
  if (compiledPatterns.size >= MAX_CACHED_PATTERNS) {
    compiledPatterns.clear();
  }
  compiledPatterns.set(pattern, compiled);
  return compiled;
}
