// Browser end-to-end test of the fan widget on the demo shop (/demo): a visitor logs in as a demo
// customer (150 welcome points), buys a cake (+38), opens the widget, redeems the free coffee and sees
// her code while the balance drops; with points from the shop she orders the tote bag to her
// address, and in the admin that redemption appears and is fulfilled. Screenshots of the widget in
// German at desktop and phone width go to test-results/, and the time from the script's request to
// the widget's first paint is printed and saved. Runs against the built server; `npm run build` first.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';

import {
  RESULTS_DIR,
  callAsUser,
  dismissNotice,
  serverAndBrowser,
  shot,
  signedInPage,
} from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-widget@example.com';
const OWNER_PASSWORD = 'e2e-Widget-password-2026';

const suite = serverAndBrowser({
  name: 'e2e-widget',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

/** Records when <fanfare-widget> enters the page and the first frame painted after that. */
function recordFirstPaint() {
  const marks = {};
  window.__fanfareMarks = marks;
  new MutationObserver((_changes, observer) => {
    if (document.querySelector('fanfare-widget')) {
      marks.mounted = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => (marks.painted = performance.now())));
    }
  }).observe(document, { childList: true, subtree: true });
}

describe('the fan widget on the demo shop', () => {
  test(
    'earn, redeem a coupon and a physical reward, fulfil it in the admin',
    { timeout: 300_000 },
    async () => {
      const context = await suite.browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
      });
      await context.addInitScript(recordFirstPaint);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`${suite.baseUrl}/demo/`);
      const launcher = page.getByRole('button', { name: 'Fanfare-Prämien' });
      await launcher.waitFor();
      const timing = await page.evaluate(async () => {
        while (window.__fanfareMarks.painted === undefined)
          await new Promise((resolve) => setTimeout(resolve, 10));
        const script = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.endsWith('/widget.js'));
        return {
          scriptRequested: script.startTime,
          scriptLoaded: script.responseEnd,
          mounted: window.__fanfareMarks.mounted,
          painted: window.__fanfareMarks.painted,
          transferSize: script.transferSize,
        };
      });
      // Mounting happens in Fanfare.init(), which the demo page calls once it has looked up its shop.
      const firstPaint = {
        initToFirstPaintMs: Math.round(timing.painted - timing.mounted),
        scriptLoadToFirstPaintMs: Math.round(timing.painted - timing.scriptLoaded),
        scriptRequestToFirstPaintMs: Math.round(timing.painted - timing.scriptRequested),
        navigationToFirstPaintMs: Math.round(timing.painted),
      };
      console.log(`widget first paint: ${JSON.stringify(firstPaint)}`);
      await writeFile(
        path.join(RESULTS_DIR, 'widget-first-paint.json'),
        `${JSON.stringify(firstPaint, null, 2)}\n`,
      );

      // Anonymous: ways to earn and the catalogue, with "log in to redeem".
      await launcher.click();
      const panel = page.getByRole('dialog', { name: 'Sonnenschein-Punkte' });
      await panel.waitFor();
      await panel.getByText('Kaffee gratis').waitFor();
      await panel.getByText('Zum Einlösen anmelden').first().waitFor();
      await shot(page, 'widget-01-anonymous-desktop-de');
      await panel.getByRole('button', { name: 'Schließen' }).click();

      // By keyboard: the launcher opens the panel with Enter, the tabs follow the arrow keys, Escape
      // closes it and gives the focus back to the launcher.
      await launcher.focus();
      await page.keyboard.press('Enter');
      await panel.waitFor();
      assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
      const rewardsTab = panel.getByRole('tab', { name: 'Prämien' });
      await rewardsTab.focus();
      await page.keyboard.press('ArrowRight');
      const earnTab = panel.getByRole('tab', { name: 'Punkte sammeln' });
      assert.equal(await earnTab.getAttribute('aria-selected'), 'true');
      await panel.getByText('Punkte', { exact: false }).first().waitFor();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
      assert.equal(await launcher.evaluate((element) => element.matches(':focus')), true);

      // Log in as Anna and buy a cake: 150 welcome points + 38.
      await page.getByLabel('Eingeloggt als').selectOption('demo-anna');
      await page.getByRole('status').getByText('Eingeloggt.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Kaufen' }).nth(2).click();
      await page.getByRole('status').getByText('Danke! +38 Punkte.').waitFor();
      await launcher.click();
      await panel.getByText('188', { exact: false }).first().waitFor();

      // Redeem the free coffee: confirm, see the code, the balance drops.
      await panel.getByRole('button', { name: 'Kaffee gratis einlösen' }).click();
      await panel.getByText('Kaffee gratis für 150 Punkte einlösen?').waitFor();
      await shot(page, 'widget-02-confirm-desktop-de');
      await panel.getByRole('button', { name: 'Bestätigen' }).click();
      await panel.getByText('Eingelöst!').waitFor();
      const code = (await panel.getByLabel('Dein Code').textContent()).trim();
      assert.match(code, /\S{4,}/);
      await panel.getByText('Dein neuer Punktestand: 38 Punkte').waitFor();
      await shot(page, 'widget-03-code-desktop-de');

      // Phone width, German.
      await page.setViewportSize({ width: 360, height: 740 });
      await shot(page, 'widget-04-code-phone-de');
      await page.setViewportSize({ width: 1280, height: 860 });

      // The shop's manager grants points; Anna orders the tote bag to her address.
      const admin = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: { width: 1280, height: 900 },
      });
      const brands = await callAsUser(admin, 'GET', '/api/v1/brands');
      const brandId = brands.body.items[0].id;
      const fans = await callAsUser(admin, 'GET', `/api/v1/brands/${brandId}/fans?q=Anna%20Demo`);
      const annaId = fans.body.items[0].id;
      const granted = await callAsUser(
        admin,
        'POST',
        `/api/v1/brands/${brandId}/fans/${annaId}/adjustments`,
        { points: 800, reason: 'Stammkundin' },
        { 'idempotency-key': 'e2e-widget-grant' },
      );
      assert.equal(granted.status, 201);

      await page.evaluate(() => window.Fanfare.refresh());
      await panel.getByRole('button', { name: 'Zurück zu den Prämien' }).click();
      await panel.getByRole('button', { name: 'Stoffbeutel einlösen' }).click();
      await panel.getByLabel('Name', { exact: true }).fill('Anna Demo');
      await panel.getByLabel('Straße und Hausnummer').fill('Sonnenallee 5');
      await panel.getByLabel('Postleitzahl').fill('12045');
      await panel.getByLabel('Ort', { exact: true }).fill('Berlin');
      await panel.getByLabel('Land (2 Buchstaben, z. B. DE)').fill('DE');
      await panel.getByRole('button', { name: 'Bestätigen' }).click();
      await panel.getByText('Wir schicken es an die angegebene Adresse.').waitFor();
      await page.setViewportSize({ width: 360, height: 740 });
      await shot(page, 'widget-05-shipping-phone-de');

      // The admin's queue shows the tote bag pending; the manager fulfils it.
      await admin.goto(`${suite.baseUrl}/brands/${brandId}/redemptions`);
      const queue = admin.getByRole('table', { name: 'Redemptions' });
      const toteRow = queue.getByTestId('redemption-row').filter({ hasText: 'Tote bag' });
      await toteRow.getByText('Pending', { exact: true }).waitFor();
      await toteRow.getByText('Sonnenallee 5').waitFor();
      await toteRow.getByRole('button', { name: 'Fulfil Tote bag' }).click();
      await dismissNotice(admin, 'Tote bag for Anna Demo is fulfilled.');
      await toteRow.getByText('Fulfilled', { exact: true }).waitFor();
      await queue.getByTestId('redemption-row').filter({ hasText: 'Free coffee' }).getByText(code).waitFor();
      await shot(admin, 'widget-06-admin-fulfilled');

      // The fan sees it done in her history.
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.evaluate(() => window.Fanfare.refresh());
      await panel.getByRole('button', { name: 'Zurück zu den Prämien' }).click();
      await panel.getByRole('tab', { name: 'Verlauf' }).click();
      await panel.getByText('Erledigt').first().waitFor();
      await shot(page, 'widget-07-history-desktop-de');
      assert.deepEqual(errors, []);
    },
  );
});
