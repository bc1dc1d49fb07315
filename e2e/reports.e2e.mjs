// Browser end-to-end test of the active-fan analytics in the admin: the owner opens the demo brand's
// dashboard (the server seeds the demo bakery with fans and 90 days of events), sees the KPI cards
// with numbers and the ratio chart drawn, has a custom range that ends before it starts explained on
// its field; on the Reports page sees the series and the cohorts and downloads the fan list as CSV,
// for German Excel and pseudonymised; finally changes Settings → Analytics and sees the dashboard
// count by the new window once the reports are rebuilt. Runs against the built API server (embedded
// PostgreSQL, fresh data directory); `npm run build` first.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { callAsUser, dismissNotice, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-reports@example.com';
const OWNER_PASSWORD = 'e2e-Reports-password-2026';
const VIEWPORT = { width: 1280, height: 900 };
const KPIS = [
  'ratio',
  'activeFans',
  'totalFans',
  'newFans',
  'events',
  'redemptions',
  'pointsIssued',
  'pointsRedeemed',
  'outstandingPoints',
];

const suite = serverAndBrowser({
  name: 'e2e-reports',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

/** The number a KPI card shows, read back from its English formatting ("1,234", "12.5%"). */
function numberIn(text) {
  return Number(text.replace(/[,%\s]/g, ''));
}

/**
 * Clicks a download button and returns the download; a failed request shows an error notification
 * instead, whose text becomes the test's failure message.
 */
async function downloadFrom(page, button) {
  const failure = page.getByRole('alert').filter({ hasNotText: 'Downloaded' }).first();
  const downloaded = page.waitForEvent('download').catch(() => null);
  const failed = failure
    .waitFor()
    .then(() => 'failed')
    .catch(() => null);
  await button.click();
  const outcome = await Promise.race([downloaded, failed]);
  if (outcome === 'failed') {
    assert.fail(`the download failed: ${await failure.innerText()}`);
  }
  assert.ok(outcome, 'a download started');
  return outcome;
}

/** CSV lines without the trailing empty one; RFC 4180 files end each line with CRLF. */
function csvLines(text) {
  return text.split('\r\n').filter((line) => line !== '');
}

describe('active-fan analytics in the admin', () => {
  test(
    'the dashboard and the reports show the demo brand, download its fans and follow the settings',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: VIEWPORT,
        acceptDownloads: true,
      });

      // The demo brand, seeded on the first start with fans and events of the last 90 days.
      const brands = await callAsUser(page, 'GET', '/api/v1/brands');
      assert.equal(brands.status, 200, JSON.stringify(brands.body));
      const demo = brands.body.items.find((brand) => brand.isDemo);
      assert.ok(demo, `no demo brand among ${JSON.stringify(brands.body.items)}`);

      // Dashboard, last 30 days by default.
      await page.goto(`${suite.baseUrl}/brands/${demo.id}/dashboard`);
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await page.getByTestId('report-range').getByText('30 days', { exact: false }).waitFor();

      // The ratio chart draws a line, and says what "active" means.
      const ratioLine = page.locator('[data-testid="ratio-chart"] svg path.recharts-line-curve');
      await ratioLine.first().waitFor();
      assert.match((await ratioLine.first().getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+[LC]/);
      await page.getByText('Active = at least one interaction in the last 30 days.').first().waitFor();

      // Every KPI card shows a number and how it changed.
      const cards = page.getByTestId('kpi-card');
      assert.equal(await cards.count(), KPIS.length);
      for (const kpi of KPIS) {
        const card = page.locator(`[data-testid="kpi-card"][data-kpi="${kpi}"]`);
        const value = (await card.getByTestId('kpi-value').innerText()).trim();
        assert.ok(Number.isFinite(numberIn(value)), `${kpi} shows "${value}"`);
        await card.getByTestId('kpi-change').waitFor();
      }
      const totalFans = numberIn(
        await page.locator('[data-kpi="totalFans"]').getByTestId('kpi-value').innerText(),
      );
      const activeFans = numberIn(
        await page.locator('[data-kpi="activeFans"]').getByTestId('kpi-value').innerText(),
      );
      assert.ok(totalFans > 0, `the demo brand has fans (${totalFans})`);
      assert.ok(activeFans > 0 && activeFans <= totalFans, `active ${activeFans} of ${totalFans}`);
      assert.match(await page.locator('[data-kpi="ratio"]').getByTestId('kpi-value').innerText(), /%$/);

      // The other charts are drawn too, and the top fans link to their pages.
      for (const chart of ['fans-chart', 'new-returning-chart', 'channels-chart', 'points-chart']) {
        await page.locator(`[data-testid="${chart}"] svg.recharts-surface`).first().waitFor();
      }
      const topFan = page.getByTestId('top-fan-row').first();
      await topFan.waitFor();
      assert.match(
        (await topFan.getByRole('link').getAttribute('href')) ?? '',
        new RegExp(`^/brands/${demo.id}/fans/[0-9a-f-]{36}$`),
      );
      assert.equal(await page.getByTestId('analytics-empty').count(), 0);
      await shot(page, 'reports-01-dashboard-en');

      // A preset goes into the URL; a custom range that ends before it starts is explained on its field.
      const period = page.getByRole('radiogroup', { name: 'Period' });
      await period.getByText('90 days', { exact: true }).click();
      await page.waitForURL(/[?&]range=90d/);
      await page.getByTestId('report-range').getByText('90 days', { exact: false }).waitFor();
      await period.getByText('Custom', { exact: true }).click();
      await page.waitForURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
      const from = new URL(page.url()).searchParams.get('from');
      await page.getByLabel('To', { exact: true }).fill(dayBefore(from));
      await page.getByText('The end must not be before the start.').waitFor();
      await page.getByText('Choose a valid period to see the reports.').waitFor();
      await shot(page, 'reports-02-dashboard-invalid-range');

      // Reports: the series as a chart and a table, and the cohorts.
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Reports' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      await page.locator('[data-testid="series-chart"] svg path.recharts-line-curve').first().waitFor();
      assert.ok((await page.getByTestId('series-row').count()) >= 28, 'a row per day of the last 30 days');
      await page.getByTestId('cohort-row').first().waitFor();
      await page.getByRole('radiogroup', { name: 'Group by' }).getByText('Week', { exact: true }).click();
      await page.waitForURL(/[?&]granularity=week/);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="series-row"]').length <= 6,
        undefined,
        { timeout: 20_000 },
      );
      await shot(page, 'reports-03-reports-en');

      // Download the fan list: a header row and at least one fan, as plain CSV by default.
      const fansCsv = page.getByRole('button', { name: 'Fan list (fans.csv)' });
      const download = await downloadFrom(page, fansCsv);
      const filename = download.suggestedFilename();
      assert.match(filename, /^fanfare-.+-fans-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = csvLines(await readFile(await download.path(), 'utf8'));
      assert.equal(
        lines[0],
        'fan_id,identities,first_seen,last_active,counted_events_in_window,active,balance,lifetime_points,tier',
      );
      assert.ok(lines.length >= 2, 'at least one fan');
      assert.match(lines[1], /^[0-9a-f-]{36},/);
      await dismissNotice(page, `Downloaded ${filename}.`);

      // For German Excel: semicolons and a byte order mark, the same fans.
      await page.getByRole('radio', { name: 'Excel (German)' }).check();
      const excel = await downloadFrom(page, fansCsv);
      const excelText = await readFile(await excel.path(), 'utf8');
      assert.equal(excelText.charCodeAt(0), 0xfeff);
      const excelLines = csvLines(excelText.slice(1));
      assert.match(excelLines[0], /^fan_id;identities;first_seen;/);
      assert.equal(excelLines.length, lines.length, 'the same fans');
      assert.match(excelLines[1], /^[0-9a-f-]{36};/);
      await dismissNotice(page, `Downloaded ${excel.suggestedFilename()}.`);

      // Pseudonymised: hashed fan ids, channels without handles, the same fans.
      await page.getByRole('radio', { name: 'CSV' }).check();
      await page.getByRole('checkbox', { name: 'Pseudonymise fans' }).check();
      const pseudonymised = await downloadFrom(page, fansCsv);
      const pseudonymisedLines = csvLines(await readFile(await pseudonymised.path(), 'utf8'));
      assert.equal(pseudonymisedLines[0], lines[0]);
      assert.equal(pseudonymisedLines.length, lines.length, 'the same fans');
      assert.match(pseudonymisedLines[1], /^[0-9a-f]{32},/);
      assert.ok(!pseudonymisedLines.some((line) => line.split(',')[1]?.includes(':')), 'no handles');
      await dismissNotice(page, `Downloaded ${pseudonymised.suggestedFilename()}.`);

      // Settings → Analytics: a 7-day window; once the reports are rebuilt, the dashboard counts by it.
      await page.goto(`${suite.baseUrl}/brands/${demo.id}/settings/analytics`);
      await page.getByRole('heading', { level: 2, name: 'Analytics' }).waitFor();
      assert.equal(await page.getByRole('checkbox', { name: 'Sign-up' }).isChecked(), false);
      assert.equal(await page.getByRole('checkbox', { name: 'Comment' }).isChecked(), true);
      await page.getByLabel(/^Window \(days\)/).fill('7');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await dismissNotice(page, 'Analytics settings saved. The reports are being recalculated.');
      await shot(page, 'reports-04-analytics-settings');
      const deadline = Date.now() + 120_000;
      for (;;) {
        const settings = await callAsUser(page, 'GET', `/api/v1/brands/${demo.id}/analytics-settings`);
        assert.equal(settings.status, 200, JSON.stringify(settings.body));
        assert.equal(settings.body.activeWindowDays, 7);
        if (settings.body.state === 'current') break;
        assert.ok(Date.now() < deadline, 'the reports were rebuilt within two minutes');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      await page.getByTestId('recalculation-notice').waitFor({ state: 'detached' });
      await page.goto(`${suite.baseUrl}/brands/${demo.id}/dashboard`);
      await page.getByText('Active = at least one interaction in the last 7 days.').first().waitFor();
      await page.locator('[data-testid="ratio-chart"] svg path.recharts-line-curve').first().waitFor();

      // The same dashboard in German.
      await page.getByRole('button', { name: /^Language/ }).click();
      await page.getByRole('menuitem', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
      await page.getByText('Aktiv = mindestens eine Interaktion in den letzten 7 Tagen.').first().waitFor();
      await shot(page, 'reports-05-dashboard-de');
      await page.context().close();
    },
  );
});

function dayBefore(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
