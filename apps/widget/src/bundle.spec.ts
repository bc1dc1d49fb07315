/**
 * Checks the built bundle (dist/widget.js; the `test` target builds it first): the size budget
 * from README.md, and what the script does when a page loads it, run in a VM with a stub page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInContext, createContext, type Context } from 'node:vm';
import { gzipSync } from 'node:zlib';

/** The budget written down in apps/widget/README.md. */
const GZIP_BUDGET_BYTES = 30 * 1024;

const bundlePath = path.join(__dirname, '..', 'dist', 'widget.js');

function readBundle(): string {
  try {
    return readFileSync(bundlePath, 'utf8');
  } catch {
    throw new Error(`${bundlePath} is missing: build it first (npx nx run widget:build)`);
  }
}

interface StubWidget {
  configured: unknown[];
  configure(options: unknown): void;
}

interface StubPage {
  context: Context;
  defined: Map<string, unknown>;
  appended: StubWidget[];
  domReady: Array<() => void>;
  warnings: string[];
}

/** Just enough of a browser page for the bundle to load and mount, with what it did recorded. */
function stubPage(
  dataset: Record<string, string> | null,
  readyState: 'loading' | 'complete',
  src?: string,
): StubPage {
  const defined = new Map<string, unknown>();
  const appended: StubWidget[] = [];
  const domReady: Array<() => void> = [];
  const warnings: string[] = [];
  const document = {
    currentScript: dataset === null ? null : { dataset, src },
    readyState,
    body: {
      appendChild: (node: StubWidget): StubWidget => {
        appended.push(node);
        return node;
      },
    },
    querySelector: (): StubWidget | null => appended[0] ?? null,
    createElement: (): StubWidget => ({
      configured: [],
      configure(options: unknown) {
        this.configured.push(options);
      },
    }),
    addEventListener: (type: string, listener: () => void): void => {
      if (type === 'DOMContentLoaded') domReady.push(listener);
    },
  };
  const context = createContext({
    HTMLElement: class {},
    URL,
    customElements: {
      get: (name: string): unknown => defined.get(name),
      define: (name: string, constructor: unknown): void => {
        if (defined.has(name)) throw new Error(`${name} is already defined`);
        defined.set(name, constructor);
      },
    },
    document,
    console: { warn: (message: string) => warnings.push(message) },
  });
  runInContext('var window = globalThis;', context);
  return { context, defined, appended, domReady, warnings };
}

function fanfareOf(page: StubPage): { init: (options?: unknown) => void } | undefined {
  return (page.context as { Fanfare?: { init: (options?: unknown) => void } }).Fanfare;
}

describe('the built widget bundle', () => {
  const code = readBundle();

  it(`stays within the budget of ${GZIP_BUDGET_BYTES / 1024} KB gzipped`, () => {
    const gzipped = gzipSync(Buffer.from(code, 'utf8'), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });

  it('is one ASCII-only classic script that mentions Fanfare and fanfare-widget', () => {
    expect(code).toContain('Fanfare');
    expect(code).toContain('fanfare-widget');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    // One byte per character: nothing outside ASCII.
    expect(Buffer.byteLength(code, 'utf8')).toBe(code.length);
  });

  it('installs a frozen window.Fanfare with init() and defines <fanfare-widget>', () => {
    const page = stubPage(null, 'complete');
    runInContext(code, page.context);
    const fanfare = fanfareOf(page);
    expect(typeof fanfare?.init).toBe('function');
    expect(Object.keys(fanfare ?? {}).sort()).toEqual(['close', 'init', 'open', 'refresh']);
    expect(Object.isFrozen(fanfare)).toBe(true);
    expect(typeof page.defined.get('fanfare-widget')).toBe('function');
    // Without data attributes the page decides when to mount.
    expect(page.appended).toHaveLength(0);
  });

  it('keeps the first copy when a page loads the script twice', () => {
    const page = stubPage(null, 'complete');
    runInContext(code, page.context);
    const first = fanfareOf(page);
    expect(() => runInContext(code, page.context)).not.toThrow();
    expect(fanfareOf(page)).toBe(first);
  });

  it("mounts by itself from its script tag's data attributes once the page is parsed", () => {
    const page = stubPage({ publishableKey: 'pk_demo', locale: 'de' }, 'loading');
    runInContext(code, page.context);
    expect(page.appended).toHaveLength(0);
    expect(page.domReady).toHaveLength(1);
    page.domReady.forEach((listener) => listener());
    expect(page.appended).toHaveLength(1);
    expect(page.appended[0]?.configured).toEqual([{ publishableKey: 'pk_demo', locale: 'de' }]);
  });

  it('finds the widget API where the script came from, unless data-api-base says otherwise', () => {
    const page = stubPage({ publishableKey: 'pk_demo' }, 'complete', 'https://fanfare.example/widget.js?v=2');
    runInContext(code, page.context);
    fanfareOf(page)?.init({ apiBase: 'http://localhost:3000' });
    expect(page.appended[0]?.configured).toEqual([
      { publishableKey: 'pk_demo', apiBase: 'https://fanfare.example' },
      { publishableKey: 'pk_demo', apiBase: 'http://localhost:3000' },
    ]);
  });

  it('lets init() override the data attributes and reuses the mounted widget', () => {
    const page = stubPage({ publishableKey: 'pk_demo', locale: 'de' }, 'complete');
    runInContext(code, page.context);
    fanfareOf(page)?.init({ locale: 'en', publishableKey: 'not a key' });
    expect(page.appended).toHaveLength(1);
    expect(page.appended[0]?.configured).toEqual([
      { publishableKey: 'pk_demo', locale: 'de' },
      { publishableKey: 'pk_demo', locale: 'en' },
    ]);
    expect(page.warnings).toEqual([
      '[Fanfare] init(): publishableKey ignored: a publishable key looks like "pk_…"',
    ]);
  });
});
