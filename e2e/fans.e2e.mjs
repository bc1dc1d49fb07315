// Browser end-to-end test of a fan's page: events sent with an API key show in the fan's timeline
// with their outcome (awarded, capped, no match, retracted) and in the points history as sentences;
// a manager merges a second record of the same person into the first, downloads the fan's data and
// erases it. Runs against the built API server (embedded PostgreSQL, fresh data directory);
// `npm run build` first.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { callAsUser, dismissNotice, serverAndBrowser, shot, signedInPage } from './support/harness.mjs';

const OWNER_EMAIL = 'e2e-fans@example.com';
const OWNER_PASSWORD = 'e2e-Fans-password-2026';
const VIEWPORT = { width: 1280, height: 900 };
const RULE = 'Instagram comment with #SoMeParade';
const CAMPAIGN = 'SoMe Parade';
const DAY_MS = 24 * 60 * 60 * 1000;

const suite = serverAndBrowser({ name: 'e2e-fans', ownerEmail: OWNER_EMAIL, ownerPassword: OWNER_PASSWORD });

/** 10:00 UTC (11:00 or 12:00 in Berlin) a whole number of days ago: the same brand day every time. */
function daysAgo(days, minutes = 0) {
  const day = new Date(Date.now() - days * DAY_MS);
  day.setUTCHours(10, minutes, 0, 0);
  return day.toISOString();
}

const comment = (id, externalId, handle, displayName, occurredAt) => ({
  id,
  type: 'comment',
  channel: 'instagram',
  occurredAt,
  fan: { externalId, handle, displayName },
  properties: { hashtags: ['#SoMeParade'], text: `Comment ${id}` },
});

describe('a fan in the admin', () => {
  test(
    'shows what each event earned, merges a second record, exports and erases the fan',
    { timeout: 300_000 },
    async () => {
      const page = await signedInPage(suite.browser, suite.baseUrl, {
        email: OWNER_EMAIL,
        password: OWNER_PASSWORD,
        viewport: VIEWPORT,
        acceptDownloads: true,
      });

      // A brand of its own, with one active campaign: an Instagram comment with #SoMeParade earns
      // 10 points, once a day.
      const brand = await callAsUser(page, 'POST', '/api/v1/brands', {
        name: `Fans ${Date.now()}`,
        timeZone: 'Europe/Berlin',
        locale: 'en',
      });
      assert.equal(brand.status, 201, JSON.stringify(brand.body));
      const brandId = brand.body.id;
      const campaign = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/campaigns`, {
        name: CAMPAIGN,
        startsAt: new Date(Date.now() - 10 * DAY_MS).toISOString(),
        status: 'active',
        rules: [
          {
            name: RULE,
            trigger: { eventType: 'comment', channels: ['instagram'] },
            conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
            award: { kind: 'fixed', points: 10 },
            limits: [{ window: 'day', max: 1 }],
          },
        ],
      });
      assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
      const key = await callAsUser(page, 'POST', `/api/v1/brands/${brandId}/api-keys`, {
        name: 'Shop backend',
        scopes: ['events:write'],
      });
      assert.equal(key.status, 201, JSON.stringify(key.body));

      // Anna's main account: an award, a second comment the same day (over the daily limit), a like
      // no rule reacts to, and an award that is retracted afterwards. Her second account earns 10
      // points of its own.
      const send = async (events) => {
        const response = await fetch(`${suite.baseUrl}/api/v1/brands/${brandId}/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key.body.secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        const body = await response.json();
        assert.equal(response.status, 200, JSON.stringify(body));
        return body.results;
      };
      const anna = await send([
        comment('ig-anna-1', 'ig-anna', 'anna.parade', 'Anna Parade', daysAgo(3)),
        comment('ig-anna-2', 'ig-anna', 'anna.parade', 'Anna Parade', daysAgo(3, 5)),
        {
          id: 'ig-anna-like',
          type: 'like',
          channel: 'instagram',
          occurredAt: daysAgo(2, 30),
          fan: { externalId: 'ig-anna', handle: 'anna.parade' },
        },
        comment('ig-anna-3', 'ig-anna', 'anna.parade', 'Anna Parade', daysAgo(2)),
      ]);
      assert.deepEqual(
        anna.map((outcome) => outcome.status),
        ['awarded', 'capped', 'no_match', 'awarded'],
        JSON.stringify(anna),
      );
      const fanId = anna[0].fanId;
      assert.ok(
        anna.every((outcome) => outcome.fanId === fanId),
        JSON.stringify(anna),
      );
      const [retraction] = await send([
        { id: 'ig-anna-3-deleted', type: 'retract', occurredAt: daysAgo(1, 30), retracts: 'ig-anna-3' },
      ]);
      assert.equal(retraction.status, 'retracted', JSON.stringify(retraction));
      assert.equal(retraction.points, -10);
      const [second] = await send([
        comment('ig-anna-alt-1', 'ig-anna-alt', 'anna.parade.alt', 'Anna (alt)', daysAgo(1)),
      ]);
      assert.equal(second.status, 'awarded', JSON.stringify(second));
      assert.notEqual(second.fanId, fanId);

      // Anna's page: balance 10; the points history explains each entry in a sentence.
      await page.goto(`${suite.baseUrl}/brands/${brandId}/fans/${fanId}`);
      await page.getByRole('heading', { level: 1, name: 'Anna Parade' }).waitFor();
      await page.getByTestId('fan-balance').filter({ hasText: /^10$/ }).waitFor();
      const ledger = page.getByRole('table', { name: 'Points history' });
      await ledger
        .getByTestId('ledger-sentence')
        .filter({ hasText: `10 points from rule “${RULE}” (v1) in campaign “${CAMPAIGN}”` })
        .first()
        .waitFor();
      await ledger
        .getByTestId('ledger-sentence')
        .filter({
          hasText: `Reversed: event ig-anna-3 was retracted, so the points from rule “${RULE}” in campaign “${CAMPAIGN}” were taken back`,
        })
        .waitFor();
      assert.equal(await ledger.getByTestId('ledger-row').count(), 3);
      await shot(page, 'fans-01-ledger');

      // Events: each with its outcome, what it earned and why not more.
      await page.getByRole('tab', { name: 'Events' }).click();
      await page.waitForURL(/[?&]history=events/);
      const events = page.getByRole('table', { name: 'Events' });
      const row = (externalId) => events.getByTestId('event-row').filter({ hasText: externalId });
      await row('ig-anna-1').getByText('Awarded', { exact: true }).waitFor();
      await row('ig-anna-1').getByText('Comment · Instagram').waitFor();
      await row('ig-anna-1').getByText('Earned 10 points.').waitFor();
      await row('ig-anna-1')
        .getByTestId('event-awards')
        .getByText(`10 points from rule “${RULE}” in campaign “${CAMPAIGN}”`)
        .waitFor();
      await row('ig-anna-2').getByText('Capped', { exact: true }).waitFor();
      await row('ig-anna-2')
        .getByTestId('event-reasons')
        .getByText(`Rule “${RULE}”: the limit of 1 per day is reached`)
        .waitFor();
      await row('ig-anna-3-deleted').getByText('Retraction', { exact: true }).waitFor();
      await row('ig-anna-3-deleted').getByText('Retracts event ig-anna-3: 10 points taken back.').waitFor();
      // The retracted comment keeps its outcome and is marked as retracted.
      const retracted = events
        .getByTestId('event-row')
        .filter({ hasText: 'ig-anna-3', hasNotText: 'ig-anna-3-deleted' });
      await retracted.getByText('Awarded', { exact: true }).waitFor();
      await retracted.getByText('Retracted', { exact: true }).waitFor();
      await retracted
        .getByText(/^Retracted on .+: what it earned is taken back by the retraction\.$/)
        .waitFor();
      await row('ig-anna-like').getByText('No match', { exact: true }).waitFor();
      await row('ig-anna-like')
        .getByText('Earned nothing: no rule of an active campaign reacts to this event.')
        .waitFor();
      assert.equal(await events.getByTestId('event-row').count(), 5);
      await shot(page, 'fans-02-events');

      // Merge: find the second account, read what will happen, merge; the balances add up and
      // its event joins the timeline.
      await page.getByRole('button', { name: 'Merge…' }).click();
      const mergeDialog = page.getByRole('dialog', { name: 'Merge another fan into Anna Parade' });
      await mergeDialog.getByRole('searchbox', { name: 'Find the fan' }).fill('anna.parade');
      await mergeDialog.getByTestId('merge-candidate').filter({ hasText: 'Anna (alt)' }).waitFor();
      // Anna herself is not offered.
      assert.equal(
        await mergeDialog.getByTestId('merge-candidate').filter({ hasText: 'Anna Parade' }).count(),
        0,
      );
      await mergeDialog.getByRole('button', { name: 'Choose Anna (alt)' }).click();
      const confirm = page.getByRole('dialog', { name: 'Merge Anna (alt) into Anna Parade?' });
      await confirm
        .getByText(
          'Everything of Anna (alt) moves to Anna Parade: identities (instagram: anna.parade.alt), events and 10 points.',
          { exact: false },
        )
        .waitFor();
      await confirm.getByText('A merge cannot be undone.').waitFor();
      await shot(page, 'fans-03-merge-confirm');
      await confirm.getByRole('button', { name: 'Merge fans' }).click();
      await dismissNotice(page, 'Anna (alt) was merged into Anna Parade.');
      await page.getByTestId('fan-balance').filter({ hasText: /^20$/ }).waitFor();
      await row('ig-anna-alt-1').getByText('Earned 10 points.').waitFor();
      await page.getByRole('cell', { name: 'anna.parade.alt', exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Points history' }).click();
      await ledger
        .getByTestId('ledger-sentence')
        .filter({
          hasText: `Merged: balance taken over from fan ${second.fanId.slice(0, 8)}…${second.fanId.slice(-4)} (by ${OWNER_EMAIL})`,
        })
        .waitFor();
      await shot(page, 'fans-04-merged');

      // Export: the browser downloads the JSON the API answers, named after the fan.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export data' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), `fan-${fanId}.json`);
      const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(exported.fan.id, fanId);
      assert.equal(exported.fan.balance, 20);
      assert.ok(exported.events.length >= 5, `exported ${exported.events.length} events`);
      await dismissNotice(page, `The fan’s data was downloaded as fan-${fanId}.json.`);

      // Erase: nothing happens until the word is typed; afterwards the page shows an erased fan whose
      // points stay, and offers neither merge nor erase any more.
      await page.getByRole('button', { name: 'Erase…' }).click();
      const eraseDialog = page.getByRole('dialog', { name: 'Erase Anna Parade’s personal data?' });
      await eraseDialog
        .getByText('Names, email addresses, handles and the texts of events are removed for good.', {
          exact: false,
        })
        .waitFor();
      const eraseButton = eraseDialog.getByRole('button', { name: 'Erase personal data' });
      assert.ok(await eraseButton.isDisabled(), 'erasing waits for the typed word');
      await eraseDialog.getByLabel('Type ERASE to confirm').fill('ERASE');
      await shot(page, 'fans-05-erase-confirm');
      await eraseButton.click();
      await dismissNotice(page, 'The personal data was erased.');
      await page.getByRole('heading', { level: 1, name: 'Erased fan' }).waitFor();
      await page
        .getByTestId('fan-erased')
        .getByText('Personal data was erased on', { exact: false })
        .waitFor();
      await page.getByTestId('fan-balance').filter({ hasText: /^20$/ }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Merge…' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Erase…' }).count(), 0);
      assert.equal(await page.getByRole('region', { name: 'Adjust points' }).count(), 0);
      assert.equal(await page.getByText('anna.parade').count(), 0);
      await page.getByRole('button', { name: 'Export data' }).waitFor();
      await shot(page, 'fans-06-erased');

      // In German the page and its sentences read in German.
      await page.getByTestId('language-switcher').click();
      await page.getByRole('menuitem', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gelöschter Fan' }).waitFor();
      await page
        .getByRole('table', { name: 'Punkteverlauf' })
        .getByTestId('ledger-sentence')
        .filter({ hasText: `10 Punkte aus der Regel „${RULE}“ (v1) der Kampagne „${CAMPAIGN}“` })
        .first()
        .waitFor();
      await page.getByRole('tab', { name: 'Ereignisse' }).click();
      const capped = page
        .getByRole('table', { name: 'Ereignisse' })
        .getByTestId('event-row')
        .filter({ hasText: 'ig-anna-2' });
      await capped.getByText('Begrenzt', { exact: true }).waitFor();
      await capped.getByText(`Regel „${RULE}“: Das Limit von 1 pro Tag ist erreicht`).waitFor();
      await shot(page, 'fans-07-german');
      await page.context().close();
    },
  );
});
