// Browser end-to-end test of Settings → Widget in the admin: the owner opens the tab, sees the
// publishable key and the embed snippet, has a bad origin explained on its field, saves a good one
// with a colour (the preview follows the unsaved colour first), creates a signing secret and rotates
// it (each secret shown once, then only listed), and revokes the old one. An analyst sees no Widget
// tab. Runs against the built API server (embedded PostgreSQL, fresh data directory); `npm run build`
// first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { callAsUser, dismissNotice, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-widget@example.com';
const OWNER_PASSWORD = 'e2e-Widget-password-2026';
const ANALYST_EMAIL = 'e2e-widget-analyst@example.com';
const ANALYST_PASSWORD = 'e2e-Widget-analyst-2026';
const VIEWPORT = { width: 1280, height: 900 };

const suite = serverAndBrowser({
  name: 'e2e-widget-settings',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

describe('widget settings in the admin', () => {
  test(
    'saves origins and colours, shows each new signing secret once and lists it',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: VIEWPORT,
      });
      const brand = await callAsUser(page, 'POST', '/api/v1/brands', {
        name: `Widget ${Date.now()}`,
        timeZone: 'Europe/Berlin',
        locale: 'en',
      });
      assert.equal(brand.status, 201, JSON.stringify(brand.body));
      const brandId = brand.body.id;

      // Settings → Widget.
      await page.goto(`${suite.baseUrl}/brands/${brandId}/settings`);
      await page.getByRole('tab', { name: 'Widget' }).click();
      await page.waitForURL(/\/settings\/widget$/);
      await page.getByRole('heading', { level: 2, name: 'Widget' }).waitFor();

      // The publishable key and the script tag that loads the widget from this host.
      const publishableKey = (await page.getByTestId('widget-publishable-key').innerText()).trim();
      assert.match(publishableKey, /^pk_/);
      const snippet = (await page.getByTestId('widget-embed-snippet').innerText()).trim();
      assert.equal(
        snippet,
        `<script src="${suite.baseUrl}/widget.js" data-publishable-key="${publishableKey}" async></script>`,
      );
      await page.getByTestId('widget-init-snippet').getByText('Fanfare.init({ fanToken });').waitFor();
      await page
        .getByTestId('widget-mint-snippet')
        .getByText('.sign(new TextEncoder()', { exact: false })
        .waitFor();

      // The preview shows the publishable key in the UI language; switching changes its language.
      const preview = page.getByTestId('widget-preview');
      const previewSrc = () => preview.getAttribute('src');
      assert.equal(await previewSrc(), `/demo/preview.html?pk=${publishableKey}&locale=en`);
      assert.equal(await preview.getAttribute('title'), 'Preview of the widget in English');
      await page.getByRole('radiogroup', { name: 'Preview language' }).getByText('German').click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="widget-preview"]')?.getAttribute('src')?.endsWith('locale=de'),
      );

      // A bad origin is named on the field; nothing is saved.
      const origins = page.getByRole('combobox', { name: 'Origins' });
      await origins.fill('shop.example/path');
      await origins.press('Enter');
      const save = page.getByRole('button', { name: 'Save changes' });
      await save.click();
      await page
        .getByText('“shop.example/path” is not an origin. Write it like https://shop.example', {
          exact: false,
        })
        .waitFor();
      await shot(page, 'widget-settings-01-origin-error');

      // Reset drops the unsaved origin; then a good origin and a colour.
      await page.getByRole('button', { name: 'Reset' }).click();
      assert.equal(await page.getByText('shop.example/path', { exact: true }).count(), 0);
      await origins.fill('https://Shop.Example/');
      await origins.press('Enter');
      await page.getByRole('textbox', { name: 'Primary colour' }).fill('#B45309');
      // The preview follows the unsaved colour.
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="widget-preview"]')
          ?.getAttribute('src')
          ?.includes('primaryColor=%23b45309'),
      );
      await page.getByText('You have unsaved changes.').waitFor();
      await save.click();
      await dismissNotice(page, 'Widget settings saved.');
      // The form shows what the server stored: the origin normalised.
      await page.getByText('https://shop.example', { exact: true }).waitFor();
      assert.equal(await save.isDisabled(), true, 'nothing left to save');
      const stored = await callAsUser(page, 'GET', `/api/v1/brands/${brandId}/widget-settings`);
      assert.deepEqual(stored.body.allowedOrigins, ['https://shop.example']);
      assert.deepEqual(stored.body.theme, { primaryColor: '#b45309' });
      await shot(page, 'widget-settings-02-saved');

      // No secret yet: create one; it is shown once.
      const secrets = page.getByRole('table', { name: 'Signing secrets' });
      await secrets.getByText('No signing secret yet.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Create secret' }).click();
      const createDialog = page.getByRole('dialog', { name: 'Create signing secret' });
      await createDialog.getByRole('button', { name: 'Create secret' }).click();
      const first = await readSecretOnce(page);

      // Rotate with a one-hour overlap: the new secret is shown once, the old one expires later.
      await page.getByRole('button', { name: 'Rotate secret' }).click();
      const rotateDialog = page.getByRole('dialog', { name: 'Rotate signing secret' });
      await rotateDialog.getByText('Old secrets keep working for').waitFor();
      await rotateDialog.getByText('1 h', { exact: true }).click();
      await shot(page, 'widget-settings-03-rotate-dialog');
      await rotateDialog.getByRole('button', { name: 'Rotate secret' }).click();
      const second = await readSecretOnce(page);
      assert.notEqual(second.kid, first.kid);
      assert.notEqual(second.secret, first.secret);

      const rowOf = (kid) => secrets.getByTestId('widget-secret-row').filter({ hasText: kid });
      await rowOf(second.kid).getByText('Active', { exact: true }).waitFor();
      await rowOf(first.kid).getByText('Expiring', { exact: true }).waitFor();
      await rowOf(second.kid).getByText(OWNER_EMAIL).waitFor();
      const html = await page.content();
      assert.ok(!html.includes(first.secret) && !html.includes(second.secret), 'no secret stays on the page');
      await shot(page, 'widget-settings-04-secrets');

      // Revoking the old secret ends it at once.
      await rowOf(first.kid)
        .getByRole('button', { name: `Revoke secret ${first.kid}` })
        .click();
      const confirm = page.getByRole('dialog', { name: 'Revoke signing secret?' });
      await confirm.getByRole('button', { name: 'Revoke secret' }).click();
      await dismissNotice(page, `Secret ${first.kid} was revoked.`);
      await rowOf(first.kid).getByText('Expired', { exact: true }).waitFor();
      assert.equal(
        await rowOf(first.kid)
          .getByRole('button', { name: /^Revoke/ })
          .count(),
        0,
      );
      assert.equal(
        await rowOf(second.kid)
          .getByRole('button', { name: /^Revoke/ })
          .count(),
        1,
      );

      // An analyst of the brand sees no Widget tab.
      const added = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/members`, {
        email: ANALYST_EMAIL,
        role: 'analyst',
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      await page.context().close();

      const analyst = await signInFirstTime(ANALYST_EMAIL, added.body.oneTimePassword, ANALYST_PASSWORD);
      await analyst.goto(`${suite.baseUrl}/brands/${brandId}/settings/brand`);
      await analyst.getByRole('tab', { name: 'Brand' }).waitFor();
      assert.equal(await analyst.getByRole('tab', { name: 'Widget' }).count(), 0);
      await analyst.goto(`${suite.baseUrl}/brands/${brandId}/settings/widget`);
      await analyst.getByText('Only owners and managers can see and change the widget settings.').waitFor();
      await analyst.context().close();
    },
  );
});

/** Reads the new secret and its kid from the dialog, closes it, and checks the secret is gone. */
async function readSecretOnce(page) {
  const dialog = page.getByRole('dialog', { name: 'Copy your new signing secret' });
  const secret = (await dialog.getByTestId('widget-secret').innerText()).trim();
  const kid = (await dialog.getByTestId('widget-secret-kid').innerText()).trim();
  assert.match(secret, /^wsec_/);
  assert.match(kid, /^wk_/);
  await dialog.getByText('This secret is shown only once.', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Done, I have copied it' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('table', { name: 'Signing secrets' }).getByText(kid).waitFor();
  return { kid, secret };
}

/** A new member signs in with the one-time password and chooses their own. */
async function signInFirstTime(email, oneTimePassword, password) {
  const context = await suite.browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${suite.baseUrl}/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(oneTimePassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/change-password$/);
  await page.getByLabel(/^Current password/).fill(oneTimePassword);
  await page.getByLabel(/^New password/).fill(password);
  await page.getByLabel(/^Repeat new password/).fill(password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL(/\/brands\/[^/]+\/dashboard$/);
  return page;
}
