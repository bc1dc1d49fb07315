// Browser end-to-end test of earning: a manager builds a campaign with a rule in the admin, makes it
// active, asks the simulator what an event would earn, then the brand's backend sends that event
// with an API key, and the admin's Fans screen shows the points. Runs against the built API server
// (embedded PostgreSQL, fresh data directory); `npm run build` first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { callAsUser, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-earning@example.com';
const OWNER_PASSWORD = 'e2e-Earning-password-2026';
const VIEWPORT = { width: 1280, height: 900 };

const suite = serverAndBrowser({
  name: 'e2e-earning',
  ownerEmail: OWNER_EMAIL,
  ownerPassword: OWNER_PASSWORD,
});

describe('earning in the admin', () => {
  test(
    'a campaign built in the admin is simulated, earns points on ingestion, and the fan shows them',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: VIEWPORT,
      });

      // A brand of its own: the demo brand's live campaigns would add their points to ours.
      const created = await callAsUser(page, 'POST', '/api/v1/brands', {
        name: `Parade ${Date.now()}`,
        timeZone: 'Europe/Berlin',
        locale: 'en',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const brandId = created.body.id;

      // Campaigns → New campaign, with one rule: an Instagram comment with #SoMeParade earns 10
      // points, at most 3 a day.
      await page.goto(`${suite.baseUrl}/brands/${brandId}/campaigns`);
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      await page.getByRole('link', { name: 'New campaign' }).click();
      await page.waitForURL(/\/campaigns\/new$/);
      await page.getByLabel(/^Name/).first().fill('SoMe Parade');
      await page.getByRole('button', { name: 'Add rule' }).click();
      const rule = page.getByTestId('rule-editor');
      await rule.getByLabel(/^Rule name/).fill('Instagram comment with #SoMeParade');
      await rule
        .getByLabel(/^Event type/)
        .first()
        .click();
      await page.getByRole('option', { name: 'Comment', exact: true }).click();
      await rule
        .getByLabel(/^Channels/)
        .filter({ visible: true })
        .click();
      await page.getByRole('option', { name: 'Instagram', exact: true }).click();
      await rule
        .getByLabel(/^Channels/)
        .filter({ visible: true })
        .press('Escape');
      await rule.getByRole('button', { name: 'Add condition' }).click();
      const condition = rule.getByTestId('condition-row');
      await condition.getByLabel(/^Property/).fill('hashtags');
      await condition
        .getByLabel(/^Operator/)
        .first()
        .click();
      await page.getByRole('option', { name: 'contains', exact: true }).click();
      await condition.getByLabel(/^Value/).fill('SoMeParade');
      await rule.getByRole('textbox', { name: 'Points', exact: true }).fill('10');
      await rule.getByRole('button', { name: 'Add limit' }).click();
      await rule
        .getByTestId('limit-row')
        .getByLabel(/^Awards at most/)
        .fill('3');
      // The rule is valid as typed: no validation message, no policy finding.
      assert.equal(await rule.getByTestId('policy-findings').count(), 0);
      await shot(page, 'earning-01-campaign-form');

      await page.getByRole('button', { name: 'Create campaign' }).click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
      await page.getByText('Campaign “SoMe Parade” created.').waitFor();
      const campaignUrl = page.url();

      // Make it active.
      await page
        .getByLabel(/^Status/)
        .first()
        .click();
      await page.getByRole('option', { name: 'Active', exact: true }).click();
      await page.getByRole('button', { name: 'Save campaign' }).click();
      await page
        .getByText('Campaign “SoMe Parade” saved.')
        .waitFor()
        .catch(async (error) => {
          await shot(page, 'earning-failure');
          throw error;
        });
      await page.getByTestId('campaign-status').filter({ hasText: 'Active' }).waitFor();

      // A rule that rewards Facebook Page likes is flagged as you type, and an active campaign
      // refuses it on save with a readable problem; removing the rule undoes it.
      await page.getByRole('button', { name: 'Add rule' }).click();
      const likeRule = page.getByTestId('rule-editor').nth(1);
      await likeRule.getByLabel(/^Rule name/).fill('Like our page');
      await likeRule
        .getByLabel(/^Event type/)
        .first()
        .click();
      await page.getByRole('option', { name: 'Like', exact: true }).click();
      await likeRule
        .getByLabel(/^Channels/)
        .filter({ visible: true })
        .click();
      await page.getByRole('option', { name: 'Facebook', exact: true }).click();
      await likeRule
        .getByLabel(/^Channels/)
        .filter({ visible: true })
        .press('Escape');
      await likeRule.getByRole('textbox', { name: 'Points', exact: true }).fill('5');
      const block = likeRule.getByTestId('policy-findings').locator('[data-severity="block"]');
      await block.getByText('Cannot go live', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Save campaign' }).click();
      await page
        .getByTestId('save-error')
        .getByText('A rule rewards what a platform forbids, so the campaign cannot be active.', {
          exact: false,
        })
        .waitFor();
      await likeRule.scrollIntoViewIfNeeded();
      await shot(page, 'earning-02a-policy-blocked');
      await likeRule.getByRole('button', { name: 'Remove rule' }).click();
      assert.equal(await page.getByTestId('rule-editor').count(), 1);

      // The simulator, prefilled from the rule, says the event would earn 10 points.
      const simulator = page.getByRole('region', { name: 'Simulator' });
      await simulator.getByLabel(/^Fan’s external id/).fill('ig-fan-4711');
      await simulator.getByRole('button', { name: 'Simulate' }).click();
      const result = simulator.getByTestId('simulation-result');
      await result.getByText('Would earn 10 points').waitFor();
      const simulated = result.getByTestId('simulated-rule');
      await simulated.getByText('Matched', { exact: true }).waitFor();
      await simulated.getByText('passed', { exact: true }).waitFor();
      await simulated.getByText('Limit per day: 0 of 3 used').waitFor();
      await simulator.scrollIntoViewIfNeeded();
      await shot(page, 'earning-02-simulated');

      // The brand's backend sends the event with an API key.
      const key = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/api-keys`, {
        name: 'Shop backend',
        scopes: ['events:write'],
      });
      assert.equal(key.status, 201, JSON.stringify(key.body));
      const ingest = await fetch(`${suite.baseUrl}/api/v1/brands/${brandId}/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key.body.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'ig-comment-e2e-1',
          type: 'comment',
          channel: 'instagram',
          occurredAt: new Date().toISOString(),
          fan: { externalId: 'ig-fan-4711', handle: 'parade.fan', displayName: 'Parade Fan' },
          properties: { hashtags: ['#SoMeParade'], text: 'Great parade!' },
        }),
      });
      const outcome = await ingest.json();
      assert.equal(ingest.status, 200, JSON.stringify(outcome));
      const first = outcome.results ? outcome.results[0] : outcome;
      assert.equal(first.status, 'awarded', JSON.stringify(outcome));
      assert.equal(first.points, 10);

      // Fans: search finds the fan; the detail shows balance 10 and the ledger entry.
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Fans' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Fans' }).waitFor();
      await page.getByRole('searchbox', { name: /^Search/ }).fill('parade.fan');
      await page.waitForURL(/[?&]q=parade\.fan/);
      const row = page.getByTestId('fan-row').filter({ hasText: 'Parade Fan' });
      await row.waitFor();
      await shot(page, 'earning-03-fans');
      await row.getByRole('link', { name: 'Parade Fan' }).click();
      await page.waitForURL(/\/fans\/[0-9a-f-]{36}$/);
      await page.getByTestId('fan-balance').filter({ hasText: '10' }).waitFor();
      const fanUrl = page.url();
      const entry = page.getByTestId('ledger-row').first();
      await entry.getByText('+10').waitFor();
      await entry.getByText('Earned', { exact: true }).waitFor();
      await shot(page, 'earning-04-fan-detail');

      // A manual adjustment: taking more than the balance is refused readably; a bonus is booked.
      const adjust = page.getByRole('region', { name: 'Adjust points' });
      await adjust.getByLabel(/^Points/).fill('-20');
      await adjust.getByLabel(/^Reason/).fill('Too much');
      await adjust.getByRole('button', { name: 'Book adjustment' }).click();
      await adjust.getByText('The fan has only 10 points: no more than that can be taken away.').waitFor();
      await adjust.getByLabel(/^Points/).fill('5');
      await adjust.getByLabel(/^Reason/).fill('Welcome bonus');
      await adjust.getByRole('button', { name: 'Book adjustment' }).click();
      await page.getByTestId('fan-balance').filter({ hasText: '15' }).waitFor();
      const adjusted = page.getByTestId('ledger-row').filter({ hasText: 'Welcome bonus' });
      await adjusted.getByText('+5').waitFor();
      await adjusted.getByText('Adjusted', { exact: true }).waitFor();
      await shot(page, 'earning-05-adjusted');

      // Settings → Tiers: the ladder is checked as you type and saved whole.
      await page.goto(`${suite.baseUrl}/brands/${brandId}/settings/tiers`);
      await page.getByRole('heading', { level: 2, name: 'Tiers' }).waitFor();
      await page.getByRole('button', { name: 'Add tier' }).click();
      await page.getByRole('button', { name: 'Add tier' }).click();
      const tiers = page.getByTestId('tier-row');
      await tiers.nth(0).getByLabel('Name').fill('Bronze');
      await tiers.nth(1).getByLabel('Name').fill('Silver');
      await tiers.nth(1).getByLabel('From (points)').fill('0');
      await tiers.nth(1).getByText('must be higher than the tier below').waitFor();
      await tiers.nth(1).getByLabel('From (points)').fill('500');
      await tiers.nth(1).getByLabel('Multiplier').fill('1.5');
      assert.equal(await tiers.nth(1).getByText('must be higher than the tier below').count(), 0);
      await page.getByRole('button', { name: 'Save tiers' }).click();
      await page.getByText('Tiers saved.').waitFor();
      await shot(page, 'earning-06-tiers');

      // A campaign that booked points cannot be deleted; the admin says to end it instead.
      await page.goto(campaignUrl);
      await page.getByRole('button', { name: 'Delete campaign' }).click();
      await page
        .getByRole('dialog', { name: 'Delete this campaign?' })
        .getByRole('button', { name: 'Delete campaign' })
        .click();
      await page
        .getByText('This campaign has already booked points, so it cannot be deleted. End it instead.')
        .waitFor();
      assert.equal(page.url(), campaignUrl);

      // An analyst sees all of it and can change none of it.
      const analystEmail = 'e2e-analyst@example.com';
      const analystPassword = 'analyst-Password-2026';
      const added = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/members`, {
        email: analystEmail,
        role: 'analyst',
        name: 'Ana Lyst',
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      const analystContext = await suite.browser.newContext({
        viewport: VIEWPORT,
        locale: 'en-US',
        timezoneId: 'Europe/Berlin',
      });
      const analyst = await analystContext.newPage();
      analyst.setDefaultTimeout(20_000);
      await analyst.goto(`${suite.baseUrl}/login`);
      await analyst.getByLabel(/^Email/).fill(analystEmail);
      await analyst.getByLabel(/^Password/).fill(added.body.oneTimePassword);
      await analyst.getByRole('button', { name: 'Sign in' }).click();
      await analyst.waitForURL(/\/change-password$/);
      await analyst.getByLabel(/^Current password/).fill(added.body.oneTimePassword);
      await analyst.getByLabel(/^New password/).fill(analystPassword);
      await analyst.getByLabel(/^Repeat new password/).fill(analystPassword);
      await analyst.getByRole('button', { name: 'Change password' }).click();
      await analyst.waitForURL(/\/brands\/[^/]+\/dashboard$/);

      await analyst.goto(`${suite.baseUrl}/brands/${brandId}/campaigns`);
      await analyst.getByTestId('campaign-row').filter({ hasText: 'SoMe Parade' }).waitFor();
      assert.equal(await analyst.getByRole('link', { name: 'New campaign' }).count(), 0);
      await analyst.goto(campaignUrl);
      await analyst.getByText('Your role can look at campaigns but not change them.').waitFor();
      assert.equal(await analyst.getByRole('button', { name: 'Save campaign' }).count(), 0);
      assert.equal(await analyst.getByRole('region', { name: 'Simulator' }).count(), 0);
      assert.ok(
        await analyst
          .getByLabel(/^Rule name/)
          .first()
          .isDisabled(),
        'rule fields are read-only',
      );
      await shot(analyst, 'earning-07-analyst-campaign');
      await analyst.goto(fanUrl);
      await analyst.getByTestId('fan-balance').filter({ hasText: '15' }).waitFor();
      assert.equal(await analyst.getByRole('region', { name: 'Adjust points' }).count(), 0);
      await analyst.goto(`${suite.baseUrl}/brands/${brandId}/settings/tiers`);
      await analyst.getByText('Your role can look at the tiers but not change them.').waitFor();
      assert.equal(await analyst.getByRole('button', { name: 'Save tiers' }).count(), 0);
      await analystContext.close();
      await page.context().close();
    },
  );
});
