// Browser end-to-end test of Settings → Connections and of linking accounts on the fan page: the
// owner connects a Meta app (the verify token is shown once and passes Meta's handshake), sends a
// test delivery that the log shows as a processed test with one event, then a delivery signed in
// Node as Meta signs it (X-Hub-Signature-256 over the exact bytes) that the log shows as processed
// with the points it earned. On the page of the fan it created, the owner links a second account by
// hand (shown as verified, with who linked it) and unlinks it again. Screenshots in English and
// German. Runs against the built API server (embedded PostgreSQL, fresh data directory); `npm run
// build` first.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';

import { callAsUser, dismissNotice, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-connections@example.com';
const OWNER_PASSWORD = 'e2e-Connections-password-2026';
const VIEWPORT = { width: 1280, height: 900 };
const APP_SECRET = '0123456789abcdef0123';
const PAGE_ID = '104000000000001';
const DAY_MS = 24 * 60 * 60 * 1000;

const suite = serverAndBrowser({
  name: 'e2e-connections',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

/** A Page feed comment as Meta delivers it, and its signature as Meta computes it. */
function signedComment(seconds) {
  const body =
    `{"object":"page","entry":[{"id":"${PAGE_ID}","time":${seconds},"changes":[{"field":"feed","value":` +
    `{"item":"comment","verb":"add","from":{"id":"9001","name":"Fan A"},"post_id":"${PAGE_ID}_2",` +
    `"comment_id":"2_3","created_time":${seconds},"message":"Schön! 🎉"}}]}]}`;
  const bytes = Buffer.from(body, 'utf8');
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(bytes).digest('hex')}`;
  return { bytes, signature };
}

describe('connections in the admin', () => {
  test(
    'connects Meta, shows the verify token once, logs a test and a signed delivery, links an account',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: VIEWPORT,
      });
      const brand = await callAsUser(page, 'POST', '/api/v1/brands', {
        name: `Connections ${Date.now()}`,
        timeZone: 'Europe/Berlin',
        locale: 'en',
      });
      assert.equal(brand.status, 201, JSON.stringify(brand.body));
      const brandId = brand.body.id;
      // A Facebook comment earns 10 points.
      const campaign = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/campaigns`, {
        name: 'Facebook comments',
        startsAt: new Date(Date.now() - DAY_MS).toISOString(),
        status: 'active',
        rules: [
          {
            name: 'Comment on our Page',
            trigger: { eventType: 'comment', channels: ['facebook'] },
            conditions: [],
            award: { kind: 'fixed', points: 10 },
            limits: [],
          },
        ],
      });
      assert.equal(campaign.status, 201, JSON.stringify(campaign.body));

      // Settings → Connections.
      await page.goto(`${suite.baseUrl}/brands/${brandId}/settings`);
      await page.getByRole('tab', { name: 'Connections' }).click();
      await page.waitForURL(/\/settings\/connections$/);
      await page.getByRole('heading', { level: 2, name: 'Connections' }).waitFor();
      await page.getByTestId('meta-connection-state').getByText('Not connected').waitFor();
      const genericUrl = (await page.getByTestId('generic-endpoint').innerText()).trim();
      assert.equal(genericUrl, `${suite.baseUrl}/api/v1/hooks/generic/${brandId}`);

      // Connect the Meta app: the App Secret and a Page id.
      const form = page.getByRole('form', { name: 'Meta app' });
      await form.getByLabel(/^App Secret/).fill(APP_SECRET);
      const pages = form.getByRole('combobox', { name: 'Facebook Page ids' });
      await pages.fill(PAGE_ID);
      await pages.press('Enter');
      await form.getByRole('button', { name: 'Connect' }).click();

      // The verify token, once, beside the Callback URL.
      const dialog = page.getByRole('dialog', { name: 'Copy your verify token' });
      const verifyToken = (await dialog.getByTestId('meta-verify-token').innerText()).trim();
      assert.match(verifyToken, /^fvt_/);
      const callbackUrl = (await dialog.getByTestId('meta-verify-callback-url').innerText()).trim();
      assert.equal(callbackUrl, `${suite.baseUrl}/api/v1/hooks/meta/${brandId}`);
      await dialog.getByText('This verify token is shown only once.', { exact: false }).waitFor();
      await shot(page, 'connections-01-verify-token');
      await dialog.getByRole('button', { name: 'Done, I have copied it' }).click();
      await dialog.waitFor({ state: 'detached' });
      await dismissNotice(page, 'Meta app connected.');
      assert.ok(!(await page.content()).includes(verifyToken), 'the verify token is not shown again');
      await page.getByTestId('meta-connection-state').getByText('Connected').waitFor();
      assert.equal(
        await form.getByLabel(/^App Secret/).getAttribute('placeholder'),
        'Saved, ends with …0123',
      );

      // The token the page showed is the one Meta's handshake is answered for.
      const handshake = await fetch(
        `${callbackUrl}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(verifyToken)}&hub.challenge=1158201444`,
      );
      assert.equal(handshake.status, 200);
      assert.equal(await handshake.text(), '1158201444');

      // A test delivery: processed, marked as a test, one event, nothing booked.
      await page.getByRole('button', { name: 'Send test delivery' }).click();
      await dismissNotice(page, 'Test delivery sent. It appears in the delivery log.');
      const log = page.getByRole('table', { name: 'Delivery log' });
      const testRow = log.getByTestId('delivery-row').filter({ hasText: 'Test' });
      await testRow.getByText('Processed', { exact: true }).waitFor();
      assert.equal((await testRow.getByTestId('delivery-events').innerText()).trim(), '1');
      await testRow.getByText('1 would be booked').waitFor();

      // A Page comment signed as Meta signs it.
      const { bytes, signature } = signedComment(Math.floor(Date.now() / 1000));
      const received = await fetch(callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body: bytes,
      });
      const receipt = await received.json();
      assert.equal(received.status, 200, JSON.stringify(receipt));
      assert.equal(receipt.duplicate, false);

      // It shows after a refresh (and the log follows it while it is pending): one event, 10 points.
      await page.getByRole('button', { name: 'Refresh' }).click();
      const rows = log.getByTestId('delivery-row');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="delivery-row"]').length === 2,
      );
      const real = rows.first();
      await real.getByText('Processed', { exact: true }).waitFor();
      assert.equal(await real.getByText('Test', { exact: true }).count(), 0);
      assert.equal((await real.getByTestId('delivery-events').innerText()).trim(), '1');
      assert.equal((await real.getByTestId('delivery-points').innerText()).trim(), '10');
      await real.getByText('1 awarded').waitFor();
      // Opened, the row tells how often it was tried and how big it was.
      await real.getByRole('button', { name: /^Show details of the delivery/ }).click();
      await log
        .getByTestId('delivery-details')
        .getByText(`Attempts: 1 · processed:`, { exact: false })
        .waitFor();
      await shot(page, 'connections-02-log-en');

      // The same page in German.
      await page.getByTestId('language-switcher').click();
      await page.getByRole('menuitem', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { level: 2, name: 'Verbindungen' }).waitFor();
      await page.getByRole('table', { name: 'Zustellprotokoll' }).getByText('1 vergeben').waitFor();
      await shot(page, 'connections-03-log-de');
      await page.getByTestId('language-switcher').click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Connections' }).waitFor();

      // The comment made Fan A a fan; link a second account to her by hand, then unlink it.
      const fans = await callAsUser(page, 'GET', `/api/v1/brands/${brandId}/fans?q=9001`);
      assert.equal(fans.status, 200, JSON.stringify(fans.body));
      assert.equal(fans.body.items.length, 1, JSON.stringify(fans.body));
      const fanId = fans.body.items[0].id;
      await page.goto(`${suite.baseUrl}/brands/${brandId}/fans/${fanId}`);
      const identities = page.getByRole('table', { name: 'Identities' });
      await identities.getByText('Seen in an event').waitFor();
      await page.getByRole('button', { name: 'Link account' }).click();
      const link = page.getByRole('dialog', { name: 'Link an account to this fan' });
      await link.getByRole('combobox', { name: /^Channel/ }).click();
      await page.getByRole('option', { name: 'Instagram' }).click();
      await link.getByRole('textbox', { name: /^External id/ }).fill('17841400000000009');
      await link.getByRole('textbox', { name: /^Handle/ }).fill('fan_a');
      await link.getByRole('button', { name: 'Link account' }).click();
      await dismissNotice(page, 'Account linked.');
      const linked = identities.getByTestId('fan-identity').filter({ hasText: '17841400000000009' });
      await linked.getByText('Verified').waitFor();
      await linked.getByText(`Linked by hand by ${OWNER_EMAIL} on`, { exact: false }).waitFor();
      await shot(page, 'connections-04-fan-linked');

      await linked.getByRole('button', { name: 'Unlink instagram: fan_a' }).click();
      const confirm = page.getByRole('dialog', { name: 'Unlink this account?' });
      await confirm.getByRole('button', { name: 'Unlink account' }).click();
      await dismissNotice(page, 'instagram: fan_a was unlinked.');
      await linked.waitFor({ state: 'detached' });
      assert.equal(await identities.getByTestId('fan-identity').count(), 1);
      await page.context().close();
    },
  );
});
