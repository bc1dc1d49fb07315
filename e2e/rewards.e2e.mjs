// Browser end-to-end test of rewards and redemptions in the admin: a manager creates a coupon reward
// and uploads its codes, a fan with points redeems it and a physical reward (through the API, as the
// widget would), and the redemption queue shows both: the physical one is fulfilled, the coupon one
// cancelled with its points refunded, and the filtered queue exports as CSV. Runs against the built
// API server (embedded PostgreSQL, fresh data directory); `npm run build` first.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { callAsUser, dismissNotice, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-rewards@example.com';
const OWNER_PASSWORD = 'e2e-Rewards-password-2026';
const VIEWPORT = { width: 1280, height: 900 };
const ADDRESS = {
  name: 'Anna Parade',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
};

const suite = serverAndBrowser({
  name: 'e2e-rewards',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

describe('rewards and redemptions in the admin', () => {
  test(
    'creates a coupon reward with codes, fulfils a physical redemption and cancels a coupon one',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: VIEWPORT,
        acceptDownloads: true,
      });

      const brand = await callAsUser(page, 'POST', '/api/v1/brands', {
        name: `Rewards ${Date.now()}`,
        timeZone: 'Europe/Berlin',
        locale: 'en',
      });
      assert.equal(brand.status, 201, JSON.stringify(brand.body));
      const brandId = brand.body.id;

      // A coupon reward, created in the form with both languages.
      await page.goto(`${suite.baseUrl}/brands/${brandId}/rewards`);
      await page.getByRole('heading', { level: 1, name: 'Rewards' }).waitFor();
      await page.getByText('No rewards yet.').waitFor();
      await page.getByRole('button', { name: 'New reward' }).click();
      const form = page.getByRole('dialog', { name: 'New reward' });
      // Both names are required before anything is sent.
      await form.getByRole('button', { name: 'Create reward' }).click();
      await form.getByText('Required').first().waitFor();
      await form.getByLabel(/^Name \(German\)/).fill('Gratis Kaffee');
      await form.getByLabel(/^Name \(English\)/).fill('Free coffee');
      await form.getByLabel(/^Description \(English\)/).fill('A coffee of your choice');
      await form.getByLabel(/^Cost in points/).fill('100');
      await form.getByLabel(/^Low-stock warning at/).fill('5');
      assert.equal(await form.getByLabel(/^Stock/).count(), 0, 'coupons have no stock field');
      await shot(page, 'rewards-01-form');
      await form.getByRole('button', { name: 'Create reward' }).click();
      await dismissNotice(page, 'Reward “Free coffee” created.');
      const rewards = page.getByRole('table', { name: 'Rewards' });
      const coffeeRow = rewards.getByTestId('reward-row').filter({ hasText: 'Free coffee' });
      await coffeeRow.getByText('Gratis Kaffee').waitFor();
      await coffeeRow.getByText('Coupon', { exact: true }).waitFor();
      await coffeeRow.getByText('100 points').waitFor();
      await coffeeRow.getByText('0 available · 0 assigned').waitFor();
      await coffeeRow.getByText('Sold out').waitFor();

      // Three codes through the upload dialog (one repeated, one blank line).
      await coffeeRow.getByRole('button', { name: 'Upload codes for Free coffee' }).click();
      const upload = page.getByRole('dialog', { name: 'Upload codes for Free coffee' });
      await upload.getByLabel('Or paste codes').fill('KAFFEE-1\nKAFFEE-2\n\nKAFFEE-3\nKAFFEE-1\n');
      await upload.getByRole('button', { name: 'Upload' }).click();
      const report = upload.getByTestId('upload-report');
      await report.getByText('3 added', { exact: true }).waitFor();
      await report.getByText('1 repeated in this upload (stored once)').waitFor();
      await report.getByText('1 blank line skipped').waitFor();
      await report.getByText('Now 3 codes available, 0 assigned.').waitFor();
      await shot(page, 'rewards-02-upload-report');
      await upload.getByRole('button', { name: 'Close' }).first().click();
      await upload.waitFor({ state: 'detached' });
      await coffeeRow.getByText('3 available · 0 assigned').waitFor();
      await coffeeRow.getByText('Low stock').waitFor();
      const coffeeId = (await callAsUser(page, 'GET', `/api/v1/brands/${brandId}/rewards`)).body.items[0].id;

      // A fan with 1,000 points: created by an event, credited by an adjustment.
      const key = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/api-keys`, {
        name: 'Shop backend',
        scopes: ['events:write'],
      });
      assert.equal(key.status, 201, JSON.stringify(key.body));
      const ingest = await fetch(`${suite.baseUrl}/api/v1/brands/${brandId}/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key.body.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          events: [
            {
              id: 'ig-anna-1',
              type: 'comment',
              channel: 'instagram',
              occurredAt: new Date().toISOString(),
              fan: { externalId: 'ig-anna', handle: 'anna.parade', displayName: 'Anna Parade' },
              properties: { text: 'Hello' },
            },
          ],
        }),
      });
      const ingested = await ingest.json();
      assert.equal(ingest.status, 200, JSON.stringify(ingested));
      const fanId = ingested.results[0].fanId;
      const adjustment = await callAsUser(
        page,
        'POST',
        `/api/v1/brands/${brandId}/fans/${fanId}/adjustments`,
        {
          points: 1000,
          reason: 'Welcome bonus',
        },
      );
      assert.equal(adjustment.status, 201, JSON.stringify(adjustment.body));

      // Redeeming on the fan's behalf; a retry with the same key books nothing.
      const redeem = (rewardId, idempotencyKey, extra = {}) =>
        callAsUser(
          page,
          'POST',
          `/api/v1/brands/${brandId}/fans/${fanId}/redemptions`,
          { rewardId, ...extra },
          { 'Idempotency-Key': idempotencyKey },
        );
      const coffee = await redeem(coffeeId, 'coffee-1');
      assert.equal(coffee.status, 201, JSON.stringify(coffee.body));
      assert.equal(coffee.body.status, 'fulfilled');
      const retry = await redeem(coffeeId, 'coffee-1');
      assert.equal(retry.body.id, coffee.body.id);

      const tote = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/rewards`, {
        nameDe: 'Stofftasche',
        nameEn: 'Tote bag',
        costPoints: 300,
        kind: 'physical',
        stock: 20,
        active: true,
      });
      assert.equal(tote.status, 201, JSON.stringify(tote.body));
      const toteRedemption = await redeem(tote.body.id, 'tote-1', { shippingAddress: ADDRESS });
      assert.equal(toteRedemption.status, 201, JSON.stringify(toteRedemption.body));
      assert.equal(toteRedemption.body.status, 'pending');

      // The queue: newest first, with the code, the address and a link to the fan.
      await page.getByRole('link', { name: 'Redemptions' }).click();
      await page.waitForURL(/\/redemptions$/);
      const queue = page.getByRole('table', { name: 'Redemptions' });
      const rows = queue.getByTestId('redemption-row');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 2);
      await rows.nth(0).getByText('Tote bag').waitFor();
      await rows.nth(1).getByText('Free coffee').waitFor();
      const toteRow = rows.filter({ hasText: 'Tote bag' });
      const coffeeQueueRow = rows.filter({ hasText: 'Free coffee' });
      await toteRow.getByText('Pending', { exact: true }).waitFor();
      await toteRow.getByText('Hauptstraße 1').waitFor();
      await toteRow.getByText('10115 Berlin, DE').waitFor();
      await coffeeQueueRow.getByText('Fulfilled', { exact: true }).waitFor();
      await coffeeQueueRow.getByText(/^KAFFEE-[123]$/).waitFor();
      assert.equal(
        await toteRow.getByRole('link', { name: 'Anna Parade' }).getAttribute('href'),
        `/brands/${brandId}/fans/${fanId}`,
      );
      assert.equal(await coffeeQueueRow.getByRole('button', { name: 'Fulfil Free coffee' }).count(), 0);
      await shot(page, 'rewards-03-queue');

      // Fulfil the tote bag.
      await toteRow.getByRole('button', { name: 'Fulfil Tote bag' }).click();
      await dismissNotice(page, 'Tote bag for Anna Parade is fulfilled.');
      await toteRow.getByText('Fulfilled', { exact: true }).waitFor();
      assert.equal(await toteRow.getByRole('button', { name: 'Fulfil Tote bag' }).count(), 0);

      // Cancel the coffee: the dialog says the points go back and asks why.
      await coffeeQueueRow.getByRole('button', { name: 'Cancel Free coffee' }).click();
      const cancel = page.getByRole('dialog', { name: 'Cancel the redemption of Free coffee?' });
      await cancel.getByText('100 points go back to Anna Parade.', { exact: false }).waitFor();
      await cancel.getByRole('button', { name: 'Cancel and refund' }).click();
      await cancel.getByText('Say why the redemption is cancelled.').waitFor();
      await cancel.getByLabel(/^Reason/).fill('Coffee machine broken');
      await shot(page, 'rewards-04-cancel');
      await cancel.getByRole('button', { name: 'Cancel and refund' }).click();
      await dismissNotice(
        page,
        'The redemption of Free coffee by Anna Parade is cancelled; the points were refunded.',
      );
      await coffeeQueueRow.getByText('Cancelled', { exact: true }).waitFor();
      await coffeeQueueRow.getByText('Reason: Coffee machine broken').waitFor();
      assert.equal(await coffeeQueueRow.getByRole('button', { name: 'Cancel Free coffee' }).count(), 0);
      const fan = await callAsUser(page, 'GET', `/api/v1/brands/${brandId}/fans/${fanId}`);
      assert.equal(fan.body.balance, 700, 'the coffee’s 100 points came back, the tote bag’s 300 stay spent');

      // A second cancel (e.g. from another tab) is explained, not a raw error.
      const again = await callAsUser(
        page,
        'POST',
        `/api/v1/brands/${brandId}/redemptions/${coffee.body.id}/cancel`,
        {
          reason: 'twice',
        },
      );
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'already_cancelled');

      // Filters live in the URL; the export takes the same filters.
      await page.getByRole('search').getByLabel('Status').click();
      await page.getByRole('option', { name: 'Cancelled' }).click();
      await page.waitForURL(/[?&]status=cancelled/);
      await queue
        .getByTestId('redemption-row')
        .filter({ hasText: 'Tote bag' })
        .waitFor({ state: 'detached' });
      assert.equal(await rows.count(), 1);
      await page.reload();
      await rows.filter({ hasText: 'Free coffee' }).getByText('Cancelled', { exact: true }).waitFor();
      assert.equal(await rows.count(), 1);
      await shot(page, 'rewards-05-filtered');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      assert.match(csv, /Coffee machine broken/);
      assert.doesNotMatch(csv, /Hauptstraße/);

      // The catalogue shows what the redemptions took: the tote bag's stock is down by one.
      await page.getByRole('link', { name: 'Rewards' }).click();
      await rewards
        .getByTestId('reward-row')
        .filter({ hasText: 'Tote bag' })
        .getByTestId('reward-stock')
        .getByText('19', { exact: true })
        .waitFor();
      await shot(page, 'rewards-06-catalogue');
      await page.context().close();
    },
  );
});
