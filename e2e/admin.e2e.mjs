// Browser end-to-end test of the admin SPA against the real API server (embedded PostgreSQL, fresh
// data directory). It builds nothing: `npm run test:e2e` builds first. Chromium is Debian's
// (/usr/bin/chromium), driven by playwright-core.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';

import { RESULTS_DIR, ROOT, serverAndBrowser } from './support/harness.mjs';

/** The built API server; `npm run build` produces it. */
// The README's screenshot is refreshed on request only (FANFARE_UPDATE_SCREENSHOT=1), so that a
// test run leaves the work tree clean.
const DOCS_SCREENSHOT = path.join(ROOT, 'docs/screenshot-admin.png');
const UPDATE_DOCS_SCREENSHOT = process.env.FANFARE_UPDATE_SCREENSHOT === '1';

const OWNER_EMAIL = 'e2e-owner@example.com';
const OWNER_PASSWORD = 'e2e-Fanfare-password-2026';
const MANAGER_EMAIL = 'e2e-manager@example.com';
const MANAGER_PASSWORD = 'manager-Password-2026';
const DEMO_BRAND = 'Bäckerei Sonnenschein';
const VIEWPORT = { width: 1280, height: 800 };

const suite = serverAndBrowser({ name: 'e2e-admin', ownerEmail: OWNER_EMAIL, ownerPassword: OWNER_PASSWORD });

async function shot(page, name) {
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

async function newPage() {
  const context = await suite.browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function fillLogin(page, password) {
  await page.goto(`${suite.baseUrl}/`);
  await page.waitForURL(/\/login$/);
  await page.getByLabel(/^Email/).fill(OWNER_EMAIL);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function callWithKey(brandId, secret) {
  return fetch(`${suite.baseUrl}/api/v1/brands/${brandId}`, {
    headers: { Authorization: `Bearer ${secret}` },
  });
}

describe('admin SPA', () => {
  test('wrong passwords and too many attempts show readable errors', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await fillLogin(page, 'not-the-right-password');
    const error = page.getByTestId('login-error');
    await error.waitFor({ state: 'visible' });
    assert.equal((await error.innerText()).trim(), 'The email address or password is wrong.');
    assert.match(page.url(), /\/login$/);
    await shot(page, '01-login-wrong-password');

    // After too many failures for one account the API answers 429 with Retry-After; the form says
    // how long to wait. Another address than the owner's keeps the owner's logins unaffected.
    const lockedEmail = 'locked-out@example.com';
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await fetch(`${suite.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: lockedEmail, password: 'wrong-password-123' }),
      });
      assert.equal(response.status, 401);
    }
    await page.getByLabel(/^Email/).fill(lockedEmail);
    await page.getByLabel(/^Password/).fill('wrong-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Too many sign-in attempts.', { exact: false }).waitFor();
    assert.match(
      (await error.innerText()).trim(),
      /^Too many sign-in attempts\. Try again in 1[45] minutes\.$/,
    );
    await shot(page, '01b-login-too-many-attempts');
    await page.context().close();
  });

  test(
    'the owner creates, uses and revokes an API key, and the audit log shows it',
    { timeout: 300_000 },
    async () => {
      const page = await newPage();

      // Log in: the demo brand, the first brand, opens.
      await fillLogin(page, OWNER_PASSWORD);
      await page.waitForURL(/\/brands\/[^/]+\/dashboard$/);
      const brandId = /\/brands\/([^/]+)\//.exec(page.url())[1];
      const switcher = page.getByTestId('brand-switcher');
      await switcher.getByText(DEMO_BRAND).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await shot(page, '02-dashboard-en');

      // Switch to German: the navigation speaks German, and the choice is remembered.
      await page.getByRole('button', { name: /^Language/ }).click();
      await page.getByRole('menuitem', { name: 'Deutsch' }).click();
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      for (const label of [
        'Übersicht',
        'Kampagnen',
        'Prämien',
        'Fans',
        'Einlösungen',
        'Berichte',
        'Einstellungen',
      ]) {
        await nav.getByRole('link', { name: label, exact: true }).waitFor();
      }
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      await shot(page, '03-dashboard-de');

      // Settings → API keys.
      await nav.getByRole('link', { name: 'Einstellungen' }).click();
      await page.waitForURL(/\/settings\/brand$/);
      await page.getByRole('tab', { name: 'API-Schlüssel' }).click();
      await page.waitForURL(/\/settings\/api-keys$/);
      await page.getByRole('heading', { level: 2, name: 'API-Schlüssel' }).waitFor();

      // Create a key with the events:write scope; the secret is shown once.
      const keyName = 'Shop backend';
      await page.getByRole('button', { name: 'API-Schlüssel erstellen' }).click();
      const createDialog = page.getByRole('dialog', { name: 'API-Schlüssel erstellen' });
      await createDialog.getByLabel(/^Name/).fill(keyName);
      await createDialog.getByRole('checkbox', { name: 'events:write', exact: true }).check();
      await shot(page, '04-create-key-dialog');
      await createDialog.getByRole('button', { name: 'Schlüssel erstellen' }).click();

      const secretDialog = page.getByRole('dialog', { name: 'Neuen API-Schlüssel kopieren' });
      const secretBox = secretDialog.getByTestId('api-key-secret');
      await secretBox.waitFor();
      const secret = (await secretBox.innerText()).trim();
      assert.match(secret, /^sk_/);
      await secretDialog.getByText('nur ein einziges Mal angezeigt', { exact: false }).waitFor();
      await shot(page, '05-key-secret-shown-once');

      await secretDialog.getByRole('button', { name: 'Fertig, ich habe es kopiert' }).click();
      await secretDialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('api-key-row').filter({ hasText: keyName });
      await row.waitFor();
      const prefix = (await row.getByTestId('api-key-prefix').innerText()).replace(/…$/, '').trim();
      assert.ok(prefix.length > 0 && secret.startsWith(prefix), `the list shows the prefix "${prefix}"`);
      assert.ok(!(await page.content()).includes(secret), 'the secret is gone after the dialog closed');
      await row.getByText('events:write').waitFor();
      await row.getByText('Aktiv', { exact: true }).waitFor();
      await shot(page, '06-key-listed');

      // The docs screenshot, in English.
      await page.getByRole('button', { name: /^Sprache/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'API keys' }).waitFor();
      await page.getByRole('menu').waitFor({ state: 'hidden' });
      await page.mouse.move(0, VIEWPORT.height - 1);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshot-admin.png') });
      if (UPDATE_DOCS_SCREENSHOT) await page.screenshot({ path: DOCS_SCREENSHOT });
      await page.getByRole('button', { name: /^Language/ }).click();
      await page.getByRole('menuitem', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { level: 2, name: 'API-Schlüssel' }).waitFor();

      // The secret works against the API.
      const accepted = await callWithKey(brandId, secret);
      assert.equal(accepted.status, 200, 'the new key reads its brand');
      assert.equal((await accepted.json()).name, DEMO_BRAND);

      // Revoke it (with confirmation); from then on the API refuses it.
      await row.getByRole('button', { name: `API-Schlüssel „${keyName}“ widerrufen` }).click();
      const revokeDialog = page.getByRole('dialog', { name: 'API-Schlüssel widerrufen?' });
      await revokeDialog.getByRole('button', { name: 'Schlüssel widerrufen' }).click();
      await revokeDialog.waitFor({ state: 'detached' });
      await row.getByText('Aktiv', { exact: true }).waitFor({ state: 'detached' });
      await row.getByText('Widerrufen', { exact: true }).waitFor();
      assert.equal(
        await row.getByRole('button', { name: /widerrufen/ }).count(),
        0,
        'a revoked key has no revoke button',
      );
      await shot(page, '07-key-revoked');
      const refused = await callWithKey(brandId, secret);
      assert.equal(refused.status, 401, 'the revoked key is refused');

      // The audit log records both.
      await page.getByRole('tab', { name: 'Änderungsprotokoll' }).click();
      await page.waitForURL(/\/settings\/audit-log$/);
      const log = page.getByTestId('audit-log-table');
      const created = log.locator('[data-action="api_key.created"]').filter({ hasText: keyName });
      const revoked = log.locator('[data-action="api_key.revoked"]');
      await created.first().waitFor();
      await revoked.first().waitFor();
      await created.first().getByText('API-Schlüssel erstellt').waitFor();
      await revoked.first().getByText('API-Schlüssel widerrufen').waitFor();
      await created.first().getByText(OWNER_EMAIL).waitFor();
      await shot(page, '08-audit-log');

      await page.context().close();
    },
  );

  test(
    'the owner adds a manager, who sets a password and sees owner-only settings read-only',
    { timeout: 300_000 },
    async () => {
      const owner = await newPage();
      await fillLogin(owner, OWNER_PASSWORD);
      await owner.waitForURL(/\/brands\/[^/]+\/dashboard$/);
      const brandUrl = owner.url().replace(/\/dashboard$/, '');

      // Add a new user as manager: the one-time password is shown once.
      await owner.goto(`${brandUrl}/settings/team`);
      await owner.getByRole('heading', { level: 2, name: 'Team' }).waitFor();
      await owner.getByRole('button', { name: 'Add member' }).click();
      const addDialog = owner.getByRole('dialog', { name: 'Add a team member' });
      await addDialog.getByLabel(/^Email/).fill(MANAGER_EMAIL);
      await addDialog.getByLabel(/^Name/).fill('Mara Manager');
      await addDialog.getByRole('radio', { name: 'Manager' }).check();
      await addDialog.getByRole('button', { name: 'Add member' }).click();
      const addedDialog = owner.getByRole('dialog', { name: 'Member added' });
      const oneTimePassword = (await addedDialog.getByTestId('one-time-password').innerText()).trim();
      assert.ok(oneTimePassword.length >= 12, 'a one-time password is shown');
      await shot(owner, '09-member-one-time-password');
      await addedDialog.getByRole('button', { name: 'Done' }).click();
      await addedDialog.waitFor({ state: 'detached' });
      const managerRole = owner.getByRole('combobox', { name: `Role of ${MANAGER_EMAIL}` });
      assert.equal(await managerRole.inputValue(), 'manager');

      // The only owner cannot demote themselves: the reason is shown readably and the role stays.
      const ownRole = owner.getByRole('combobox', { name: `Role of ${OWNER_EMAIL}` });
      await ownRole.selectOption('analyst');
      await owner.getByText('A brand needs at least one owner. Make someone else an owner first.').waitFor();
      await owner.waitForFunction(
        (email) => document.querySelector(`select[aria-label="Role of ${email}"]`)?.value === 'owner',
        OWNER_EMAIL,
      );
      await shot(owner, '10-team-last-owner');
      await owner.context().close();

      // The manager signs in with the one-time password and must choose a new one first.
      const manager = await newPage();
      await manager.goto(`${suite.baseUrl}/login`);
      await manager.getByLabel(/^Email/).fill(MANAGER_EMAIL);
      await manager.getByLabel(/^Password/).fill(oneTimePassword);
      await manager.getByRole('button', { name: 'Sign in' }).click();
      await manager.waitForURL(/\/change-password$/);
      await manager.getByLabel(/^Current password/).fill(oneTimePassword);
      await manager.getByLabel(/^New password/).fill(MANAGER_PASSWORD);
      await manager.getByLabel(/^Repeat new password/).fill(MANAGER_PASSWORD);
      await manager.getByRole('button', { name: 'Change password' }).click();
      await manager.waitForURL(/\/brands\/[^/]+\/dashboard$/);

      // Owner-only settings are visible but not editable.
      await manager.goto(`${brandUrl}/settings/brand`);
      await manager.getByText('Only owners can change brand settings.', { exact: false }).waitFor();
      assert.equal(await manager.getByLabel(/^Name/).getAttribute('readonly'), '');
      assert.equal(await manager.getByRole('button', { name: 'Save changes' }).count(), 0);
      await manager.getByRole('tab', { name: 'API keys' }).click();
      await manager.getByText('Only owners can see and manage API keys.').waitFor();
      assert.equal(await manager.getByRole('button', { name: 'Create API key' }).count(), 0);
      await manager.getByRole('tab', { name: 'Team' }).click();
      await manager.getByRole('table', { name: 'Team' }).getByText(MANAGER_EMAIL).waitFor();
      assert.equal(await manager.getByRole('button', { name: 'Add member' }).count(), 0);
      assert.equal(await manager.locator('select').count(), 0, 'no role selects for a manager');
      await shot(manager, '11-manager-read-only-team');
      await manager.context().close();
    },
  );

  test('the owner creates a brand, edits its settings and logs out', { timeout: 300_000 }, async () => {
    const page = await newPage();
    await fillLogin(page, OWNER_PASSWORD);
    await page.waitForURL(/\/brands\/[^/]+\/dashboard$/);

    await page.getByTestId('brand-switcher').click();
    await page.getByRole('menuitem', { name: 'Create brand' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a brand' });
    await dialog.getByLabel(/^Name/).fill('Café Morgenrot');
    assert.equal(await dialog.getByLabel(/^Slug/).getAttribute('placeholder'), 'cafe-morgenrot');
    assert.equal(
      await dialog
        .getByLabel(/^Time zone/)
        .first()
        .inputValue(),
      'Europe/Berlin',
    );
    await shot(page, '12-create-brand');
    await dialog.getByRole('button', { name: 'Create brand' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL(/\/brands\/[^/]+\/dashboard$/);
    const brandUrl = page.url().replace(/\/dashboard$/, '');
    await page.getByTestId('brand-switcher').getByText('Café Morgenrot').waitFor();

    // Edit the new brand: a bad slug is refused next to the field, a good change is saved.
    await page.goto(`${brandUrl}/settings/brand`);
    const slug = page.getByLabel(/^Slug/);
    assert.equal(await slug.inputValue(), 'cafe-morgenrot');
    const brandForm = page.getByRole('form', { name: 'Brand settings' });
    await slug.fill('Not a slug');
    await brandForm.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Use 2–63 lower-case letters, digits and single dashes.').waitFor();
    await slug.fill('cafe-morgenrot');
    await page.getByLabel(/^Name/).fill('Café Morgenrot Berlin');
    await brandForm.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Brand settings saved.').waitFor();
    // Points expire after 90 days from now on.
    const expiry = page.getByRole('form', { name: 'Points expiry' });
    await expiry.getByRole('switch', { name: 'Points expire' }).check();
    await expiry.getByLabel(/^Days until points expire/).fill('90');
    await expiry.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Points expiry saved.').waitFor();
    await page.getByTestId('brand-switcher').getByText('Café Morgenrot Berlin').waitFor();
    await shot(page, '13-brand-settings-saved');

    await page.getByRole('tab', { name: 'Audit log' }).click();
    const updates = page.getByTestId('audit-log-table').locator('[data-action="brand.updated"]');
    const renamed = updates.filter({ hasText: 'name: Café Morgenrot → Café Morgenrot Berlin' });
    await renamed.getByText('Brand settings changed').waitFor();
    await updates.getByText('Points expire after (days): empty → 90').waitFor();

    // The session ends behind the app's back: the next request answers 401, the app asks to sign in
    // again and then returns to where the user was.
    const status = await page.evaluate(() =>
      fetch('/api/v1/auth/logout', { method: 'POST' }).then((r) => r.status),
    );
    assert.equal(status, 204);
    await page.getByRole('tab', { name: 'Team' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel(/^Email/).fill(OWNER_EMAIL);
    await page.getByLabel(/^Password/).fill(OWNER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/settings\/team$/);
    await page.getByRole('table', { name: 'Team' }).getByText(OWNER_EMAIL).waitFor();

    // Log out: the session is gone, and the app sends the user to the login page.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${brandUrl}/settings/brand`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Fanfare' }).waitFor();
    await page.context().close();
  });
});
