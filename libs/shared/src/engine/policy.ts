/**
 * Policy guardrails: what platform terms forbid a brand to reward, read off a rule's shape. A
 * `block` finding keeps a rule from going live; a `warn` is shown with the campaign. Findings carry
 * a stable `policy` id (the admin translates by it) and a source; the facts and sources are
 * collected in the design's reference on social platforms.
 */
import { type Channel } from './events';
import { type RuleCondition, type RuleDefinition } from './rules';

export const POLICY_IDS = [
  'meta-like-gating',
  'meta-share-to-enter',
  'meta-tag-friends',
  'instagram-tag-friends',
  'incentivised-reviews',
  'review-rating-gating',
  'x-repeated-entries',
  'unverifiable-engagement',
] as const;
export type PolicyId = (typeof POLICY_IDS)[number];

export interface PolicyFinding {
  severity: 'block' | 'warn';
  policy: PolicyId;
  title: string;
  message: string;
  link: string;
  /** The part of the rule the finding is about (relative to the rule, e.g. `conditions.1`). */
  field?: string;
}

/** Sources, as cited in /shared/reference/social-platforms.md (section 3 and 2). */
export const POLICY_LINKS = {
  metaLikeGating: 'https://www.iplawwatch.com/2014/10/like-gating-facebook-says-dislike/',
  metaPromotions: 'https://www.facebook.com/policies/pages_groups_events',
  instagramWebhooks:
    'https://developers.facebook.com/docs/graph-api/webhooks/getting-started/webhooks-for-instagram',
  instagramPromotions: 'https://www.contestqueen.com/2024/conflicting-meta-promotional-guidelines/',
  tiktokWebhooks: 'https://developers.tiktok.com/doc/webhooks-events',
  youtubePush: 'https://developers.google.com/youtube/v3/guides/push_notifications',
  googleReviews:
    'https://searchengineland.com/google-prohibits-incentivizing-customers-to-remove-or-modify-negative-reviews-387874',
  trustpilotGuidelines:
    'https://support.trustpilot.com/hc/en-us/articles/235472148--Quick-guide-to-Trustpilot-s-Guidelines-for-Businesses',
  xContestRules: 'https://help.x.com/en/rules-and-policies/x-contest-rules',
} as const;

const SEVERITY_ORDER = { block: 0, warn: 1 } as const;

/** Property names that hold tagged or mentioned accounts (not `hashtags`, which are fine). */
const TAG_PROPERTY =
  /(?:^|_)(?:mentions?|tags|tagged|tagged_friends|tagged_users|tagged_accounts|friend_tags|user_tags)(?:_|$)/i;
/** Property names that say where a review was written. */
const REVIEW_SOURCE_PROPERTY = /^(?:source|platform|site|provider|review_?source|review_?platform)$/i;
/** Property names that hold a review's rating. */
const RATING_PROPERTY = /^(?:rating|ratings|stars|star_?rating|score|rating_?value|recommendation_?type)$/i;
const FORBIDDEN_REVIEW_PLATFORMS = /google|trustpilot/i;

function lastSegment(path: unknown): string {
  return typeof path === 'string' ? (path.split('.').pop() ?? '') : '';
}

/** Whether a rule can fire for events from `channel` (no channel filter means every channel). */
function covers(rule: RuleDefinition, channel: Channel): boolean {
  const channels: unknown = rule.trigger?.channels;
  return !Array.isArray(channels) || channels.length === 0 || channels.includes(channel);
}

function conditionsOf(rule: RuleDefinition): RuleCondition[] {
  return Array.isArray(rule.conditions)
    ? rule.conditions.filter((c) => typeof c === 'object' && c !== null)
    : [];
}

/** A condition that only passes when something was tagged or mentioned. */
function requiresTagging(condition: RuleCondition): boolean {
  if (!TAG_PROPERTY.test(lastSegment(condition.property))) {
    return false;
  }
  switch (condition.op) {
    case 'contains':
    case 'matches':
    case 'exists':
    case 'in':
      return true;
    case 'gt':
      return typeof condition.value === 'number' && condition.value >= 0;
    case 'gte':
      return typeof condition.value === 'number' && condition.value > 0;
    case 'eq':
      return condition.value !== 0 && condition.value !== false && condition.value !== '';
    case 'neq':
    case 'lt':
    case 'lte':
      return false;
  }
}

/** The review platforms a condition restricts the rule to, e.g. `source in ["google", "shop"]`. */
function forbiddenReviewPlatforms(condition: RuleCondition): string[] {
  if (!REVIEW_SOURCE_PROPERTY.test(lastSegment(condition.property))) {
    return [];
  }
  if (
    condition.op !== 'eq' &&
    condition.op !== 'in' &&
    condition.op !== 'contains' &&
    condition.op !== 'matches'
  ) {
    return [];
  }
  const values: unknown[] = Array.isArray(condition.value) ? condition.value : [condition.value];
  const platforms = new Set<string>();
  for (const value of values) {
    const match = typeof value === 'string' ? FORBIDDEN_REVIEW_PLATFORMS.exec(value) : null;
    if (match) {
      platforms.add(match[0].toLowerCase());
    }
  }
  return [...platforms];
}

/** Whether a rule pays at most once a day per fan, as X's promotion guidelines ask. */
function limitedToOncePerDay(rule: RuleDefinition): boolean {
  const limits = Array.isArray(rule.limits) ? rule.limits : [];
  const capped = limits.some((limit) => limit?.max !== undefined && limit.max <= 1);
  return capped || (typeof rule.cooldownSeconds === 'number' && rule.cooldownSeconds >= 24 * 60 * 60);
}

/**
 * What platform rules say about rewarding this rule's action. Works on half-finished rules (the
 * rule editor calls it as you type) and never throws. Blocks come first.
 */
export function policyFindings(rule: RuleDefinition): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const eventType: unknown = rule?.trigger?.eventType;
  if (typeof eventType !== 'string') {
    return findings;
  }
  const conditions = conditionsOf(rule);
  const onFacebook = covers(rule, 'facebook');
  const onInstagram = covers(rule, 'instagram');

  if ((eventType === 'like' || eventType === 'follow') && onFacebook) {
    findings.push({
      severity: 'block',
      policy: 'meta-like-gating',
      title: 'Rewarding Facebook Page likes is forbidden',
      message:
        "Meta's Platform Terms forbid incentivising people to like a Page (like-gating, banned since " +
        '5 November 2014): no points, prizes or unlocked content for liking or following on Facebook. ' +
        'Limit the rule to other channels, or reward comments or messages instead.',
      link: POLICY_LINKS.metaLikeGating,
      field: 'trigger',
    });
  }

  if ((eventType === 'like' || eventType === 'follow') && !onFacebook) {
    const unverifiable = (['instagram', 'tiktok', 'youtube'] as const).filter((channel) =>
      covers(rule, channel),
    );
    const first = unverifiable[0];
    if (first !== undefined) {
      findings.push({
        severity: 'warn',
        policy: 'unverifiable-engagement',
        title: 'Likes and follows on this channel cannot be verified',
        message:
          `${unverifiable.join(', ')} send no notifications for likes or new followers, so these ` +
          'events rest on what the fan or a third party reports. Award them knowingly, with tight limits.',
        link:
          first === 'instagram'
            ? POLICY_LINKS.instagramWebhooks
            : first === 'tiktok'
              ? POLICY_LINKS.tiktokWebhooks
              : POLICY_LINKS.youtubePush,
        field: 'trigger',
      });
    }
  }

  if (eventType === 'share' && (onFacebook || onInstagram)) {
    findings.push({
      severity: 'warn',
      policy: 'meta-share-to-enter',
      title: 'Sharing as the way to earn is restricted on Facebook and Instagram',
      message:
        'Meta does not allow personal timelines to be used to administer promotions ("share on your ' +
        'timeline to enter"). Rewarding shares fans make on their own is a grey zone: never make a ' +
        'share the condition for entering a promotion or unlocking a reward.',
      link: POLICY_LINKS.metaPromotions,
      field: 'trigger',
    });
  }

  conditions.forEach((condition, index) => {
    if (!requiresTagging(condition)) {
      return;
    }
    if (onFacebook) {
      findings.push({
        severity: 'block',
        policy: 'meta-tag-friends',
        title: 'Requiring friend tags is forbidden on Facebook',
        message:
          'Meta\'s promotion terms forbid using friend connections to administer promotions ("tag your ' +
          'friends to enter") and encouraging inaccurate tagging. Remove this condition, or limit the ' +
          'rule to channels other than Facebook.',
        link: POLICY_LINKS.metaPromotions,
        field: `conditions.${index}`,
      });
    } else if (onInstagram) {
      findings.push({
        severity: 'warn',
        policy: 'instagram-tag-friends',
        title: 'Tagging on Instagram must be accurate',
        message:
          "Instagram's promotion guidelines forbid encouraging people to tag content inaccurately (e.g. " +
          'tagging people who are not in the photo). Asking for a friend tag in a comment is tolerated, ' +
          'but Meta may still see it as incentivised misuse.',
        link: POLICY_LINKS.instagramPromotions,
        field: `conditions.${index}`,
      });
    }
  });

  if (eventType === 'review') {
    const platforms = new Set<string>();
    let platformField: string | undefined;
    conditions.forEach((condition, index) => {
      for (const platform of forbiddenReviewPlatforms(condition)) {
        platforms.add(platform);
        platformField ??= `conditions.${index}`;
      }
    });
    if (platforms.size > 0) {
      const names = [...platforms].map((p) => (p === 'google' ? 'Google' : 'Trustpilot')).join(' and ');
      findings.push({
        severity: 'block',
        policy: 'incentivised-reviews',
        title: `${names} forbid rewarding reviews`,
        message:
          `${names} do not allow incentives of any kind for reviews — loyalty points included — and ` +
          'may remove the reviews or penalise the business listing. Reward reviews only on your own ' +
          'shop or site, and say there that reviewers earn points.',
        link: platforms.has('trustpilot') ? POLICY_LINKS.trustpilotGuidelines : POLICY_LINKS.googleReviews,
        field: platformField ?? 'conditions',
      });
    } else {
      findings.push({
        severity: 'warn',
        policy: 'incentivised-reviews',
        title: 'Rewarded reviews must be disclosed, and never come from Google or Trustpilot',
        message:
          'A review written for points is a paid-for review: where it is published, readers must be told ' +
          'that reviewers are rewarded (unfair-competition law, in Germany the UWG). Google and Trustpilot ' +
          'forbid incentives for reviews altogether, so make sure this rule only sees reviews on your own ' +
          'shop or site, e.g. with a condition on the review source.',
        link: POLICY_LINKS.trustpilotGuidelines,
        field: 'trigger',
      });
    }

    conditions.forEach((condition, index) => {
      if (RATING_PROPERTY.test(lastSegment(condition.property)) && condition.op !== 'exists') {
        findings.push({
          severity: 'block',
          policy: 'review-rating-gating',
          title: 'Points must not depend on the rating',
          message:
            'Rewarding only good reviews buys positive ratings: every platform forbids it, and it misleads ' +
            'consumers (unfair commercial practice). Reward every genuine review the same, whatever its rating.',
          link: POLICY_LINKS.googleReviews,
          field: `conditions.${index}`,
        });
      }
    });
  }

  if ((eventType === 'share' || eventType === 'post') && covers(rule, 'x') && !limitedToOncePerDay(rule)) {
    findings.push({
      severity: 'warn',
      policy: 'x-repeated-entries',
      title: 'X asks for one entry per person per day',
      message:
        'X\'s promotion guidelines discourage rewarding repeated posts or reposts ("whoever reposts the most ' +
        'wins") and entries from several accounts. Limit this rule to one award per fan per day.',
      link: POLICY_LINKS.xContestRules,
      field: 'limits',
    });
  }

  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
