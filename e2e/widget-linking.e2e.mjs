// Browser end-to-end test of account linking in the fan widget on the demo shop (/demo): Anna logs
// in, opens the Accounts tab by keyboard and asks for an Instagram code; the brand's Meta connection
// is set up through the admin API, and a signed Instagram comment carrying the code arrives at the
// Meta webhook. The widget, polling while the code is on screen, then shows the account @fan_b as
// linked. Screenshots of the widget in German at desktop and phone width go to test-results/. Runs
// against the built server; `npm run build` first.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';

import { serverAndBrowser, shot } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-widget-linking@example.com';
const OWNER_PASSWORD = 'e2e-Linking-password-2026';
const APP_SECRET = '0123456789abcdef0123';
const INSTAGRAM_ACCOUNT = '17840000000000001';

const suite = serverAndBrowser({
  name: 'e2e-widget-linking',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

/** An admin API call from Node with the owner's session cookie. */
async function callApi(cookie, method, path, body) {
  const response = await fetch(`${suite.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function ownerCookie() {
  const response = await fetch(`${suite.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OWNER_EMAIL, password: OWNER_PASSWORD }),
  });
  assert.equal(response.status, 200);
  return response.headers.get('set-cookie').split(';')[0];
}

/** What Meta would send when fan_b comments `text` under one of the brand's Instagram posts. */
function instagramComment(text) {
  return JSON.stringify({
    object: 'instagram',
    entry: [
      {
        id: INSTAGRAM_ACCOUNT,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: 'comments',
            value: {
              from: { id: '6200000000000001', username: 'fan_b' },
              comment_id: '18000000000000001',
              text,
              media: { id: '17900000000000001', media_product_type: 'FEED' },
            },
          },
        ],
      },
    ],
  });
}

describe('linking an account in the fan widget', () => {
  test('ask for an Instagram code, comment it, see the account linked', { timeout: 300_000 }, async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${suite.baseUrl}/demo/`);
    const launcher = page.getByRole('button', { name: 'Fanfare-Prämien' });
    await launcher.waitFor();
    await page.getByLabel('Eingeloggt als').selectOption('demo-anna');
    await page.getByRole('status').getByText('Eingeloggt.', { exact: false }).waitFor();

    // By keyboard: open the panel, End moves to the last tab, Accounts ("Konten").
    await launcher.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Sonnenschein-Punkte' });
    await panel.getByText('Deine Punkte').waitFor();
    await panel.getByRole('tab', { name: 'Prämien' }).focus();
    await page.keyboard.press('End');
    const accountsTab = panel.getByRole('tab', { name: 'Konten' });
    assert.equal(await accountsTab.getAttribute('aria-selected'), 'true');
    await panel.getByRole('heading', { name: 'Deine verknüpften Konten' }).waitFor();
    await panel.getByText('Noch keine Konten verknüpft.').waitFor();

    // Ask for the Instagram code (Enter on the button): it is shown, focused, with the steps.
    await panel.getByRole('button', { name: 'Instagram verknüpfen' }).focus();
    await page.keyboard.press('Enter');
    const codeHeading = panel.getByRole('heading', { name: 'Dein Code für Instagram' });
    await codeHeading.waitFor();
    assert.equal(await codeHeading.evaluate((element) => element.matches(':focus')), true);
    const code = (await panel.getByLabel('Dein Code für Instagram', { exact: true }).textContent()).trim();
    assert.match(code, /^FAN-[2-9A-HJKMNP-Z]{6}$/);
    await panel.getByRole('button', { name: 'Kopieren' }).waitFor();
    await panel.getByText('als Kommentar unter einen beliebigen Beitrag von Bäckerei Sonnenschein').waitFor();
    await panel.getByText(/^Gültig bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/).waitFor();
    await panel
      .getByText('Wir warten auf deinen Kommentar oder deine Nachricht bei Instagram', { exact: false })
      .waitFor();
    await shot(page, 'widget-linking-01-code-desktop-de');
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'widget-linking-02-code-phone-de');
    await page.setViewportSize({ width: 1280, height: 860 });

    // The brand connects its Instagram account, and Meta delivers fan_b's comment with the code.
    const cookie = await ownerCookie();
    const brands = await callApi(cookie, 'GET', '/api/v1/brands');
    const brandId = brands.body.items[0].id;
    const connected = await callApi(cookie, 'PUT', `/api/v1/brands/${brandId}/connections/meta`, {
      appSecret: APP_SECRET,
      pageIds: [],
      instagramIds: [INSTAGRAM_ACCOUNT],
      whatsappIds: [],
    });
    assert.equal(connected.status, 200, JSON.stringify(connected.body));
    const body = Buffer.from(instagramComment(`${code} 🎉`), 'utf8');
    const signature = createHmac('sha256', APP_SECRET).update(body).digest('hex');
    const delivered = await fetch(`${suite.baseUrl}/api/v1/hooks/meta/${brandId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
      body,
    });
    assert.equal(delivered.status, 200, await delivered.clone().text());
    assert.equal((await delivered.json()).received, true);

    // The job queue links the account; the widget's next poll shows it and drops the code.
    const linked = panel.getByText('Instagram-Konto @fan_b verknüpft');
    await linked.waitFor({ timeout: 30_000 });
    // Focus is on the message: the widget redraws once more right after (the new balance), and
    // focus must come back to the message then too.
    await page.waitForFunction(
      () =>
        document.querySelector('fanfare-widget').shadowRoot.activeElement?.getAttribute('data-focus') ===
        'linked',
      null,
      { timeout: 5_000 },
    );
    assert.equal(await linked.evaluate((element) => element.matches(':focus')), true);
    await panel.getByText(/^@fan_b · seit \d{2}\.\d{2}\.\d{4}$/).waitFor();
    await panel.getByText('Bestätigt', { exact: true }).waitFor();
    assert.equal(await panel.getByLabel('Dein Code für Instagram', { exact: true }).count(), 0);
    await shot(page, 'widget-linking-03-linked-desktop-de');
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'widget-linking-04-linked-phone-de');

    // Nothing on the page scrolls sideways at phone width.
    const overflow = await page.evaluate(() => {
      const panelBox = document.querySelector('fanfare-widget').shadowRoot.querySelector('.body');
      return panelBox.scrollWidth - panelBox.clientWidth;
    });
    assert.equal(overflow, 0);
    assert.deepEqual(errors, []);
  });
});
