import {
  type Channel,
  CHANNELS,
  EVENT_TYPES,
  LIMIT_WINDOWS,
  type RuleCondition,
  type RuleDefinition,
  validateRule,
} from '@fanfare/shared';

import { describeWayToEarn } from './describe-way-to-earn';

/** German and English put a no-break space between the amount and "€". */
const NBSP = '\u00a0';

function rule(overrides: Partial<RuleDefinition> = {}): RuleDefinition {
  const definition: RuleDefinition = {
    name: 'Test rule',
    trigger: { eventType: 'comment' },
    conditions: [],
    award: { kind: 'fixed', points: 10 },
    limits: [],
    ...overrides,
  };
  // The texts are written for valid rules: a fixture that is not one would test nothing real.
  expect(validateRule(definition)).toEqual([]);
  return definition;
}

function both(definition: RuleDefinition, campaignName?: string): { en: string; de: string } {
  const options = campaignName === undefined ? {} : { campaignName };
  return {
    en: describeWayToEarn(definition, 'en', options),
    de: describeWayToEarn(definition, 'de', options),
  };
}

function withConditions(eventType: string, conditions: RuleCondition[]): RuleDefinition {
  return rule({ trigger: { eventType }, conditions });
}

describe('describeWayToEarn', () => {
  describe('the examples the widget shows', () => {
    it('says what a fixed award is for and where', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'review' },
            conditions: [{ property: 'source', op: 'eq', value: 'google' }],
            award: { kind: 'fixed', points: 25 },
          }),
        ),
      ).toEqual({
        en: 'Earn 25 points for a review on Google.',
        de: '25 Punkte für eine Bewertung auf Google.',
      });
    });

    it('says points per euro spent, with the limit', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase', channels: ['store'] },
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
            limits: [{ window: 'day', max: 3 }],
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per euro you spend in store (up to 3 times a day).',
        de: '1 Punkt pro Euro, den du im Laden ausgibst (bis zu 3-mal am Tag).',
      });
    });

    it('names several channels and the hashtag', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'comment', channels: ['instagram', 'facebook'] },
            conditions: [{ property: 'hashtags', op: 'contains', value: 'sunday' }],
          }),
        ),
      ).toEqual({
        en: 'Earn 10 points for a comment on Instagram or Facebook with #sunday.',
        de: '10 Punkte für einen Kommentar auf Instagram oder Facebook mit #sunday.',
      });
    });

    it('describes the demo brand’s rules', () => {
      expect(
        both(
          rule({
            name: 'Instagram-Kommentar mit #SoMeParade',
            trigger: { eventType: 'comment', channels: ['instagram'] },
            conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
            award: { kind: 'fixed', points: 10 },
            limits: [{ window: 'day', max: 3 }],
          }),
        ),
      ).toEqual({
        en: 'Earn 10 points for a comment on Instagram with #SoMeParade (up to 3 times a day).',
        de: '10 Punkte für einen Kommentar auf Instagram mit #SoMeParade (bis zu 3-mal am Tag).',
      });
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase', channels: ['store', 'web'] },
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, unit: 1, rounding: 'floor' },
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per euro you spend in store or online.',
        de: '1 Punkt pro Euro, den du im Laden oder online ausgibst.',
      });
      expect(
        both(
          rule({
            trigger: { eventType: 'referral' },
            award: { kind: 'fixed', points: 100 },
            limits: [{ window: 'month', max: 3 }],
          }),
        ),
      ).toEqual({
        en: 'Earn 100 points for referring a friend (up to 3 times a month).',
        de: '100 Punkte für eine Empfehlung (bis zu 3-mal im Monat).',
      });
    });
  });

  describe('event types', () => {
    const expected: Record<(typeof EVENT_TYPES)[number], { en: string; de: string }> = {
      follow: { en: 'Earn 10 points for following us.', de: '10 Punkte, wenn du uns folgst.' },
      like: { en: 'Earn 10 points for liking a post.', de: '10 Punkte für ein Like.' },
      comment: { en: 'Earn 10 points for a comment.', de: '10 Punkte für einen Kommentar.' },
      share: { en: 'Earn 10 points for sharing a post.', de: '10 Punkte für das Teilen eines Beitrags.' },
      mention: { en: 'Earn 10 points for mentioning us.', de: '10 Punkte, wenn du uns erwähnst.' },
      post: { en: 'Earn 10 points for a post.', de: '10 Punkte für einen Beitrag.' },
      review: { en: 'Earn 10 points for a review.', de: '10 Punkte für eine Bewertung.' },
      check_in: { en: 'Earn 10 points for a check-in.', de: '10 Punkte für einen Check-in.' },
      purchase: { en: 'Earn 10 points for a purchase.', de: '10 Punkte für einen Einkauf.' },
      referral: { en: 'Earn 10 points for referring a friend.', de: '10 Punkte für eine Empfehlung.' },
      survey_response: {
        en: 'Earn 10 points for answering a survey.',
        de: '10 Punkte für die Teilnahme an einer Umfrage.',
      },
      chat: { en: 'Earn 10 points for a chat.', de: '10 Punkte für einen Chat.' },
      video_view: {
        en: 'Earn 10 points for watching a video.',
        de: '10 Punkte für das Ansehen eines Videos.',
      },
      signup: { en: 'Earn 10 points for signing up.', de: '10 Punkte, wenn du dich registrierst.' },
    };

    it.each(EVENT_TYPES.map((type) => [type]))('words %s in both languages', (eventType) => {
      expect(both(rule({ trigger: { eventType } }))).toEqual(expected[eventType]);
    });

    it('puts where and with what before the verb of a German clause', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'mention', channels: ['instagram'] },
            conditions: [{ property: 'hashtags', op: 'contains', value: 'sommer' }],
          }),
        ),
      ).toEqual({
        en: 'Earn 10 points for mentioning us on Instagram with #sommer.',
        de: '10 Punkte, wenn du uns auf Instagram mit #sommer erwähnst.',
      });
      expect(both(rule({ trigger: { eventType: 'signup', channels: ['web'] } }))).toEqual({
        en: 'Earn 10 points for signing up online.',
        de: '10 Punkte, wenn du dich online registrierst.',
      });
    });

    it('humanises a brand’s own event type', () => {
      expect(both(rule({ trigger: { eventType: 'custom:newsletter_signup' } }))).toEqual({
        en: 'Earn 10 points for “Newsletter signup”.',
        de: '10 Punkte für „Newsletter signup“.',
      });
      expect(both(rule({ trigger: { eventType: 'custom:event-visit', channels: ['store'] } }))).toEqual({
        en: 'Earn 10 points for “Event visit” in store.',
        de: '10 Punkte für „Event visit“ im Laden.',
      });
    });
  });

  describe('channels', () => {
    const expected: Record<Channel, { en: string; de: string }> = {
      facebook: { en: 'on Facebook', de: 'auf Facebook' },
      instagram: { en: 'on Instagram', de: 'auf Instagram' },
      x: { en: 'on X', de: 'auf X' },
      youtube: { en: 'on YouTube', de: 'auf YouTube' },
      tiktok: { en: 'on TikTok', de: 'auf TikTok' },
      whatsapp: { en: 'on WhatsApp', de: 'über WhatsApp' },
      linkedin: { en: 'on LinkedIn', de: 'auf LinkedIn' },
      web: { en: 'online', de: 'online' },
      store: { en: 'in store', de: 'im Laden' },
      email: { en: 'by email', de: 'per E-Mail' },
      other: { en: 'on another channel', de: 'auf einem anderen Kanal' },
    };

    it.each(CHANNELS.map((channel) => [channel]))('names %s', (channel) => {
      expect(both(rule({ trigger: { eventType: 'chat', channels: [channel] } }))).toEqual({
        en: `Earn 10 points for a chat ${expected[channel].en}.`,
        de: `10 Punkte für einen Chat ${expected[channel].de}.`,
      });
    });

    it('says the shared preposition once and joins the rest with “or”', () => {
      expect(both(rule({ trigger: { eventType: 'post', channels: ['instagram', 'tiktok', 'x'] } }))).toEqual({
        en: 'Earn 10 points for a post on Instagram, TikTok or X.',
        de: '10 Punkte für einen Beitrag auf Instagram, TikTok oder X.',
      });
      expect(
        both(rule({ trigger: { eventType: 'check_in', channels: ['store', 'instagram', 'facebook'] } })),
      ).toEqual({
        en: 'Earn 10 points for a check-in in store, on Instagram or Facebook.',
        de: '10 Punkte für einen Check-in im Laden, auf Instagram oder Facebook.',
      });
      expect(
        both(
          rule({ trigger: { eventType: 'follow', channels: ['instagram', 'store', 'whatsapp', 'tiktok'] } }),
        ),
      ).toEqual({
        en: 'Earn 10 points for following us on Instagram, WhatsApp, TikTok or in store.',
        de: '10 Punkte, wenn du uns auf Instagram, TikTok, im Laden oder über WhatsApp folgst.',
      });
    });

    it('names no place when the rule takes every channel', () => {
      const everywhere = both(rule({ trigger: { eventType: 'comment' } }));
      expect(everywhere.en).toBe('Earn 10 points for a comment.');
      expect(everywhere.de).toBe('10 Punkte für einen Kommentar.');
    });

    it('leaves out a channel this build does not know instead of failing', () => {
      const stored = {
        ...rule({ trigger: { eventType: 'comment', channels: ['instagram'] } }),
        trigger: { eventType: 'comment', channels: ['instagram', 'mastodon'] as Channel[] },
      };
      expect(describeWayToEarn(stored, 'en')).toBe('Earn 10 points for a comment on Instagram.');
    });

    it('can name all channels at once', () => {
      const all = both(rule({ trigger: { eventType: 'comment', channels: [...CHANNELS] } }));
      expect(all.en).toBe(
        'Earn 10 points for a comment on Facebook, Instagram, X, YouTube, TikTok, WhatsApp, LinkedIn, another channel, online, in store or by email.',
      );
      expect(all.de).toBe(
        '10 Punkte für einen Kommentar auf Facebook, Instagram, X, YouTube, TikTok, LinkedIn, einem anderen Kanal, über WhatsApp, online, im Laden oder per E-Mail.',
      );
    });
  });

  describe('awards', () => {
    it('uses the singular for exactly one point', () => {
      expect(both(rule({ award: { kind: 'fixed', points: 1 } }))).toEqual({
        en: 'Earn 1 point for a comment.',
        de: '1 Punkt für einen Kommentar.',
      });
      expect(both(rule({ award: { kind: 'fixed', points: 2 } }))).toEqual({
        en: 'Earn 2 points for a comment.',
        de: '2 Punkte für einen Kommentar.',
      });
    });

    it('formats large numbers in the fan’s language', () => {
      expect(both(rule({ award: { kind: 'fixed', points: 12_500 } }))).toEqual({
        en: 'Earn 12,500 points for a comment.',
        de: '12.500 Punkte für einen Kommentar.',
      });
    });

    it('says “per 10 euros” for a unit of 10', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase' },
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 5, unit: 10, rounding: 'floor' },
          }),
        ),
      ).toEqual({
        en: 'Earn 5 points per 10 euros you spend.',
        de: '5 Punkte pro 10 Euro, die du ausgibst.',
      });
    });

    it('turns a fraction of a point per euro into one point per so many euros', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase', channels: ['web'] },
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 0.1, rounding: 'floor' },
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per 10 euros you spend online.',
        de: '1 Punkt pro 10 Euro, die du online ausgibst.',
      });
    });

    it('keeps a fraction that does not divide evenly, formatted for the language', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase' },
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1.5, rounding: 'round' },
          }),
        ),
      ).toEqual({
        en: 'Earn 1.5 points per euro you spend.',
        de: '1,5 Punkte pro Euro, den du ausgibst.',
      });
    });

    it('reads an order total in a nested property as euros', () => {
      expect(
        describeWayToEarn(
          rule({
            trigger: { eventType: 'purchase' },
            award: { kind: 'per_unit', property: 'order.total', pointsPerUnit: 2, rounding: 'floor' },
          }),
          'en',
        ),
      ).toBe('Earn 2 points per euro you spend.');
    });

    it('says the cap of a per-unit award', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase', channels: ['store'] },
            award: {
              kind: 'per_unit',
              property: 'amount',
              pointsPerUnit: 1,
              rounding: 'floor',
              maxPoints: 500,
            },
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per euro you spend in store (at most 500 points each time).',
        de: '1 Punkt pro Euro, den du im Laden ausgibst (jeweils höchstens 500 Punkte).',
      });
    });

    it('names the event when euros are counted for something other than a purchase', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'referral' },
            award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor' },
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per euro for referring a friend.',
        de: '1 Punkt pro Euro für eine Empfehlung.',
      });
    });

    it('knows a few other units', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase' },
            award: { kind: 'per_unit', property: 'quantity', pointsPerUnit: 5, rounding: 'floor' },
          }),
        ),
      ).toEqual({
        en: 'Earn 5 points per item for a purchase.',
        de: '5 Punkte pro Artikel für einen Einkauf.',
      });
      expect(
        both(
          rule({
            trigger: { eventType: 'video_view', channels: ['youtube'] },
            award: {
              kind: 'per_unit',
              property: 'watch_minutes',
              pointsPerUnit: 1,
              unit: 5,
              rounding: 'floor',
            },
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per 5 minutes for watching a video on YouTube.',
        de: '1 Punkt pro 5 Minuten für das Ansehen eines Videos auf YouTube.',
      });
    });

    it('says “per unit of” a property it does not know', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'survey_response' },
            award: {
              kind: 'per_unit',
              property: 'survey.answeredQuestions',
              pointsPerUnit: 2,
              rounding: 'floor',
            },
          }),
        ),
      ).toEqual({
        en: 'Earn 2 points per unit of “answered questions” for answering a survey.',
        de: '2 Punkte pro Einheit von „answered questions“ für die Teilnahme an einer Umfrage.',
      });
      expect(
        both(
          rule({
            trigger: { eventType: 'custom:quiz' },
            award: { kind: 'per_unit', property: 'score', pointsPerUnit: 1, unit: 10, rounding: 'floor' },
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per 10 units of “score” for “Quiz”.',
        de: '1 Punkt pro 10 Einheiten von „score“ für „Quiz“.',
      });
    });
  });

  describe('conditions', () => {
    it('shows a hashtag once with its #, however the rule spells it', () => {
      const sentence = describeWayToEarn(
        withConditions('post', [{ property: 'hashtags', op: 'contains', value: '#Sommer' }]),
        'en',
      );
      expect(sentence).toBe('Earn 10 points for a post with #Sommer.');
    });

    it('joins hashtags that must all be there with “and”, alternatives with “or”', () => {
      expect(
        both(
          withConditions('post', [
            { property: 'hashtags', op: 'contains', value: 'sommer' },
            { property: 'hashtags', op: 'contains', value: 'eis' },
          ]),
        ),
      ).toEqual({
        en: 'Earn 10 points for a post with #sommer and #eis.',
        de: '10 Punkte für einen Beitrag mit #sommer und #eis.',
      });
      expect(
        both(withConditions('post', [{ property: 'hashtags', op: 'in', value: ['sommer', 'summer'] }])),
      ).toEqual({
        en: 'Earn 10 points for a post with #sommer or #summer.',
        de: '10 Punkte für einen Beitrag mit #sommer oder #summer.',
      });
      expect(
        describeWayToEarn(withConditions('post', [{ property: 'hashtags', op: 'in', value: ['eis'] }]), 'en'),
      ).toBe('Earn 10 points for a post with #eis.');
    });

    it('shows a mention as @handle', () => {
      expect(
        both(
          withConditions('post', [{ property: 'mentions', op: 'contains', value: 'baeckerei_sonnenschein' }]),
        ),
      ).toEqual({
        en: 'Earn 10 points for a post with @baeckerei_sonnenschein.',
        de: '10 Punkte für einen Beitrag mit @baeckerei_sonnenschein.',
      });
    });

    it('shows a word the text must contain, or a hashtag written in the text', () => {
      expect(both(withConditions('comment', [{ property: 'text', op: 'contains', value: 'Pizza' }]))).toEqual(
        {
          en: 'Earn 10 points for a comment with “Pizza” in the text.',
          de: '10 Punkte für einen Kommentar mit „Pizza“ im Text.',
        },
      );
      expect(
        describeWayToEarn(
          withConditions('comment', [{ property: 'message', op: 'contains', value: '#sunday' }]),
          'de',
        ),
      ).toBe('10 Punkte für einen Kommentar mit #sunday.');
    });

    it('counts stars', () => {
      const review = (condition: RuleCondition) => both(withConditions('review', [condition]));
      expect(review({ property: 'rating', op: 'gte', value: 4 })).toEqual({
        en: 'Earn 10 points for a review with at least 4 stars.',
        de: '10 Punkte für eine Bewertung mit mindestens 4 Sternen.',
      });
      expect(review({ property: 'rating', op: 'gt', value: 3 })).toEqual({
        en: 'Earn 10 points for a review with at least 4 stars.',
        de: '10 Punkte für eine Bewertung mit mindestens 4 Sternen.',
      });
      expect(review({ property: 'stars', op: 'eq', value: 5 })).toEqual({
        en: 'Earn 10 points for a review with 5 stars.',
        de: '10 Punkte für eine Bewertung mit 5 Sternen.',
      });
      expect(review({ property: 'rating', op: 'gte', value: 1 })).toEqual({
        en: 'Earn 10 points for a review with at least 1 star.',
        de: '10 Punkte für eine Bewertung mit mindestens 1 Stern.',
      });
      expect(review({ property: 'rating', op: 'in', value: [5, 4] })).toEqual({
        en: 'Earn 10 points for a review with 4 or 5 stars.',
        de: '10 Punkte für eine Bewertung mit 4 oder 5 Sternen.',
      });
      expect(review({ property: 'rating', op: 'gt', value: 3.5 })).toEqual({
        en: 'Earn 10 points for a review with more than 3.5 stars.',
        de: '10 Punkte für eine Bewertung mit mehr als 3,5 Sternen.',
      });
      expect(review({ property: 'rating', op: 'lte', value: 2 })).toEqual({
        en: 'Earn 10 points for a review with at most 2 stars.',
        de: '10 Punkte für eine Bewertung mit höchstens 2 Sternen.',
      });
    });

    it('counts characters of a text', () => {
      expect(both(withConditions('comment', [{ property: 'text_length', op: 'gte', value: 50 }]))).toEqual({
        en: 'Earn 10 points for a comment with at least 50 characters.',
        de: '10 Punkte für einen Kommentar mit mindestens 50 Zeichen.',
      });
    });

    it('lists everything the interaction needs in one “with”', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'review', channels: ['web'] },
            conditions: [
              { property: 'hashtags', op: 'contains', value: 'lecker' },
              { property: 'rating', op: 'gte', value: 4 },
              { property: 'text_length', op: 'gt', value: 99 },
            ],
          }),
        ),
      ).toEqual({
        en: 'Earn 10 points for a review online with #lecker, at least 4 stars and at least 100 characters.',
        de: '10 Punkte für eine Bewertung online mit #lecker, mindestens 4 Sternen und mindestens 100 Zeichen.',
      });
    });

    it('says the amount a purchase needs', () => {
      const purchase = (condition: RuleCondition) =>
        both(rule({ trigger: { eventType: 'purchase', channels: ['store'] }, conditions: [condition] }));
      expect(purchase({ property: 'amount', op: 'gte', value: 20 })).toEqual({
        en: 'Earn 10 points for a purchase of at least €20 in store.',
        de: `10 Punkte für einen Einkauf ab 20${NBSP}€ im Laden.`,
      });
      expect(purchase({ property: 'amount', op: 'gt', value: 19.99 })).toEqual({
        en: 'Earn 10 points for a purchase of more than €19.99 in store.',
        de: `10 Punkte für einen Einkauf über 19,99${NBSP}€ im Laden.`,
      });
      expect(purchase({ property: 'amount', op: 'eq', value: 50 })).toEqual({
        en: 'Earn 10 points for a purchase of €50 in store.',
        de: `10 Punkte für einen Einkauf von 50${NBSP}€ im Laden.`,
      });
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase' },
            conditions: [
              { property: 'amount', op: 'gte', value: 20 },
              { property: 'amount', op: 'lt', value: 100 },
            ],
          }),
        ),
      ).toEqual({
        en: 'Earn 10 points for a purchase of at least €20 and less than €100.',
        de: `10 Punkte für einen Einkauf ab 20${NBSP}€ und unter 100${NBSP}€.`,
      });
    });

    it('says the minimum purchase after the euros a fan spends', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'purchase', channels: ['store', 'web'] },
            conditions: [{ property: 'amount', op: 'gte', value: 20 }],
            award: {
              kind: 'per_unit',
              property: 'amount',
              pointsPerUnit: 1,
              rounding: 'floor',
              maxPoints: 500,
            },
            limits: [{ window: 'day', max: 1 }],
          }),
        ),
      ).toEqual({
        en: 'Earn 1 point per euro you spend in store or online, for purchases of at least €20 (once a day, at most 500 points each time).',
        de: `1 Punkt pro Euro, den du im Laden oder online ausgibst, bei Einkäufen ab 20${NBSP}€ (einmal am Tag, jeweils höchstens 500 Punkte).`,
      });
    });

    it('names the review site instead of the channel', () => {
      expect(
        both(
          rule({
            trigger: { eventType: 'review', channels: ['web'] },
            conditions: [{ property: 'platform', op: 'in', value: ['trustpilot', 'google_maps', 'shop'] }],
          }),
        ),
      ).toEqual({
        en: 'Earn 10 points for a review on Trustpilot, Google Maps or in our shop.',
        de: '10 Punkte für eine Bewertung auf Trustpilot, Google Maps oder in unserem Shop.',
      });
      expect(
        describeWayToEarn(
          withConditions('review', [{ property: 'source', op: 'eq', value: 'TripAdvisor' }]),
          'en',
        ),
      ).toBe('Earn 10 points for a review on TripAdvisor.');
    });

    describe('that a fan would not understand', () => {
      const hidden: Array<[string, RuleDefinition, string]> = [
        [
          'a regular expression',
          withConditions('comment', [
            { property: 'text', op: 'matches', value: '^(lecker|yummy)[!.]{0,3}$' },
          ]),
          'lecker',
        ],
        [
          'a “not equal”',
          withConditions('comment', [{ property: 'source', op: 'neq', value: 'bot_farm' }]),
          'bot_farm',
        ],
        ['an “exists”', withConditions('post', [{ property: 'media.photo_id', op: 'exists' }]), 'photo'],
        [
          'a value of an internal property',
          withConditions('purchase', [{ property: 'campaign_code', op: 'eq', value: 'STAFF-ONLY-7' }]),
          'STAFF',
        ],
        [
          'an amount that is not a purchase’s',
          withConditions('referral', [{ property: 'amount', op: 'gte', value: 20 }]),
          '20',
        ],
        [
          'a review site outside reviews',
          withConditions('comment', [{ property: 'source', op: 'eq', value: 'google' }]),
          'Google',
        ],
        [
          'a “hashtag” with spaces',
          withConditions('post', [{ property: 'hashtags', op: 'contains', value: 'two words' }]),
          'two',
        ],
        [
          'a hashtag list with a number',
          withConditions('post', [{ property: 'hashtags', op: 'in', value: ['a', 1] }]),
          '#a',
        ],
        [
          'a text compared as a whole',
          withConditions('comment', [{ property: 'text', op: 'eq', value: 'hello' }]),
          'hello',
        ],
        [
          'a rating given as text',
          withConditions('review', [{ property: 'rating', op: 'eq', value: '5' }]),
          '5',
        ],
      ];

      it.each(hidden)('says “conditions apply” for %s and never shows it', (_name, definition, secret) => {
        const { en, de } = both(definition);
        expect(en).toMatch(/ \(conditions apply\)\.$/);
        expect(de).toMatch(/ \(es gelten Bedingungen\)\.$/);
        expect(en).not.toContain(secret);
        expect(de).not.toContain(secret);
      });

      it('still says what it can', () => {
        expect(
          both(
            withConditions('comment', [
              { property: 'hashtags', op: 'contains', value: 'sunday' },
              { property: 'text', op: 'matches', value: '^[a-z]{1,20}$' },
            ]),
          ),
        ).toEqual({
          en: 'Earn 10 points for a comment with #sunday (conditions apply).',
          de: '10 Punkte für einen Kommentar mit #sunday (es gelten Bedingungen).',
        });
      });
    });
  });

  describe('limits', () => {
    const sentences: Record<(typeof LIMIT_WINDOWS)[number], [string, string, string, string]> = {
      day: ['once a day', 'up to 3 times a day', 'einmal am Tag', 'bis zu 3-mal am Tag'],
      week: ['once a week', 'up to 3 times a week', 'einmal pro Woche', 'bis zu 3-mal pro Woche'],
      month: ['once a month', 'up to 3 times a month', 'einmal im Monat', 'bis zu 3-mal im Monat'],
      campaign: [
        'once during the campaign',
        'up to 3 times during the campaign',
        'einmal während der Kampagne',
        'bis zu 3-mal während der Kampagne',
      ],
      lifetime: ['only once', 'up to 3 times in total', 'nur einmal', 'insgesamt bis zu 3-mal'],
    };

    it.each(LIMIT_WINDOWS.map((window) => [window]))('words a limit per %s', (window) => {
      const [enOnce, enThree, deOnce, deThree] = sentences[window];
      expect(both(rule({ limits: [{ window, max: 1 }] }))).toEqual({
        en: `Earn 10 points for a comment (${enOnce}).`,
        de: `10 Punkte für einen Kommentar (${deOnce}).`,
      });
      expect(both(rule({ limits: [{ window, max: 3 }] }))).toEqual({
        en: `Earn 10 points for a comment (${enThree}).`,
        de: `10 Punkte für einen Kommentar (${deThree}).`,
      });
    });

    it('names the campaign when it is given', () => {
      expect(both(rule({ limits: [{ window: 'campaign', max: 2 }] }), 'Sommer')).toEqual({
        en: 'Earn 10 points for a comment (up to 2 times during the “Sommer” campaign).',
        de: '10 Punkte für einen Kommentar (bis zu 2-mal während der Kampagne „Sommer“).',
      });
    });

    it('formats large counts', () => {
      expect(both(rule({ limits: [{ window: 'lifetime', max: 1500 }] }))).toEqual({
        en: 'Earn 10 points for a comment (up to 1,500 times in total).',
        de: '10 Punkte für einen Kommentar (insgesamt bis zu 1.500-mal).',
      });
    });

    it('lists several limits from the shortest window up', () => {
      expect(
        both(
          rule({
            limits: [
              { window: 'month', max: 10 },
              { window: 'day', max: 1 },
            ],
          }),
        ),
      ).toEqual({
        en: 'Earn 10 points for a comment (once a day, up to 10 times a month).',
        de: '10 Punkte für einen Kommentar (einmal am Tag, bis zu 10-mal im Monat).',
      });
    });

    it('leaves out a limit that a wider one makes unreachable', () => {
      expect(
        describeWayToEarn(
          rule({
            limits: [
              { window: 'day', max: 3 },
              { window: 'lifetime', max: 1 },
            ],
          }),
          'en',
        ),
      ).toBe('Earn 10 points for a comment (only once).');
      expect(
        describeWayToEarn(
          rule({
            limits: [
              { window: 'week', max: 5 },
              { window: 'campaign', max: 5 },
            ],
          }),
          'en',
        ),
      ).toBe('Earn 10 points for a comment (up to 5 times during the campaign).');
    });

    it('keeps a weekly limit next to a smaller monthly one: a week can span two months', () => {
      expect(
        describeWayToEarn(
          rule({
            limits: [
              { window: 'month', max: 3 },
              { window: 'week', max: 5 },
            ],
          }),
          'en',
        ),
      ).toBe('Earn 10 points for a comment (up to 5 times a week, up to 3 times a month).');
    });
  });

  describe('cooldown', () => {
    const cases: Array<[number, string, string]> = [
      [7200, 'at most once every 2 hours', 'höchstens einmal alle 2 Stunden'],
      [3600, 'at most once an hour', 'höchstens einmal pro Stunde'],
      [5400, 'at most once every 90 minutes', 'höchstens einmal alle 90 Minuten'],
      [60, 'at most once a minute', 'höchstens einmal pro Minute'],
      [45, 'at most once every 45 seconds', 'höchstens einmal alle 45 Sekunden'],
      [1, 'at most once a second', 'höchstens einmal pro Sekunde'],
      [86_400, 'at most once every 24 hours', 'höchstens einmal alle 24 Stunden'],
      [3 * 86_400, 'at most once every 3 days', 'höchstens einmal alle 3 Tage'],
      [90_000, 'at most once every 25 hours', 'höchstens einmal alle 25 Stunden'],
    ];

    it.each(cases)('words %i seconds', (cooldownSeconds, en, de) => {
      expect(both(rule({ cooldownSeconds }))).toEqual({
        en: `Earn 10 points for a comment (${en}).`,
        de: `10 Punkte für einen Kommentar (${de}).`,
      });
    });

    it('says nothing for no cooldown', () => {
      expect(describeWayToEarn(rule({ cooldownSeconds: 0 }), 'en')).toBe('Earn 10 points for a comment.');
    });

    it('follows the limits', () => {
      expect(both(rule({ limits: [{ window: 'day', max: 3 }], cooldownSeconds: 7200 }))).toEqual({
        en: 'Earn 10 points for a comment (up to 3 times a day, at most once every 2 hours).',
        de: '10 Punkte für einen Kommentar (bis zu 3-mal am Tag, höchstens einmal alle 2 Stunden).',
      });
    });
  });

  it('puts every part in its place', () => {
    expect(
      both(
        rule({
          trigger: { eventType: 'follow', channels: ['instagram', 'tiktok'] },
          conditions: [{ property: 'source', op: 'neq', value: 'bot' }],
          award: { kind: 'fixed', points: 1 },
          limits: [{ window: 'campaign', max: 1 }],
          cooldownSeconds: 7200,
        }),
        'Sommer',
      ),
    ).toEqual({
      en: 'Earn 1 point for following us on Instagram or TikTok (once during the “Sommer” campaign, at most once every 2 hours, conditions apply).',
      de: '1 Punkt, wenn du uns auf Instagram oder TikTok folgst (einmal während der Kampagne „Sommer“, höchstens einmal alle 2 Stunden, es gelten Bedingungen).',
    });
  });

  it('never shows the rule’s name or property paths', () => {
    const sentences = both(
      rule({
        name: 'INTERNAL rule 42',
        trigger: { eventType: 'purchase' },
        award: { kind: 'per_unit', property: 'order.total', pointsPerUnit: 1, rounding: 'floor' },
        conditions: [{ property: 'order.channel_ref', op: 'eq', value: 'x' }],
      }),
    );
    for (const sentence of Object.values(sentences)) {
      expect(sentence).not.toMatch(/INTERNAL|order\.|channel_ref/);
    }
  });
});
