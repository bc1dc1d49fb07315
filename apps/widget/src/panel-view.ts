/**
 * Draws the panel's body from the widget's state: the fan's points and tier, the tabs (rewards,
 * ways to earn, history, linked accounts with the linking code), the redeem confirmation and its
 * result, and the loading, error, empty and expired states. Each draw builds fresh nodes; elements that can hold focus carry a `data-focus`
 * key, by which the element puts focus back after a redraw.
 */
import { type Locale } from '@fanfare/shared';

import { CHANNEL_ICONS, h as d, icon, LINK_ICON, VERIFIED_ICON } from './dom';
import { fill, formatDate, formatDateTime, formatNumber, formatPoints, formatSignedNumber } from './format';
import { type Messages } from './messages';
import {
  LINK_CHANNELS,
  type LinkChannel,
  type LinkedAccount,
  type Redemption,
  type Reward,
  safeUrl,
} from './widget-api';
import {
  type AccountsState,
  ADDRESS_FIELDS,
  type AddressField,
  channelName,
  handleText,
  type LinkFlow,
  linkedText,
  linkProblemText,
  progressOf,
  problemText,
  type RedeemFlow,
  rewardNote,
  type Tab,
  tabAfterKey,
  visibleTabs,
  type WidgetData,
  type WidgetState,
} from './widget-state';

export interface ViewActions {
  retry: () => void;
  selectTab: (tab: Tab, focus: boolean) => void;
  startRedeem: (rewardId: string) => void;
  cancelRedeem: () => void;
  editAddress: (field: AddressField, value: string) => void;
  confirmRedeem: () => void;
  finishRedeem: () => void;
  loadMore: () => void;
  loadAccounts: () => void;
  requestCode: (channel: LinkChannel) => void;
  checkAgain: () => void;
  closeCode: () => void;
}

export interface ViewContext {
  locale: Locale;
  messages: Messages;
  actions: ViewActions;
}

export function panelBody(state: WidgetState, context: ViewContext): Node[] {
  const { messages } = context;
  switch (state.phase) {
    case 'unconfigured':
      return [d('p', {}, messages.comingSoon)];
    case 'idle':
    case 'loading':
      return [d('p', { class: 'status', role: 'status' }, messages.loading)];
    case 'error':
      return [
        d(
          'div',
          { class: 'problem', role: 'alert' },
          d('p', {}, state.error === null ? messages.problems.generic : problemText(state.error, messages)),
        ),
        d(
          'button',
          { type: 'button', class: 'primary', 'data-focus': 'retry', onclick: context.actions.retry },
          messages.retry,
        ),
      ];
    case 'expired':
      return [d('p', { class: 'problem', role: 'alert' }, messages.sessionExpired)];
    case 'ready':
      if (state.data === null) return [];
      return [
        summary(state, state.data, context),
        ...(state.redeem === null
          ? tabs(state, state.data, context)
          : [redeemView(state.redeem, state.data, context)]),
      ];
  }
}

function summary(state: WidgetState, data: WidgetData, { locale, messages }: ViewContext): Node {
  const me = data.me;
  if (!state.signedIn || me === null) return d('p', { class: 'hint' }, messages.loginHint);
  const progress = progressOf(me);
  const toGo =
    progress === null
      ? ''
      : fill(messages.pointsToGo, {
          points: formatPoints(progress.pointsToGo, locale),
          tier: progress.nextTierName,
        });
  const bar = d('div', { class: 'bar' });
  bar.style.width = `${progress?.percent ?? 100}%`;
  return d(
    'div',
    { class: 'summary' },
    d(
      'p',
      { class: 'balance' },
      d('span', { class: 'label' }, messages.yourPoints),
      d('strong', { class: 'points' }, formatNumber(me.balance, locale)),
    ),
    d(
      'p',
      { class: 'tier' },
      me.tier === null ? messages.noTier : fill(messages.tier, { tier: me.tier.name }),
    ),
    progress === null
      ? d('p', { class: 'hint' }, messages.topTier)
      : d(
          'div',
          {},
          d(
            'div',
            {
              class: 'progress',
              role: 'progressbar',
              'aria-valuemin': '0',
              'aria-valuemax': '100',
              'aria-valuenow': String(progress.percent),
              'aria-label': fill(messages.progressLabel, { tier: progress.nextTierName }),
              'aria-valuetext': toGo,
            },
            bar,
          ),
          // The bar says the same to screen readers (aria-valuetext).
          d('p', { class: 'hint', 'aria-hidden': 'true' }, toGo),
        ),
  );
}

/** The messages that are plain strings (not the nested groups). */
type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

const TAB_LABEL: Record<Tab, TextKey> = {
  rewards: 'tabRewards',
  earn: 'tabEarn',
  history: 'tabHistory',
  accounts: 'tabAccounts',
};

function tabs(state: WidgetState, data: WidgetData, viewContext: ViewContext): Node[] {
  const { messages, actions } = viewContext;
  const shown = visibleTabs(state.signedIn);
  const onKeydown = (event: Event): void => {
    const next = tabAfterKey((event as KeyboardEvent).key, state.tab, shown);
    if (next === undefined) return;
    event.preventDefault();
    actions.selectTab(next, true);
  };
  const tablist = d(
    'div',
    { role: 'tablist', class: 'tabs', 'aria-label': messages.sections, onkeydown: onKeydown },
    ...shown.map((tab) =>
      d(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `fanfare-tab-${tab}`,
          'data-focus': `tab-${tab}`,
          'aria-selected': String(tab === state.tab),
          'aria-controls': 'fanfare-tabpanel',
          // Roving tabindex: Tab enters the list at the selected tab, arrows move within it.
          tabindex: tab === state.tab ? '0' : '-1',
          onclick: () => actions.selectTab(tab, false),
        },
        messages[TAB_LABEL[tab]],
      ),
    ),
  );
  const panel = d('div', {
    role: 'tabpanel',
    id: 'fanfare-tabpanel',
    class: 'tabpanel',
    'aria-labelledby': `fanfare-tab-${state.tab}`,
    'data-focus': 'tabpanel',
    tabindex: '0',
  });
  panel.append(...tabContent(state, data, viewContext));
  return [tablist, panel];
}

function tabContent(state: WidgetState, data: WidgetData, viewContext: ViewContext): Node[] {
  const { locale, messages, actions } = viewContext;
  switch (state.tab) {
    case 'rewards':
      if (data.rewards.length === 0) return [d('p', { class: 'empty' }, messages.noRewards)];
      return [
        d(
          'ul',
          { class: 'list' },
          ...data.rewards.map((reward) => rewardCard(reward, state.signedIn, viewContext)),
        ),
      ];
    case 'earn':
      if (data.waysToEarn.length === 0) return [d('p', { class: 'empty' }, messages.noWaysToEarn)];
      return [
        d(
          'ul',
          { class: 'list' },
          ...data.waysToEarn.map((way) =>
            d(
              'li',
              { class: 'row' },
              d('span', {}, way.text, d('span', { class: 'meta' }, way.campaignName)),
              d('strong', {}, formatSignedNumber(way.points, locale)),
            ),
          ),
        ),
      ];
    case 'history': {
      const { items, nextCursor } = data.history;
      if (items.length === 0 && data.redemptions.length === 0)
        return [d('p', { class: 'empty' }, messages.noHistory)];
      return [
        data.redemptions.length > 0 && d('h3', {}, messages.yourRedemptions),
        data.redemptions.length > 0 &&
          d(
            'ul',
            { class: 'list' },
            ...data.redemptions.map((redemption) => redemptionRow(redemption, viewContext)),
          ),
        items.length > 0 && d('h3', {}, messages.pointsHistory),
        items.length > 0 &&
          d(
            'ul',
            { class: 'list' },
            ...items.map((item) =>
              d(
                'li',
                { class: 'row' },
                d('span', {}, item.text, d('span', { class: 'meta' }, formatDate(item.createdAt, locale))),
                d('strong', {}, formatSignedNumber(item.points, locale)),
              ),
            ),
          ),
        state.more.error !== null &&
          d('p', { class: 'problem', role: 'alert' }, problemText(state.more.error, messages)),
        nextCursor !== null &&
          d(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-focus': 'load-more',
              'aria-busy': String(state.more.loading),
              onclick: actions.loadMore,
            },
            state.more.loading ? messages.loading : messages.loadMore,
          ),
      ].filter((node): node is Exclude<typeof node, false> => node !== false);
    }
    case 'accounts':
      return accountsContent(state.accounts, data, viewContext);
  }
}

function rewardCard(reward: Reward, signedIn: boolean, { locale, messages, actions }: ViewContext): Node {
  const image = safeUrl(reward.imageUrl);
  const note = rewardNote(reward, signedIn, messages);
  return d(
    'li',
    { class: 'card' },
    image !== undefined && d('img', { src: image, alt: '', loading: 'lazy', decoding: 'async' }),
    d(
      'div',
      { class: 'card-body' },
      d('h3', {}, reward.name),
      reward.description && d('p', { class: 'description' }, reward.description),
      d(
        'p',
        { class: 'meta' },
        d('strong', { class: 'cost' }, formatPoints(reward.costPoints, locale)),
        reward.minTier && ` \u00b7 ${fill(messages.minTier, { tier: reward.minTier.name })}`,
        reward.availableUntil &&
          ` \u00b7 ${fill(messages.availableUntil, { date: formatDate(reward.availableUntil, locale) })}`,
      ),
      note === null
        ? d(
            'button',
            {
              type: 'button',
              class: 'primary',
              'data-focus': `redeem-${reward.id}`,
              'aria-label': fill(messages.redeemNamed, { name: reward.name }),
              onclick: () => actions.startRedeem(reward.id),
            },
            messages.redeem,
          )
        : d('p', { class: 'note' }, note),
    ),
  );
}

function redemptionRow(redemption: Redemption, viewContext: ViewContext): Node {
  const { locale, messages } = viewContext;
  return d(
    'li',
    { class: 'row' },
    d(
      'span',
      {},
      redemption.reward.name,
      d(
        'span',
        { class: 'meta' },
        `${formatDate(redemption.createdAt, locale)} \u00b7 ${messages.statuses[redemption.status]}`,
      ),
      redemption.status !== 'cancelled' && handOver(redemption, viewContext),
    ),
    d('strong', {}, formatSignedNumber(-Math.abs(redemption.points), locale)),
  );
}

/** The coupon code with a Copy button, or the download link; nothing for other kinds. */
function handOver(redemption: Redemption, { messages }: ViewContext): Node | false {
  const download = safeUrl(redemption.downloadUrl);
  if (redemption.code !== null) return codeWithCopy(redemption.code, messages.yourCode, 'code', messages);
  if (download !== undefined) {
    return d(
      'a',
      { class: 'link', href: download, target: '_blank', rel: 'noopener noreferrer' },
      messages.download,
    );
  }
  return false;
}

/** A code to write or type somewhere else, with a Copy button where the page allows the clipboard. */
function codeWithCopy(code: string, label: string, className: string, messages: Messages): Node {
  const status = d('span', { class: 'copied', role: 'status' });
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  return d(
    'span',
    { class: 'code-row' },
    d('code', { class: className, 'aria-label': label }, code),
    clipboard !== undefined &&
      d(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          'data-focus': `copy-${code}`,
          onclick: () => {
            clipboard.writeText(code).then(
              () => (status.textContent = messages.copied),
              // The code stays on screen, selectable, when the page does not allow the clipboard.
              () => undefined,
            );
          },
        },
        messages.copy,
      ),
    status,
  );
}

/**
 * The Accounts tab: the code while one is on screen (with the list below it); otherwise the
 * "linked" message after a success, the list, and a button per network.
 */
function accountsContent(accounts: AccountsState, data: WidgetData, viewContext: ViewContext): Node[] {
  const { messages, actions } = viewContext;
  const { items, error, flow } = accounts;
  if (items === null) {
    if (error === null) return [d('p', { class: 'status', role: 'status' }, messages.loading)];
    return [
      d('p', { class: 'problem', role: 'alert' }, linkProblemText(error, messages, messages.accountsFailed)),
      d(
        'button',
        { type: 'button', class: 'secondary', 'data-focus': 'accounts-retry', onclick: actions.loadAccounts },
        messages.retry,
      ),
    ];
  }
  const list = [
    d('h3', {}, messages.yourAccounts),
    items.length === 0
      ? d('p', { class: 'empty' }, messages.noAccounts)
      : d('ul', { class: 'list' }, ...items.map((account) => accountRow(account, viewContext))),
  ];
  if (flow?.step === 'code') return [codeView(flow, data, viewContext), ...list];
  const requesting = flow?.step === 'requesting' ? flow.channel : null;
  return [
    flow?.step === 'linked' &&
      d(
        'p',
        { class: 'success', role: 'status', tabindex: '-1', 'data-focus': 'linked' },
        linkedText(flow.account, messages),
      ),
    ...list,
    d('h3', {}, messages.linkAccount),
    d('p', { class: 'hint' }, messages.linkIntro),
    error !== null &&
      d('p', { class: 'problem', role: 'alert' }, linkProblemText(error, messages, messages.codeFailed)),
    d(
      'div',
      { class: 'link-buttons' },
      ...LINK_CHANNELS.map((channel) =>
        d(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-focus': `link-${channel}`,
            // aria-disabled rather than disabled: focus stays on the button while the code comes.
            'aria-disabled': String(requesting !== null),
            onclick: () => {
              if (requesting === null) actions.requestCode(channel);
            },
          },
          icon(CHANNEL_ICONS[channel] ?? LINK_ICON),
          requesting === channel
            ? messages.gettingCode
            : fill(messages.linkNetwork, { network: channelName(channel, messages) }),
        ),
      ),
    ),
  ].filter((node): node is Exclude<typeof node, false> => node !== false);
}

function accountRow(account: LinkedAccount, { locale, messages }: ViewContext): Node {
  const since = fill(messages.accountSince, { date: formatDate(account.since, locale) });
  return d(
    'li',
    { class: 'row account' },
    d(
      'span',
      { class: 'account-name' },
      icon(CHANNEL_ICONS[account.channel] ?? LINK_ICON),
      d(
        'span',
        {},
        channelName(account.channel, messages),
        d(
          'span',
          { class: 'meta' },
          account.handle ? `${handleText(account.handle)} \u00b7 ${since}` : since,
        ),
      ),
    ),
    account.verified && d('span', { class: 'verified' }, icon(VERIFIED_ICON), messages.verified),
  );
}

/** The code, big, with Copy; where to write it; until when it works; and whether we still watch. */
function codeView(
  flow: Extract<LinkFlow, { step: 'code' }>,
  data: WidgetData,
  { locale, messages, actions }: ViewContext,
): Node {
  const { code, channel, expiresAt } = flow.code;
  const network = channelName(channel, messages);
  const title = fill(messages.yourLinkCode, { network });
  return d(
    'div',
    { class: 'flow' },
    d('h3', { tabindex: '-1', 'data-focus': 'link-code' }, title),
    codeWithCopy(code, title, 'code big', messages),
    d('p', {}, fill(messages.linkSteps[channel], { brand: data.config.brand.name })),
    d('p', { class: 'hint' }, fill(messages.validUntil, { date: formatDateTime(expiresAt, locale) })),
    d(
      'p',
      { class: 'hint', role: 'status' },
      flow.watching ? fill(messages.waitingForLink, { network }) : messages.notLinkedYet,
    ),
    d(
      'div',
      { class: 'actions' },
      !flow.watching &&
        d(
          'button',
          { type: 'button', class: 'primary', 'data-focus': 'check-again', onclick: actions.checkAgain },
          messages.checkAgain,
        ),
      d(
        'button',
        { type: 'button', class: 'secondary', 'data-focus': 'link-back', onclick: actions.closeCode },
        messages.back,
      ),
    ),
  );
}

function redeemView(flow: RedeemFlow, data: WidgetData, viewContext: ViewContext): Node {
  const { locale, messages, actions } = viewContext;
  if (flow.step === 'redeemed') {
    const { redemption, reward } = flow;
    return d(
      'div',
      { class: 'flow' },
      d('h3', { tabindex: '-1', 'data-focus': 'redeemed' }, messages.redeemed),
      d('p', {}, reward.name),
      handOver(redemption, viewContext),
      reward.kind === 'physical' && d('p', { class: 'hint' }, messages.shipping),
      reward.kind === 'custom' &&
        redemption.status === 'pending' &&
        d('p', { class: 'hint' }, messages.pending),
      data.me !== null &&
        d('p', {}, fill(messages.newBalance, { points: formatPoints(data.me.balance, locale) })),
      d(
        'button',
        { type: 'button', class: 'secondary', 'data-focus': 'done', onclick: actions.finishRedeem },
        messages.backToRewards,
      ),
    );
  }
  const busy = flow.step === 'redeeming';
  const fieldProblem = Object.keys(flow.fieldErrors).length > 0;
  return d(
    'form',
    {
      class: 'flow',
      novalidate: true,
      'aria-labelledby': 'fanfare-confirm-title',
      'aria-busy': String(busy),
      onsubmit: (event) => {
        event.preventDefault();
        if (!busy) actions.confirmRedeem();
      },
    },
    d(
      'h3',
      { id: 'fanfare-confirm-title' },
      fill(messages.confirmQuestion, {
        name: flow.reward.name,
        points: formatPoints(flow.reward.costPoints, locale),
      }),
    ),
    flow.reward.kind === 'physical' && addressForm(flow, viewContext),
    flow.error !== null &&
      !fieldProblem &&
      d('p', { class: 'problem', role: 'alert' }, problemText(flow.error, messages)),
    fieldProblem && d('p', { class: 'problem', role: 'alert' }, messages.problems.validation_failed),
    d(
      'div',
      { class: 'actions' },
      // aria-disabled rather than disabled: a disabled button drops focus while the request runs.
      d(
        'button',
        { type: 'submit', class: 'primary', 'data-focus': 'confirm', 'aria-disabled': String(busy) },
        busy ? messages.redeeming : flow.error?.retryable ? messages.tryAgain : messages.confirm,
      ),
      d(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-focus': 'cancel',
          'aria-disabled': String(busy),
          onclick: () => {
            if (!busy) actions.cancelRedeem();
          },
        },
        messages.cancel,
      ),
    ),
  );
}

const FIELD_LABEL: Record<AddressField, TextKey> = {
  name: 'addressName',
  street: 'addressStreet',
  postalCode: 'addressPostalCode',
  city: 'addressCity',
  country: 'addressCountry',
};
const AUTOCOMPLETE: Record<AddressField, string> = {
  name: 'name',
  street: 'street-address',
  postalCode: 'postal-code',
  city: 'address-level2',
  country: 'country',
};
/** The API's limits (apps/api shipping-address.ts). */
const MAX_LENGTH: Record<AddressField, string> = {
  name: '200',
  street: '200',
  postalCode: '20',
  city: '100',
  country: '2',
};

function addressForm(
  flow: Extract<RedeemFlow, { step: 'confirming' | 'redeeming' }>,
  { messages, actions }: ViewContext,
): Node {
  return d(
    'fieldset',
    { class: 'address' },
    d('legend', {}, messages.shippingAddress),
    ...ADDRESS_FIELDS.map((field) => {
      const id = `fanfare-field-${field}`;
      const problem = flow.fieldErrors[field];
      const input = d('input', {
        id,
        name: field,
        type: 'text',
        required: true,
        autocomplete: AUTOCOMPLETE[field],
        maxlength: MAX_LENGTH[field],
        'data-focus': `field-${field}`,
        'aria-invalid': problem === undefined ? undefined : 'true',
        'aria-describedby': problem === undefined ? undefined : `${id}-error`,
        readonly: flow.step === 'redeeming',
        oninput: (event) => actions.editAddress(field, (event.target as HTMLInputElement).value),
      });
      input.value = flow.address[field];
      return d(
        'div',
        { class: 'field' },
        d('label', { for: id }, messages[FIELD_LABEL[field]]),
        input,
        problem !== undefined &&
          d('p', { class: 'field-error', id: `${id}-error` }, messages.fieldProblems[problem]),
      );
    }),
  );
}
