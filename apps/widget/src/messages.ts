/**
 * Every string the fan sees, in each language the widget speaks. Placeholders in braces (`{name}`)
 * are filled by `fill()` in format.ts; each language uses the same ones. The brand's own title and
 * welcome text (from `/config` or `init()`) replace `panelTitle` and `welcome`.
 */
import { type Channel, type Locale } from '@fanfare/shared';

import { type LinkChannel, type RedemptionStatus, type RefusalReason } from './widget-api';

/** Problems the widget explains in its own words; other codes fall back to the API's `detail`. */
export const PROBLEM_CODES = [
  'network',
  'rate_limited',
  'publishable_key_invalid',
  'fan_token_required',
  'insufficient_points',
  'out_of_stock',
  'tier_too_low',
  'fan_limit_reached',
  'reward_inactive',
  'reward_not_available_yet',
  'reward_no_longer_available',
  'not_found',
  'validation_failed',
  'generic',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type FieldProblem = 'required' | 'country' | 'invalid';

export interface Messages {
  /** The launcher button's accessible name. */
  launcherLabel: string;
  panelTitle: string;
  welcome: string;
  close: string;
  /** Shown when the page gave no publishable key (or no API address): nothing to load. */
  comingSoon: string;
  loading: string;
  retry: string;
  loginHint: string;
  sessionExpired: string;

  yourPoints: string;
  pointsOne: string;
  pointsOther: string;
  tier: string;
  noTier: string;
  progressLabel: string;
  pointsToGo: string;
  topTier: string;

  sections: string;
  tabRewards: string;
  tabEarn: string;
  tabHistory: string;
  tabAccounts: string;
  noRewards: string;
  noWaysToEarn: string;
  noHistory: string;
  minTier: string;
  availableUntil: string;
  redeem: string;
  redeemNamed: string;
  loginToRedeem: string;
  reasons: Record<RefusalReason, string>;

  confirmQuestion: string;
  confirm: string;
  cancel: string;
  redeeming: string;
  tryAgain: string;
  shippingAddress: string;
  addressName: string;
  addressStreet: string;
  addressPostalCode: string;
  addressCity: string;
  addressCountry: string;
  fieldProblems: Record<FieldProblem, string>;

  redeemed: string;
  yourCode: string;
  copy: string;
  copied: string;
  download: string;
  shipping: string;
  pending: string;
  newBalance: string;
  backToRewards: string;

  yourRedemptions: string;
  pointsHistory: string;
  loadMore: string;
  statuses: Record<RedemptionStatus, string>;

  /** Network names; an account on a channel not named here shows the channel as the API sends it. */
  channels: Record<Channel, string>;
  yourAccounts: string;
  noAccounts: string;
  verified: string;
  accountSince: string;
  linkAccount: string;
  linkIntro: string;
  linkNetwork: string;
  gettingCode: string;
  yourLinkCode: string;
  /** Where to write the code from the account, per network ({brand}: the brand's name). */
  linkSteps: Record<LinkChannel, string>;
  validUntil: string;
  waitingForLink: string;
  notLinkedYet: string;
  checkAgain: string;
  back: string;
  linkedNamed: string;
  linkedUnnamed: string;
  /** When the API sent no sentence of its own. */
  accountsFailed: string;
  codeFailed: string;

  problems: Record<ProblemCode, string>;
}

export const MESSAGES: Readonly<Record<Locale, Messages>> = {
  en: {
    launcherLabel: 'Fanfare rewards',
    panelTitle: 'Fanfare rewards',
    welcome: 'Collect points and swap them for rewards.',
    close: 'Close',
    comingSoon: 'Rewards are coming to this shop soon.',
    loading: 'Loading…',
    retry: 'Retry',
    loginHint: 'Log in to the shop to collect points and redeem rewards.',
    sessionExpired: 'Your session has expired. Please log in again.',

    yourPoints: 'Your points',
    pointsOne: '{n} point',
    pointsOther: '{n} points',
    tier: 'Tier: {tier}',
    noTier: 'No tier yet',
    progressLabel: 'Progress to {tier}',
    pointsToGo: '{points} more to {tier}',
    topTier: 'You have reached the top tier.',

    sections: 'Sections',
    tabRewards: 'Rewards',
    tabEarn: 'Ways to earn',
    tabHistory: 'History',
    tabAccounts: 'Accounts',
    noRewards: 'There are no rewards yet. Check back later!',
    noWaysToEarn: 'There are no ways to earn points right now.',
    noHistory: 'Nothing here yet: your points and rewards will show up here.',
    minTier: 'From tier {tier}',
    availableUntil: 'Until {date}',
    redeem: 'Redeem',
    redeemNamed: 'Redeem {name}',
    loginToRedeem: 'Log in to redeem',
    reasons: {
      login_required: 'Log in to redeem',
      insufficient_points: 'You do not have enough points yet.',
      out_of_stock: 'Out of stock.',
      tier_too_low: 'Reach a higher tier to redeem this.',
      fan_limit_reached: 'You have already redeemed this as often as you can.',
      reward_not_available_yet: 'Not available yet.',
    },

    confirmQuestion: 'Redeem {name} for {points}?',
    confirm: 'Confirm',
    cancel: 'Cancel',
    redeeming: 'Redeeming…',
    tryAgain: 'Try again',
    shippingAddress: 'Shipping address',
    addressName: 'Name',
    addressStreet: 'Street and number',
    addressPostalCode: 'Postcode',
    addressCity: 'City',
    addressCountry: 'Country (2 letters, e.g. DE)',
    fieldProblems: {
      required: 'Please fill in this field.',
      country: 'Please enter a two-letter country code such as DE.',
      invalid: 'Please check this field.',
    },

    redeemed: 'Redeemed!',
    yourCode: 'Your code',
    copy: 'Copy',
    copied: 'Copied',
    download: 'Download',
    shipping: 'We will ship it to the address you gave.',
    pending: 'The shop will get back to you about it.',
    newBalance: 'Your new balance: {points}',
    backToRewards: 'Back to rewards',

    yourRedemptions: 'Your rewards',
    pointsHistory: 'Points',
    loadMore: 'Load more',
    statuses: { pending: 'In progress', fulfilled: 'Done', cancelled: 'Cancelled, points refunded' },

    channels: {
      facebook: 'Facebook',
      instagram: 'Instagram',
      x: 'X',
      youtube: 'YouTube',
      tiktok: 'TikTok',
      whatsapp: 'WhatsApp',
      linkedin: 'LinkedIn',
      web: 'Web',
      store: 'In store',
      email: 'Email',
      other: 'Other',
    },
    yourAccounts: 'Your linked accounts',
    noAccounts: 'No accounts linked yet.',
    verified: 'Verified',
    accountSince: 'since {date}',
    linkAccount: 'Link an account',
    linkIntro: 'Link your social accounts: the points you collect there join your balance.',
    linkNetwork: 'Link {network}',
    gettingCode: 'Getting your code…',
    yourLinkCode: 'Your code for {network}',
    linkSteps: {
      instagram:
        'Write this code from your Instagram account as a comment under any post of {brand}, or send it to {brand} as a direct message.',
      facebook:
        'Write this code from your Facebook account as a comment under any post of {brand}, or send it to {brand} as a Messenger message.',
      whatsapp: "Send this code from your WhatsApp number as a message to {brand}'s WhatsApp number.",
      x: 'Write this code from your X account as a reply to any post of {brand}, or send it to {brand} as a direct message.',
    },
    validUntil: 'Valid until {date}',
    waitingForLink: 'Waiting for your {network} comment or message… This updates by itself.',
    notLinkedYet: 'Not linked yet? Once you have written the code, check again.',
    checkAgain: 'Check again',
    back: 'Back',
    linkedNamed: '{network} account {handle} linked',
    linkedUnnamed: '{network} account linked',
    accountsFailed: 'We could not load your accounts. Please try again.',
    codeFailed: 'We could not get a code for you. Please try again.',

    problems: {
      network: 'We could not reach the server. Check your connection and try again.',
      rate_limited: 'That was a lot at once. Please wait a moment and try again.',
      publishable_key_invalid: 'This rewards widget is not set up correctly.',
      fan_token_required: 'Please log in to the shop first.',
      insufficient_points: 'You do not have enough points for this reward.',
      out_of_stock: 'Sorry, this reward has just run out.',
      tier_too_low: 'This reward needs a higher tier.',
      fan_limit_reached: 'You have already redeemed this reward as often as you can.',
      reward_inactive: 'This reward is not offered any more.',
      reward_not_available_yet: 'This reward is not available yet.',
      reward_no_longer_available: 'This reward is no longer available.',
      not_found: 'This reward does not exist any more.',
      validation_failed: 'Please check the marked fields.',
      generic: 'Something went wrong. Please try again.',
    },
  },
  de: {
    launcherLabel: 'Fanfare-Prämien',
    panelTitle: 'Fanfare-Prämien',
    welcome: 'Sammle Punkte und tausche sie gegen Prämien.',
    close: 'Schließen',
    comingSoon: 'Bald gibt es in diesem Shop Prämien.',
    loading: 'Wird geladen …',
    retry: 'Erneut versuchen',
    loginHint: 'Melde dich im Shop an, um Punkte zu sammeln und Prämien einzulösen.',
    sessionExpired: 'Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.',

    yourPoints: 'Deine Punkte',
    pointsOne: '{n} Punkt',
    pointsOther: '{n} Punkte',
    tier: 'Stufe: {tier}',
    noTier: 'Noch keine Stufe',
    progressLabel: 'Fortschritt bis {tier}',
    pointsToGo: 'Noch {points} bis {tier}',
    topTier: 'Du hast die höchste Stufe erreicht.',

    sections: 'Bereiche',
    tabRewards: 'Prämien',
    tabEarn: 'Punkte sammeln',
    tabHistory: 'Verlauf',
    tabAccounts: 'Konten',
    noRewards: 'Noch gibt es keine Prämien. Schau bald wieder vorbei!',
    noWaysToEarn: 'Gerade gibt es keine Möglichkeiten, Punkte zu sammeln.',
    noHistory: 'Noch ist hier nichts: Deine Punkte und Prämien erscheinen hier.',
    minTier: 'Ab Stufe {tier}',
    availableUntil: 'Bis {date}',
    redeem: 'Einlösen',
    redeemNamed: '{name} einlösen',
    loginToRedeem: 'Zum Einlösen anmelden',
    reasons: {
      login_required: 'Zum Einlösen anmelden',
      insufficient_points: 'Dir fehlen noch Punkte.',
      out_of_stock: 'Ausverkauft.',
      tier_too_low: 'Erreiche eine höhere Stufe, um das einzulösen.',
      fan_limit_reached: 'Du hast das schon so oft eingelöst wie möglich.',
      reward_not_available_yet: 'Noch nicht verfügbar.',
    },

    confirmQuestion: '{name} für {points} einlösen?',
    confirm: 'Bestätigen',
    cancel: 'Abbrechen',
    redeeming: 'Wird eingelöst …',
    tryAgain: 'Erneut versuchen',
    shippingAddress: 'Lieferadresse',
    addressName: 'Name',
    addressStreet: 'Straße und Hausnummer',
    addressPostalCode: 'Postleitzahl',
    addressCity: 'Ort',
    addressCountry: 'Land (2 Buchstaben, z. B. DE)',
    fieldProblems: {
      required: 'Bitte fülle dieses Feld aus.',
      country: 'Bitte gib einen Ländercode mit zwei Buchstaben an, z. B. DE.',
      invalid: 'Bitte prüfe dieses Feld.',
    },

    redeemed: 'Eingelöst!',
    yourCode: 'Dein Code',
    copy: 'Kopieren',
    copied: 'Kopiert',
    download: 'Herunterladen',
    shipping: 'Wir schicken es an die angegebene Adresse.',
    pending: 'Der Shop meldet sich dazu bei dir.',
    newBalance: 'Dein neuer Punktestand: {points}',
    backToRewards: 'Zurück zu den Prämien',

    yourRedemptions: 'Deine Prämien',
    pointsHistory: 'Punkte',
    loadMore: 'Mehr laden',
    statuses: {
      pending: 'In Bearbeitung',
      fulfilled: 'Erledigt',
      cancelled: 'Storniert, Punkte erstattet',
    },

    channels: {
      facebook: 'Facebook',
      instagram: 'Instagram',
      x: 'X',
      youtube: 'YouTube',
      tiktok: 'TikTok',
      whatsapp: 'WhatsApp',
      linkedin: 'LinkedIn',
      web: 'Web',
      store: 'Im Laden',
      email: 'E-Mail',
      other: 'Sonstiges',
    },
    yourAccounts: 'Deine verknüpften Konten',
    noAccounts: 'Noch keine Konten verknüpft.',
    verified: 'Bestätigt',
    accountSince: 'seit {date}',
    linkAccount: 'Konto verknüpfen',
    linkIntro:
      'Verknüpfe deine Social-Media-Konten: Die Punkte, die du dort sammelst, kommen auf deinen Punktestand.',
    linkNetwork: '{network} verknüpfen',
    gettingCode: 'Code wird erstellt …',
    yourLinkCode: 'Dein Code für {network}',
    linkSteps: {
      instagram:
        'Schreib diesen Code von deinem Instagram-Konto als Kommentar unter einen beliebigen Beitrag von {brand} oder schick ihn {brand} als Direktnachricht.',
      facebook:
        'Schreib diesen Code von deinem Facebook-Konto als Kommentar unter einen beliebigen Beitrag von {brand} oder schick ihn {brand} als Messenger-Nachricht.',
      whatsapp:
        'Schick diesen Code von deiner WhatsApp-Nummer als Nachricht an die WhatsApp-Nummer von {brand}.',
      x: 'Schreib diesen Code von deinem X-Konto als Antwort auf einen beliebigen Post von {brand} oder schick ihn {brand} als Direktnachricht.',
    },
    validUntil: 'Gültig bis {date}',
    waitingForLink:
      'Wir warten auf deinen Kommentar oder deine Nachricht bei {network} … Das aktualisiert sich von selbst.',
    notLinkedYet: 'Noch nicht verknüpft? Wenn du den Code geschrieben hast, prüfe es erneut.',
    checkAgain: 'Erneut prüfen',
    back: 'Zurück',
    linkedNamed: '{network}-Konto {handle} verknüpft',
    linkedUnnamed: '{network}-Konto verknüpft',
    accountsFailed: 'Deine Konten konnten nicht geladen werden. Bitte versuche es erneut.',
    codeFailed: 'Wir konnten dir gerade keinen Code erstellen. Bitte versuche es erneut.',

    problems: {
      network: 'Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
      rate_limited: 'Das war viel auf einmal. Bitte warte einen Moment und versuche es erneut.',
      publishable_key_invalid: 'Dieses Prämien-Widget ist nicht richtig eingerichtet.',
      fan_token_required: 'Bitte melde dich zuerst im Shop an.',
      insufficient_points: 'Für diese Prämie hast du nicht genug Punkte.',
      out_of_stock: 'Diese Prämie ist leider gerade ausgegangen.',
      tier_too_low: 'Für diese Prämie brauchst du eine höhere Stufe.',
      fan_limit_reached: 'Du hast diese Prämie schon so oft eingelöst wie möglich.',
      reward_inactive: 'Diese Prämie wird nicht mehr angeboten.',
      reward_not_available_yet: 'Diese Prämie ist noch nicht verfügbar.',
      reward_no_longer_available: 'Diese Prämie ist nicht mehr verfügbar.',
      not_found: 'Diese Prämie gibt es nicht mehr.',
      validation_failed: 'Bitte prüfe die markierten Felder.',
      generic: 'Etwas ist schiefgegangen. Bitte versuche es erneut.',
    },
  },
};
