// Browser end-to-end test of "Import events" in the admin: the owner opens the page from the
// navigation, reads the format, uploads a small CSV file with good rows and a bad one, sees the
// answer with the refused row and its reason, follows the import in the list until it is done with
// its outcome counts, downloads errors.csv, and uploading the same file again books nothing twice.
// Runs against the built API server (embedded PostgreSQL, fresh data directory); `npm run build`
// first.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { callAsUser, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-imports@example.com';
const OWNER_PASSWORD = 'e2e-Imports-password-2026';
const VIEWPORT = { width: 1400, height: 1000 };

const suite = serverAndBrowser({
  name: 'e2e-imports',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

const DAY = 24 * 3600 * 1000;
const at = (daysAgo) => new Date(Date.now() - daysAgo * DAY).toISOString();

/** Three purchases (1 point per euro) in German Excel style, and a row with a date Excel made up. */
function file() {
  return [
    'id;type;channel;occurred_at;fan_external_id;fan_display_name;prop.amount',
    `order-1;purchase;store;${at(3)};kunde-1;Anna Beispiel;24,90`,
    `order-2;purchase;store;${at(2)};kunde-2;"Ben; der Zweite";10`,
    `order-3;purchase;store;${at(1)};kunde-1;Anna Beispiel;5,50`,
    'order-4;purchase;web;27.11.2025 10:15;kunde-3;Carla;12',
    '',
  ].join('\r\n');
}

describe('event imports in the admin', () => {
  test(
    'uploads a CSV file, follows it to done and downloads the refused rows',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: VIEWPORT,
        acceptDownloads: true,
      });
      const brand = await callAsUser(page, 'POST', '/api/v1/brands', {
        name: `Imports ${Date.now()}`,
        timeZone: 'Europe/Berlin',
        locale: 'en',
      });
      assert.equal(brand.status, 201, JSON.stringify(brand.body));
      const brandId = brand.body.id;
      const campaign = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/campaigns`, {
        name: 'Purchases',
        startsAt: at(30),
        status: 'active',
        rules: [
          {
            name: 'A point per euro',
            trigger: { eventType: 'purchase' },
            conditions: [],
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
            limits: [],
          },
        ],
      });
      assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
      const csv = Buffer.from(file());

      // From the navigation to the page.
      await page.goto(`${suite.baseUrl}/brands/${brandId}/dashboard`);
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Import events' })
        .click();
      await page.waitForURL(/\/imports$/);
      await page.getByRole('heading', { level: 1, name: 'Import events' }).waitFor();
      await page.getByRole('table', { name: 'Columns of an import file' }).getByText('occurred_at').waitFor();
      await page.getByText('No imports yet.').waitFor();

      // The file goes up; the answer lists the refused row with its reason.
      await page
        .getByTestId('import-drop-zone')
        .locator('input[type="file"]')
        .setInputFiles({ name: 'shop-history.csv', mimeType: 'text/csv', buffer: csv });
      await page.getByTestId('import-file').getByText('shop-history.csv', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const answer = page.getByTestId('import-upload-answer');
      await answer.getByText('Import of shop-history.csv started').waitFor();
      await answer.getByText('4 rows read — to book: 3, refused: 1.', { exact: false }).waitFor();
      const sample = answer.getByRole('table', { name: 'First refused rows' });
      await sample.getByText('order-4').waitFor();
      await sample.getByText('occurred_at: must be an ISO 8601 date-time', { exact: false }).waitFor();

      // The list follows the import until it is done (it asks every 2 s while booking).
      const row = page.getByTestId('import-row').filter({ hasText: 'shop-history.csv' });
      await row.getByTestId('import-status').getByText('Done', { exact: true }).waitFor({ timeout: 60_000 });
      assert.equal(await row.getByTestId('import-booked').innerText(), '3 of 3 rows booked');
      assert.equal(await row.getByTestId('import-outcomes').innerText(), '3 awarded');
      // 24.90 → 24, 10, 5.50 → 5.
      assert.equal(await row.getByTestId('import-points').innerText(), 'Points booked, net: 39');
      assert.equal(await row.getByTestId('import-refused').innerText(), '1');
      await shot(page, 'imports-01');

      // errors.csv: the refused row with its line, id and reason.
      const downloaded = page.waitForEvent('download');
      await row.getByRole('button', { name: 'Download errors.csv' }).click();
      const download = await downloaded;
      const errors = await readFile(await download.path(), 'utf8');
      const lines = errors.split('\r\n');
      assert.equal(lines[0], 'line,id,reasons');
      // Quoted: the reason holds a comma.
      assert.match(
        lines[1],
        /^5,order-4,"occurred_at: must be an ISO 8601 date-time with a time zone, e.g. [^"]+"$/,
      );
      assert.equal(lines[2], '');

      // The fans have their points.
      const fans = await callAsUser(page, 'GET', `/api/v1/brands/${brandId}/fans?limit=10`);
      assert.equal(fans.status, 200);
      const balances = Object.fromEntries(fans.body.items.map((fan) => [fan.displayName, fan.balance]));
      assert.deepEqual(balances, { 'Anna Beispiel': 29, 'Ben; der Zweite': 10 });

      // The same file again: the earlier import, nothing booked twice.
      await page
        .getByTestId('import-drop-zone')
        .locator('input[type="file"]')
        .setInputFiles({ name: 'shop-history-again.csv', mimeType: 'text/csv', buffer: csv });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await answer.getByText('This file was imported before').waitFor();
      assert.equal(await page.getByTestId('import-row').count(), 1);
      const again = await callAsUser(page, 'GET', `/api/v1/brands/${brandId}/fans?limit=10`);
      assert.deepEqual(
        Object.fromEntries(again.body.items.map((fan) => [fan.displayName, fan.balance])),
        balances,
      );
      await page.context().close();
    },
  );
});
