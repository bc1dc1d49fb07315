// Browser end-to-end test of Settings → Webhooks: the owner adds an endpoint pointing at a local
// receiver (the whsec_ secret is shown once), sends a test event that the receiver answers 500 first
// and 204 then, follows the delivery in the log to Succeeded after two attempts, reads both attempts
// in the detail drawer, and replays it. Runs against the built API server; `npm run build` first.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';

import { callAsUser, dismissNotice, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-webhooks@example.com';
const OWNER_PASSWORD = 'e2e-Webhooks-password-2026';
const VIEWPORT = { width: 1280, height: 900 };

// Retries after one second instead of minutes, so the test sees the second attempt.
process.env.FANFARE_WEBHOOK_RETRY_SCHEDULE_MS = '1000,1000,1000';

const suite = serverAndBrowser({
  name: 'e2e-webhooks',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

/** A receiver that answers 500 to the first delivery and 204 to every one after it. */
const received = [];
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(received.length === 1 ? 500 : 204).end();
  });
});
let receiverUrl;
before(async () => {
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  receiverUrl = `http://127.0.0.1:${receiver.address().port}/hooks/fanfare`;
});
after(() => receiver.close());

describe('outbound webhooks in the admin', () => {
  test('adds an endpoint, retries a failed test delivery and replays it', { timeout: 300_000 }, async () => {
    const page = await signedInPage(suite.browser, suite.baseUrl, {
      email: OWNER_EMAIL,
      password: OWNER_PASSWORD,
      viewport: VIEWPORT,
    });
    // A brand of its own, so no other event reaches the receiver.
    const brand = await callAsUser(page, 'POST', '/api/v1/brands', {
      name: `Webhooks ${Date.now()}`,
      timeZone: 'Europe/Berlin',
      locale: 'en',
    });
    assert.equal(brand.status, 201, JSON.stringify(brand.body));
    const brandId = brand.body.id;

    await page.goto(`${suite.baseUrl}/brands/${brandId}/settings`);
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/settings\/webhooks$/);
    await page.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();

    // Add the endpoint: the secret once.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const form = page.getByRole('dialog', { name: 'Add webhook endpoint' });
    await form.getByLabel(/^URL/).fill(receiverUrl);
    await form.getByLabel('Description').fill('Local receiver');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const reveal = page.getByRole('dialog', { name: `Copy the signing secret for ${receiverUrl}` });
    const secret = (await reveal.getByTestId('webhook-secret').innerText()).trim();
    assert.match(secret, /^whsec_/);
    await shot(page, 'webhooks-01-secret');
    await reveal.getByRole('button', { name: 'Done, I have copied it' }).click();
    await reveal.waitFor({ state: 'detached' });
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
    const row = page.getByTestId('webhook-endpoint-row').filter({ hasText: receiverUrl });
    await row.getByText('Enabled').waitFor();

    // Send a test: 500 first, then 204 on the retry; the log follows it by itself.
    await row.getByRole('button', { name: `More actions for ${receiverUrl}` }).click();
    await page.getByRole('menuitem', { name: 'Send test' }).click();
    await dismissNotice(page, 'Test event sent. It appears in the delivery log.');
    const log = page.getByRole('table', { name: 'Delivery log' });
    const delivery = log.getByTestId('webhook-delivery-row').first();
    await delivery.getByText('Succeeded', { exact: true }).waitFor({ timeout: 60_000 });
    assert.equal((await delivery.getByTestId('webhook-delivery-attempts').innerText()).trim(), '2');
    assert.equal(received.length, 2);
    assert.ok(received[0].headers['webhook-signature']?.startsWith('v1,'), 'deliveries are signed');
    assert.equal(received[0].headers['webhook-id'], received[1].headers['webhook-id']);
    await shot(page, 'webhooks-02-log');

    // The drawer: both attempts, the first answered 500.
    await delivery.getByRole('button', { name: 'Details of the webhook.test delivery' }).click();
    const details = page.getByTestId('webhook-delivery-details');
    const attempts = details.getByTestId('webhook-attempts').locator('tbody tr');
    await attempts.nth(1).waitFor();
    assert.equal(await attempts.count(), 2);
    await attempts.first().getByText('500', { exact: true }).waitFor();
    await details.getByTestId('webhook-payload').getByText('webhook.test', { exact: false }).waitFor();
    await shot(page, 'webhooks-03-details');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    // Replay: sent once more, with the same webhook-id.
    await delivery.getByRole('button', { name: 'Replay the webhook.test delivery' }).click();
    await dismissNotice(page, 'The webhook.test delivery is sent again.');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="webhook-delivery-attempts"]')].some(
        (cell) => cell.textContent?.trim() === '3',
      ),
    );
    assert.equal(received.length, 3);
    assert.equal(received[2].headers['webhook-id'], received[0].headers['webhook-id']);
    await page.context().close();
  });
});
