export default async function globalTeardown(): Promise<void> {
  await globalThis.__FANFARE_TEST_DB__?.stop();
}
