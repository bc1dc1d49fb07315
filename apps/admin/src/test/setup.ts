// Set-up for every admin test file. Pure-logic specs run in Node and need nothing; component specs
// (`@vitest-environment jsdom` in their first lines) get what jsdom lacks and Mantine needs, the UI
// texts in English, a fetch that answers from the test's fake API, and a clean page after each test.
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  const { installFakeFetch } = await import('./fake-api');
  const { initI18n } = await import('@/lib/i18n/i18n');

  // Mantine's hooks ask for media queries and element sizes, which jsdom does not compute.
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.HTMLElement.prototype.scrollIntoView = () => undefined;

  installFakeFetch();
  window.localStorage.setItem('fanfare.language', 'en');
  await initI18n();
  afterEach(cleanup);
}
