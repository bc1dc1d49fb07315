import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { resources } from '@/lib/i18n/resources';

import type { FanEventDto } from '../api/get-fan-events';
import {
  channelLabel,
  describeFanEvent,
  eventTypeLabel,
  isRetracted,
  translateReason,
} from './describe-fan-event';

const RULE_ID = '0190a1b2-0000-7000-8000-00000000000d';
const CAMPAIGN_ID = '0190a1b2-0000-7000-8000-00000000000c';

function event(overrides: Partial<FanEventDto>): FanEventDto {
  return {
    id: '0190a1b2-0000-7000-8000-00000000000b',
    externalId: 'ig-comment-1',
    type: 'comment',
    channel: 'instagram',
    occurredAt: '2026-03-02T09:30:00.000Z',
    receivedAt: '2026-03-02T09:30:01.000Z',
    status: 'awarded',
    points: 10,
    awards: [
      {
        ruleId: RULE_ID,
        ruleName: 'Comment with #SoMeParade',
        campaignId: CAMPAIGN_ID,
        campaignName: 'SoMeParade',
        points: 10,
      },
    ],
    reasons: [],
    retractedAt: null,
    retracts: null,
    properties: { hashtags: ['SoMeParade'] },
    ...overrides,
  };
}

describe('fan event descriptions', () => {
  let en: TFunction;
  let de: TFunction;
  const inEnglish = { language: 'en', timeZone: 'Europe/Berlin' };
  const inGerman = { language: 'de', timeZone: 'Europe/Berlin' };

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    en = i18n.getFixedT('en');
    de = i18n.getFixedT('de');
  });

  it('labels event types and channels the way the campaign editor does', () => {
    expect(eventTypeLabel('check_in', en)).toBe('Check-in');
    expect(eventTypeLabel('purchase', de)).toBe('Kauf');
    expect(eventTypeLabel('custom:newsletter_optin', en)).toBe('Custom: newsletter_optin');
    expect(eventTypeLabel('retract', de)).toBe('Rücknahme');
    expect(eventTypeLabel('hologram', en)).toBe('hologram');
    expect(channelLabel('youtube', en)).toBe('YouTube');
    expect(channelLabel(null, de)).toBe('Kein Kanal');
    expect(channelLabel('mastodon', en)).toBe('mastodon');
  });

  it('says what an awarded event earned, by rule and campaign', () => {
    expect(describeFanEvent(event({}), en, inEnglish)).toEqual({
      summary: 'Earned 10 points.',
      awards: ['10 points from rule “Comment with #SoMeParade” in campaign “SoMeParade”'],
      reasons: [],
    });
    expect(describeFanEvent(event({}), de, inGerman)).toEqual({
      summary: '10 Punkte gesammelt.',
      awards: ['10 Punkte aus der Regel „Comment with #SoMeParade“ der Kampagne „SoMeParade“'],
      reasons: [],
    });
  });

  it('explains why an event earned nothing or less', () => {
    const capped = event({
      status: 'capped',
      points: 0,
      awards: [],
      reasons: [
        'Comment with #SoMeParade: the limit of 3 per day is reached',
        'Purchase: per euro: amount is missing: no points',
        'Bonus: cooling down (60 s between awards)',
      ],
    });
    expect(describeFanEvent(capped, en, inEnglish)).toEqual({
      summary: 'Earned nothing: the rules that react to it held back (see why).',
      awards: [],
      reasons: [
        'Rule “Comment with #SoMeParade”: the limit of 3 per day is reached',
        'Rule “Purchase: per euro”: the event has no amount, so there are no points',
        'Rule “Bonus”: cooling down (60 seconds between awards)',
      ],
    });
    expect(describeFanEvent(capped, de, inGerman).reasons).toEqual([
      'Regel „Comment with #SoMeParade“: Das Limit von 3 pro Tag ist erreicht',
      'Regel „Purchase: per euro“: Dem Ereignis fehlt amount, daher gibt es keine Punkte',
      'Regel „Bonus“: Wartezeit läuft (60 Sekunden zwischen zwei Prämien)',
    ]);
    const partly = event({ reasons: ['Big spender: the campaign budget is used up'] });
    expect(describeFanEvent(partly, en, inEnglish).reasons).toEqual([
      'Rule “Big spender”: the campaign budget is used up',
    ]);
    expect(describeFanEvent(partly, de, inGerman).reasons).toEqual([
      'Regel „Big spender“: Das Budget der Kampagne ist aufgebraucht',
    ]);
  });

  it('says so when no rule reacts at all', () => {
    const unmatched = event({ status: 'no_match', points: 0, awards: [] });
    expect(describeFanEvent(unmatched, en, inEnglish).summary).toBe(
      'Earned nothing: no rule of an active campaign reacts to this event.',
    );
    expect(describeFanEvent(unmatched, de, inGerman).summary).toBe(
      'Nichts gesammelt: Keine Regel einer aktiven Kampagne reagiert auf dieses Ereignis.',
    );
    expect(describeFanEvent({ ...unmatched, status: 'rejected' }, en, inEnglish).summary).toBe(
      'Rejected: nothing was booked.',
    );
  });

  it('marks a retracted event and says what its retraction took back', () => {
    const retracted = event({ retractedAt: '2026-03-03T08:00:00.000Z' });
    expect(isRetracted(retracted)).toBe(true);
    expect(isRetracted(event({}))).toBe(false);
    expect(describeFanEvent(retracted, en, inEnglish).summary).toBe(
      'Retracted on Mar 3, 2026, 9:00 AM: what it earned is taken back by the retraction.',
    );
    expect(describeFanEvent(retracted, de, inGerman).summary).toBe(
      'Am 03.03.2026, 09:00 zurückgezogen: Die Rücknahme bucht zurück, was es gebracht hat.',
    );

    const retraction = event({
      externalId: 'ig-comment-1-deleted',
      type: 'retract',
      channel: null,
      status: 'retracted',
      points: -6,
      awards: [
        { ruleId: RULE_ID, ruleName: 'Comment', campaignId: CAMPAIGN_ID, campaignName: null, points: -6 },
      ],
      reasons: ['4 of 10 points were already spent and could not be taken back'],
      retracts: 'ig-comment-1',
      properties: null,
    });
    expect(describeFanEvent(retraction, en, inEnglish)).toEqual({
      summary: 'Retracts event ig-comment-1: 6 points taken back.',
      awards: [`6 points from rule “Comment” in campaign “${CAMPAIGN_ID}” taken back`],
      reasons: ['4 of 10 points had already been spent and could not be taken back'],
    });
    expect(describeFanEvent(retraction, de, inGerman)).toEqual({
      summary: 'Zieht das Ereignis ig-comment-1 zurück: 6 Punkte zurückgebucht.',
      awards: [`6 Punkte aus der Regel „Comment“ der Kampagne „${CAMPAIGN_ID}“ zurückgebucht`],
      reasons: ['4 von 10 Punkten waren schon ausgegeben und konnten nicht zurückgebucht werden'],
    });
    expect(isRetracted(retraction)).toBe(false);
    const early = { ...retraction, points: 0, awards: [], reasons: [] };
    expect(describeFanEvent(early, en, inEnglish).summary).toBe(
      'Retracts event ig-comment-1: nothing was taken back.',
    );
    const beforeArrival = event({
      status: 'retracted',
      points: 0,
      awards: [],
      reasons: ['retracted before it arrived'],
    });
    expect(isRetracted(beforeArrival)).toBe(true);
    expect(describeFanEvent(beforeArrival, de, inGerman)).toEqual({
      summary: 'Zurückgezogen: Es bringt keine Punkte.',
      awards: [],
      reasons: ['Es wurde zurückgezogen, bevor es ankam.'],
    });
  });

  it('shows reasons it does not know as sent', () => {
    expect(translateReason('Something new: the moon is full', de)).toBe('Something new: the moon is full');
    expect(translateReason('Rule: the limit of 3 per fortnight is reached', en)).toBe(
      'Rule: the limit of 3 per fortnight is reached',
    );
    expect(translateReason('retracted before it arrived', de)).toBe(
      'Es wurde zurückgezogen, bevor es ankam.',
    );
  });
});
