import { POLICY_IDS, policyFindings, POLICY_LINKS } from './policy';
import { type RuleCondition, type RuleDefinition } from './rules';

function rule(
  eventType: string,
  channels?: RuleDefinition['trigger']['channels'],
  extra: Partial<RuleDefinition> = {},
): RuleDefinition {
  return {
    name: 'r',
    trigger: channels === undefined ? { eventType } : { eventType, channels },
    conditions: [],
    award: { kind: 'fixed', points: 10 },
    limits: [],
    ...extra,
  };
}

function withConditions(
  eventType: string,
  conditions: RuleCondition[],
  channels?: RuleDefinition['trigger']['channels'],
) {
  return rule(eventType, channels, { conditions });
}

function found(definition: RuleDefinition): string[] {
  return policyFindings(definition).map((finding) => `${finding.severity}:${finding.policy}`);
}

describe('policyFindings', () => {
  it('finds nothing in an ordinary comment or purchase rule', () => {
    expect(policyFindings(rule('comment', ['instagram']))).toEqual([]);
    expect(policyFindings(rule('purchase'))).toEqual([]);
    expect(policyFindings(rule('custom:quiz'))).toEqual([]);
    expect(
      policyFindings(
        withConditions('comment', [{ property: 'hashtags', op: 'contains', value: 'someparade' }]),
      ),
    ).toEqual([]);
  });

  describe('like-gating', () => {
    it('blocks rewarding likes and follows on Facebook, with the 2014 ban and its source', () => {
      for (const eventType of ['like', 'follow']) {
        const [finding, ...rest] = policyFindings(rule(eventType, ['facebook']));
        expect(rest).toEqual([]);
        expect(finding).toMatchObject({
          severity: 'block',
          policy: 'meta-like-gating',
          link: POLICY_LINKS.metaLikeGating,
          field: 'trigger',
        });
        expect(finding?.message).toContain('5 November 2014');
      }
    });

    it('blocks when Facebook is among the channels or no channel is named', () => {
      expect(found(rule('like'))).toEqual(['block:meta-like-gating']);
      expect(found(rule('follow', ['x', 'facebook']))).toEqual(['block:meta-like-gating']);
    });

    it('only warns that likes and follows elsewhere cannot be verified', () => {
      expect(found(rule('like', ['instagram']))).toEqual(['warn:unverifiable-engagement']);
      expect(policyFindings(rule('follow', ['tiktok', 'youtube']))[0]?.link).toBe(
        POLICY_LINKS.tiktokWebhooks,
      );
      expect(found(rule('follow', ['x']))).toEqual([]);
      expect(found(rule('like', ['web', 'store']))).toEqual([]);
    });
  });

  describe('shares', () => {
    it('warns about shares on Facebook and Instagram', () => {
      expect(found(rule('share', ['facebook']))).toEqual(['warn:meta-share-to-enter']);
      expect(found(rule('share', ['instagram']))).toEqual(['warn:meta-share-to-enter']);
      expect(policyFindings(rule('share', ['facebook']))[0]?.link).toBe(POLICY_LINKS.metaPromotions);
      expect(found(rule('share', ['linkedin']))).toEqual([]);
    });

    it('asks for one award a day for shares and posts on X', () => {
      expect(found(rule('share', ['x']))).toEqual(['warn:x-repeated-entries']);
      expect(found(rule('post', ['x'], { limits: [{ window: 'day', max: 3 }] }))).toEqual([
        'warn:x-repeated-entries',
      ]);
      expect(found(rule('share', ['x'], { limits: [{ window: 'day', max: 1 }] }))).toEqual([]);
      expect(found(rule('share', ['x'], { limits: [{ window: 'lifetime', max: 1 }] }))).toEqual([]);
      expect(found(rule('share', ['x'], { cooldownSeconds: 86_400 }))).toEqual([]);
      expect(found(rule('share'))).toEqual(['warn:meta-share-to-enter', 'warn:x-repeated-entries']);
    });
  });

  describe('friend tags', () => {
    const tagged: RuleCondition = { property: 'tagged_friends', op: 'exists' };

    it.each([
      [{ property: 'tagged_friends', op: 'exists' }],
      [{ property: 'mentions', op: 'contains', value: '@' }],
      [{ property: 'friend_tags', op: 'matches', value: '@\\w' }],
      [{ property: 'tags', op: 'exists' }],
      [{ property: 'comment.mention_count', op: 'gte', value: 2 }],
    ] as [RuleCondition][])('blocks requiring %o on Facebook', (condition) => {
      const findings = policyFindings(withConditions('comment', [condition], ['facebook']));
      expect(findings).toEqual([
        expect.objectContaining({ severity: 'block', policy: 'meta-tag-friends', field: 'conditions.0' }),
      ]);
    });

    it('does not mistake hashtags or the absence of tags for tagging friends', () => {
      expect(
        found(withConditions('comment', [{ property: 'hashtags', op: 'contains', value: 'x' }])),
      ).toEqual([]);
      expect(found(withConditions('comment', [{ property: 'mention_count', op: 'lt', value: 1 }]))).toEqual(
        [],
      );
      expect(found(withConditions('comment', [{ property: 'mentions', op: 'eq', value: 0 }]))).toEqual([]);
    });

    it('only warns on Instagram, and says nothing on X', () => {
      expect(found(withConditions('comment', [tagged], ['instagram']))).toEqual([
        'warn:instagram-tag-friends',
      ]);
      expect(found(withConditions('comment', [tagged], ['x']))).toEqual([]);
      expect(found(withConditions('comment', [tagged]))).toEqual(['block:meta-tag-friends']);
    });
  });

  describe('reviews', () => {
    it('warns on any review rule: disclosure, and Google and Trustpilot must be excluded', () => {
      const [finding, ...rest] = policyFindings(rule('review', ['web']));
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ severity: 'warn', policy: 'incentivised-reviews' });
      expect(finding?.message).toMatch(/Google and Trustpilot/);
      expect(finding?.link).toBe(POLICY_LINKS.trustpilotGuidelines);
    });

    it('blocks review rules for Google or Trustpilot reviews', () => {
      const google = policyFindings(
        withConditions('review', [{ property: 'source', op: 'eq', value: 'google' }]),
      );
      expect(google).toEqual([
        expect.objectContaining({
          severity: 'block',
          policy: 'incentivised-reviews',
          link: POLICY_LINKS.googleReviews,
          field: 'conditions.0',
        }),
      ]);
      const both = policyFindings(
        withConditions('review', [
          { property: 'stars_given', op: 'exists' },
          { property: 'review.platform', op: 'in', value: ['shop', 'Trustpilot', 'google_maps'] },
        ]),
      );
      expect(both).toEqual([
        expect.objectContaining({ severity: 'block', policy: 'incentivised-reviews', field: 'conditions.1' }),
      ]);
      expect(both[0]?.title).toBe('Trustpilot and Google forbid rewarding reviews');
      expect(both[0]?.link).toBe(POLICY_LINKS.trustpilotGuidelines);
    });

    it('keeps the warning, not a block, when the source is your own shop', () => {
      expect(found(withConditions('review', [{ property: 'source', op: 'eq', value: 'shop' }]))).toEqual([
        'warn:incentivised-reviews',
      ]);
      expect(found(withConditions('review', [{ property: 'source', op: 'neq', value: 'google' }]))).toEqual([
        'warn:incentivised-reviews',
      ]);
    });

    it('blocks points that depend on the rating', () => {
      for (const condition of [
        { property: 'rating', op: 'eq', value: 5 },
        { property: 'rating', op: 'gte', value: 4 },
        { property: 'stars', op: 'in', value: [4, 5] },
        { property: 'review.rating', op: 'neq', value: 1 },
        { property: 'recommendation_type', op: 'eq', value: 'positive' },
      ] as RuleCondition[]) {
        expect(found(withConditions('review', [condition], ['store']))).toEqual([
          'block:review-rating-gating',
          'warn:incentivised-reviews',
        ]);
      }
      expect(found(withConditions('review', [{ property: 'rating', op: 'exists' }]))).toEqual([
        'warn:incentivised-reviews',
      ]);
      // A rating condition outside reviews (e.g. a survey) is not a review policy matter.
      expect(found(withConditions('survey_response', [{ property: 'rating', op: 'gte', value: 4 }]))).toEqual(
        [],
      );
    });
  });

  it('lists blocks before warnings and uses only stable ids with links', () => {
    const findings = policyFindings(
      withConditions('review', [
        { property: 'rating', op: 'eq', value: 5 },
        { property: 'source', op: 'eq', value: 'trustpilot' },
      ]),
    );
    expect(findings.map((f) => f.severity)).toEqual(['block', 'block']);
    for (const finding of [
      ...findings,
      ...policyFindings(rule('share')),
      ...policyFindings(rule('like')),
      ...policyFindings(rule('like', ['instagram'])),
    ]) {
      expect(POLICY_IDS).toContain(finding.policy);
      expect(finding.link).toMatch(/^https:\/\//);
      expect(finding.title.length).toBeGreaterThan(0);
      expect(finding.message.length).toBeGreaterThan(0);
    }
  });

  it('copes with half-finished rules from the editor without throwing', () => {
    const partial = (value: unknown) => policyFindings(value as RuleDefinition);
    expect(partial({})).toEqual([]);
    expect(partial({ trigger: {} })).toEqual([]);
    expect(partial({ trigger: { eventType: 'like' } }).map((f) => f.policy)).toEqual(['meta-like-gating']);
    expect(
      partial({ trigger: { eventType: 'review' }, conditions: [null, { op: 'eq' }] }).map((f) => f.policy),
    ).toEqual(['incentivised-reviews']);
    expect(
      partial({ trigger: { eventType: 'share', channels: ['x'] }, limits: [null] }).map((f) => f.policy),
    ).toEqual(['x-repeated-entries']);
  });
});
