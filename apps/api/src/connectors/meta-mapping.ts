/**
 * Maps one Meta webhook delivery (Facebook Page feed, Instagram comments and mentions, Messenger,
 * Instagram and WhatsApp messages) into Fanfare engagement events and retractions. Pure: no I/O, no
 * Nest; the signature is checked and the body parsed before this runs.
 *
 * A delivery is never all-or-nothing: every change that cannot be mapped comes back in `skipped`
 * with its place in the body and the reason, and only a body that is not a Meta delivery at all
 * throws. Meta delivers at least once and out of order, so every event id is derived from the
 * delivery deterministically (platform ids where Meta has them, a natural key otherwise): a retry
 * or an edit lands on the same id and earns nothing twice.
 */
import { createHash } from 'node:crypto';

import { type BuiltInEventType, type Channel, MAX_EVENT_ID_LENGTH } from '@fanfare/shared';

export interface MetaScope {
  pageIds: readonly string[];
  instagramIds: readonly string[];
  whatsappIds: readonly string[];
}

export interface FanRefBody {
  externalId: string;
  handle?: string;
  displayName?: string;
}

/** The event types Meta's webhooks map to; a literal union, so that `type === 'retract'` narrows. */
export type MetaEventType = Extract<
  BuiltInEventType,
  'comment' | 'like' | 'share' | 'mention' | 'post' | 'chat'
>;

export interface EngagementEventBody {
  id: string;
  type: MetaEventType;
  channel: Channel;
  occurredAt: string;
  fan?: FanRefBody;
  properties: Record<string, unknown>;
}

export interface RetractionBody {
  id: string;
  type: 'retract';
  retracts: string;
  occurredAt: string;
}

export type FanfareEventBody = EngagementEventBody | RetractionBody;

export interface MappedItem {
  event: FanfareEventBody;
  /** What the fan wrote (comment text, message text), only so that account-linking codes can be found; it is NOT put into the event. null when none. */
  text: string | null;
  /** Where in the delivery, e.g. "entry[0].changes[2]" or "entry[1].messaging[0]" or "entry[0].changes[0].value.messages[1]". */
  path: string;
}

export interface SkippedItem {
  path: string;
  reason: string;
}

/** The body is not a Meta delivery: not an object, an unknown `object`, or no `entry` array. */
export class MetaPayloadError extends Error {
  override readonly name = 'MetaPayloadError';
}

/** Meta batches at most 1000 updates per delivery; anything beyond is refused, not mapped. */
export const MAX_ITEMS_PER_DELIVERY = 1000;

const META_OBJECTS = ['page', 'instagram', 'whatsapp_business_account'] as const;
type MetaObject = (typeof META_OBJECTS)[number];

const ACCOUNT_NOUN: Record<MetaObject, string> = {
  page: 'a Page',
  instagram: 'an Instagram account',
  whatsapp_business_account: 'a WhatsApp Business Account',
};

// Rules test these facts; the caps keep `properties` under the API's 16 KB even when every hashtag
// is as long as allowed and written in 3-byte characters (at most 30 × 300 bytes).
const MAX_HASHTAGS = 30;
const MAX_HASHTAG_LENGTH = 100;
const MAX_MENTIONS = 30;
/** Platform ids are short ASCII; message ids may be long, so they only ever go into a hashed id. */
const MAX_REFERENCE_ID_LENGTH = 200;
const MAX_MESSAGE_ID_LENGTH = 1000;
const PLATFORM_ID = /^[\x21-\x7e]+$/;
const ATTACHMENT_TYPE = /^[a-z][a-z_]{0,39}$/;
const REACTION_TYPE = /^[a-z_]{1,20}$/;
const MEDIA_PRODUCT_TYPE = /^[A-Z_]{1,40}$/;
const MAX_HANDLE_LENGTH = 100;
const MAX_DISPLAY_NAME_LENGTH = 200;

// A hashtag starts after a non-word character (so `C#` or `&#39;` are none) and holds a letter.
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&])#([\p{L}\p{M}\p{N}_]+)/gu;
const HAS_LETTER = /\p{L}/u;
// Instagram handles: ASCII letters, digits, `_` and `.`, at most 30; `a@b.de` is an address, not a mention.
const MENTION = /(?<![\p{L}\p{M}\p{N}_.@])@([A-Za-z0-9_][A-Za-z0-9_.]{0,29})(?![\p{L}\p{M}\p{N}_])/gu;
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

type Json = Record<string, unknown>;
type Verb = 'add' | 'edit' | 'remove';
type Mapped = Omit<MappedItem, 'path'>;

interface EntryContext {
  object: MetaObject;
  entryId: string;
  /** `entry.time` in milliseconds, when usable. */
  entryTimeMs: number | undefined;
  receivedAtMs: number;
}

/** Thrown while mapping one change; the collector turns it into a SkippedItem. */
class Skip extends Error {}

function skip(reason: string): never {
  throw new Skip(reason);
}

class Collector {
  readonly items: MappedItem[] = [];
  readonly skipped: SkippedItem[] = [];

  skip(path: string, reason: string): void {
    this.skipped.push({ path, reason });
  }

  /** Maps one change, message or messaging event; past the cap nothing more is even looked at. */
  map(path: string, produce: () => Mapped): void {
    if (this.items.length >= MAX_ITEMS_PER_DELIVERY) {
      this.skip(path, `the delivery holds more than ${MAX_ITEMS_PER_DELIVERY} items: not mapped`);
      return;
    }
    try {
      this.items.push({ ...produce(), path });
    } catch (error) {
      if (!(error instanceof Skip)) throw error;
      this.skip(path, error.message);
    }
  }
}

export function mapMetaDelivery(
  body: unknown,
  scope: MetaScope,
  receivedAt: Date,
): { object: string; items: MappedItem[]; skipped: SkippedItem[] } {
  const { object, entries } = readEnvelope(body);
  const allowed = new Set(scopeIds(object, scope));
  const collector = new Collector();
  entries.forEach((entry, index) => {
    mapEntry(entry, `entry[${index}]`, object, allowed, receivedAt.getTime(), collector);
  });
  return { object, items: collector.items, skipped: collector.skipped };
}

function readEnvelope(body: unknown): { object: MetaObject; entries: unknown[] } {
  if (!isObject(body)) {
    throw new MetaPayloadError('a Meta delivery must be a JSON object');
  }
  const object = body.object;
  if (!isMetaObject(object)) {
    throw new MetaPayloadError(
      `unknown Meta object ${describe(object)}: expected ${META_OBJECTS.join(', ')}`,
    );
  }
  if (!Array.isArray(body.entry)) {
    throw new MetaPayloadError('a Meta delivery must have an entry array');
  }
  return { object, entries: body.entry };
}

function isMetaObject(value: unknown): value is MetaObject {
  return META_OBJECTS.some((object) => object === value);
}

function scopeIds(object: MetaObject, scope: MetaScope): readonly string[] {
  switch (object) {
    case 'page':
      return scope.pageIds;
    case 'instagram':
      return scope.instagramIds;
    case 'whatsapp_business_account':
      return scope.whatsappIds;
  }
}

function mapEntry(
  entry: unknown,
  path: string,
  object: MetaObject,
  allowed: ReadonlySet<string>,
  receivedAtMs: number,
  collector: Collector,
): void {
  if (!isObject(entry)) return collector.skip(path, 'entry is not an object');
  const entryId = readId(entry.id);
  if (entryId === undefined) return collector.skip(path, 'entry has no id');
  if (!allowed.has(entryId)) {
    return collector.skip(path, `entry ${entryId} is not ${ACCOUNT_NOUN[object]} of this connection`);
  }
  const { changes, messaging } = entry;
  if (changes === undefined && messaging === undefined) {
    return collector.skip(path, 'entry has no changes or messaging (is "Include Values" off?)');
  }
  const context: EntryContext = { object, entryId, entryTimeMs: epochMs(entry.time), receivedAtMs };
  forEachIn(changes, `${path}.changes`, collector, (change, at) => mapChange(change, at, context, collector));
  forEachIn(messaging, `${path}.messaging`, collector, (event, at) =>
    collector.map(at, () => mapMessaging(event, context)),
  );
}

function forEachIn(
  list: unknown,
  path: string,
  collector: Collector,
  visit: (item: unknown, path: string) => void,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) return collector.skip(path, `${lastSegment(path)} is not an array`);
  list.forEach((item, index) => visit(item, `${path}[${index}]`));
}

function mapChange(change: unknown, path: string, context: EntryContext, collector: Collector): void {
  if (!isObject(change)) return collector.skip(path, 'change is not an object');
  const { field, value } = change;
  if (typeof field !== 'string') return collector.skip(path, 'change has no field');
  if (!isObject(value)) return collector.skip(path, 'change has no value (is "Include Values" off?)');
  switch (context.object) {
    case 'page':
      return collector.map(path, () => mapPageChange(field, value, context));
    case 'instagram':
      return collector.map(path, () => mapInstagramChange(field, value, context));
    case 'whatsapp_business_account':
      return mapWhatsAppChange(field, value, path, context, collector);
  }
}

// ---- Facebook Page feed -------------------------------------------------------------------------

function mapPageChange(field: string, value: Json, context: EntryContext): Mapped {
  if (field !== 'feed') skip(`field ${describe(field)} of a Page is not mapped`);
  const item = value.item;
  switch (item) {
    case 'comment':
      return mapFeedComment(value, context);
    case 'reaction':
    case 'like':
      return mapFeedReaction(value, context);
    case 'share':
      return mapFeedShare(value, context);
    case 'status':
    case 'post':
      return mapFeedPost(value, context);
    default:
      return skip(
        typeof item === 'string'
          ? `feed item ${describe(item)} is not an engagement Fanfare rewards`
          : 'feed change has no item',
      );
  }
}

function mapFeedComment(value: Json, context: EntryContext): Mapped {
  const verb = feedVerb(value);
  const commentId = requireId(value.comment_id, 'comment_id');
  const id = eventId('fb', 'comment', commentId);
  const occurredAt = timeOf(value.created_time, context);
  if (verb === 'remove') return retraction(id, occurredAt);
  const text = readText(value.message);
  const postId = readId(value.post_id);
  const parentId = readId(value.parent_id);
  return engagement(
    {
      id,
      type: 'comment',
      channel: 'facebook',
      occurredAt,
      fan: readAuthor(value.from, context),
      properties: {
        pageId: context.entryId,
        verb,
        postId,
        commentId,
        parentId,
        // Top-level comments name the post as their parent; replies name a comment.
        isReply: parentId !== undefined && parentId !== postId,
        ...attachmentFacts(presentKeys(value, ['photo', 'video'])),
        ...textFacts(text),
      },
    },
    text,
  );
}

/** One reaction per fan and target: changing love to haha is the same event, un-reacting retracts it. */
function mapFeedReaction(value: Json, context: EntryContext): Mapped {
  const verb = feedVerb(value);
  const commentId = readId(value.comment_id);
  const postId = readId(value.post_id);
  const target = commentId ?? postId ?? skip('a like of the Page itself (no post_id) is not mapped');
  const occurredAt = timeOf(value.created_time, context);
  if (verb === 'remove') {
    const authorId = isObject(value.from) ? readId(value.from.id) : undefined;
    if (authorId === undefined) skip('a removed reaction without from.id names no reaction to take back');
    return retraction(eventId('fb', 'reaction', target, authorId), occurredAt);
  }
  const fan = readAuthor(value.from, context);
  return engagement(
    {
      id: eventId('fb', 'reaction', target, fan?.externalId ?? anonymousKey(occurredAt)),
      type: 'like',
      channel: 'facebook',
      occurredAt,
      fan,
      properties: {
        pageId: context.entryId,
        verb,
        postId,
        commentId,
        parentId: readId(value.parent_id),
        reactionType: readReactionType(value),
        onComment: commentId !== undefined,
      },
    },
    null,
  );
}

/**
 * Meta's share payload carries no documented share id, and whether `post_id` names the new share or
 * the shared post is unverified: keyed per post and fan, neither reading lets one fan earn twice
 * for the same share nor makes two fans' shares collide.
 */
function mapFeedShare(value: Json, context: EntryContext): Mapped {
  const verb = feedVerb(value);
  const postId = requireId(value.post_id, 'post_id');
  const occurredAt = timeOf(value.created_time, context);
  if (verb === 'remove') {
    const authorId = isObject(value.from) ? readId(value.from.id) : undefined;
    if (authorId === undefined) skip('a removed share without from.id names no share to take back');
    return retraction(eventId('fb', 'share', postId, authorId), occurredAt);
  }
  const fan = readAuthor(value.from, context);
  const text = readText(value.message);
  return engagement(
    {
      id: eventId('fb', 'share', postId, fan?.externalId ?? anonymousKey(occurredAt)),
      type: 'share',
      channel: 'facebook',
      occurredAt,
      fan,
      properties: {
        pageId: context.entryId,
        verb,
        postId,
        shareId: readId(value.share_id),
        ...attachmentFacts(presentKeys(value, ['link', 'photo', 'video'])),
        ...textFacts(text),
      },
    },
    text,
  );
}

/** A visitor post on the Page; the Page's own posts arrive the same way and are skipped by author. */
function mapFeedPost(value: Json, context: EntryContext): Mapped {
  const verb = feedVerb(value);
  const postId = requireId(value.post_id, 'post_id');
  const id = eventId('fb', 'post', postId);
  const occurredAt = timeOf(value.created_time, context);
  if (verb === 'remove') return retraction(id, occurredAt);
  const text = readText(value.message);
  return engagement(
    {
      id,
      type: 'post',
      channel: 'facebook',
      occurredAt,
      fan: readAuthor(value.from, context),
      properties: {
        pageId: context.entryId,
        verb,
        postId,
        ...attachmentFacts(postAttachmentTypes(value)),
        ...textFacts(text),
      },
    },
    text,
  );
}

/** Comments and posts say `edited`, reactions `edit`; both are the same event as the `add`. */
function feedVerb(value: Json): Verb {
  switch (value.verb) {
    case 'add':
      return 'add';
    case 'edit':
    case 'edited':
      return 'edit';
    case 'remove':
      return 'remove';
    default:
      return skip(
        typeof value.verb === 'string'
          ? `feed verb ${describe(value.verb)} neither adds nor takes back an engagement`
          : 'feed change has no verb',
      );
  }
}

function readReactionType(value: Json): string {
  const reactionType = value.reaction_type;
  if (typeof reactionType === 'string' && REACTION_TYPE.test(reactionType.toLowerCase())) {
    return reactionType.toLowerCase();
  }
  // `item: like` predates reactions and names no type; a reaction without one is counted as a like.
  return 'like';
}

function postAttachmentTypes(value: Json): string[] {
  const types = presentKeys(value, ['link', 'video']);
  if (value.photo !== undefined || value.photos !== undefined) types.unshift('photo');
  return types;
}

// ---- Instagram comments and mentions ------------------------------------------------------------

function mapInstagramChange(field: string, value: Json, context: EntryContext): Mapped {
  switch (field) {
    case 'comments':
      return mapInstagramComment(value, context, false);
    case 'live_comments':
      return mapInstagramComment(value, context, true);
    case 'mentions':
      return mapInstagramMention(value, context);
    default:
      return skip(`field ${describe(field)} of an Instagram account is not mapped`);
  }
}

/** Business Login sends the comment as `id`, Facebook Login as `comment_id`. */
function mapInstagramComment(value: Json, context: EntryContext, live: boolean): Mapped {
  const commentId = readId(value.id) ?? readId(value.comment_id) ?? skip('comment has no id or comment_id');
  const media = isObject(value.media) ? value.media : {};
  const parentId = readId(value.parent_id);
  const text = readText(value.text);
  return engagement(
    {
      id: eventId('ig', 'comment', commentId),
      type: 'comment',
      channel: 'instagram',
      occurredAt: timeOf(value.created_time ?? value.timestamp, context),
      fan: readAuthor(value.from, context),
      properties: {
        accountId: context.entryId,
        commentId,
        parentId,
        isReply: parentId !== undefined,
        mediaId: readId(media.id) ?? readId(value.media_id),
        mediaProductType: matching(media.media_product_type, MEDIA_PRODUCT_TYPE),
        live,
        ...textFacts(text),
      },
    },
    text,
  );
}

/** Meta names no author for a mention (it must be fetched), so the event is stored unattributed. */
function mapInstagramMention(value: Json, context: EntryContext): Mapped {
  const commentId = readId(value.comment_id);
  const mediaId = readId(value.media_id);
  const id =
    commentId !== undefined
      ? eventId('ig', 'mention', 'comment', commentId)
      : mediaId !== undefined
        ? eventId('ig', 'mention', 'media', mediaId)
        : skip('mention has neither comment_id nor media_id');
  return engagement(
    {
      id,
      type: 'mention',
      channel: 'instagram',
      occurredAt: timeOf(undefined, context),
      properties: { accountId: context.entryId, mediaId, commentId, inComment: commentId !== undefined },
    },
    null,
  );
}

// ---- Messenger and Instagram messaging ----------------------------------------------------------

const MESSAGING_KINDS = [
  'reaction',
  'message_edit',
  'read',
  'delivery',
  'postback',
  'optin',
  'referral',
  'account_linking',
  'policy_enforcement',
  'pass_thread_control',
  'take_thread_control',
  'request_thread_control',
  'app_roles',
] as const;

function mapMessaging(event: unknown, context: EntryContext): Mapped {
  if (context.object === 'whatsapp_business_account') {
    skip('WhatsApp sends messages as changes, not messaging');
  }
  if (!isObject(event)) skip('messaging event is not an object');
  const message = event.message;
  if (message === undefined) skip(withoutMessageReason(event));
  if (!isObject(message)) skip('message is not an object');
  if (message.is_echo === true) skip('echo of a message the Page or account sent (is_echo)');
  if (message.is_deleted === true) skip('the message was deleted (is_deleted)');
  if (message.is_unsupported === true) skip('a message Meta cannot show (is_unsupported)');
  const senderId = isObject(event.sender) ? readId(event.sender.id) : undefined;
  if (senderId === undefined) skip('message has no sender.id');
  if (senderId === context.entryId) skip('sent by the Page or account itself');
  const mid = readId(message.mid, MAX_MESSAGE_ID_LENGTH) ?? skip('message has no mid');
  return messagingChat(event, message, senderId, mid, context);
}

function withoutMessageReason(event: Json): string {
  const kind = MESSAGING_KINDS.find((name) => event[name] !== undefined);
  if (kind === undefined) return 'messaging event has no message';
  if (kind === 'reaction') return 'message reactions are not mapped';
  return `messaging event ${describe(kind)} is not an engagement Fanfare rewards`;
}

/** A message to the Page (Messenger) or the Instagram account; `sender.id` is the PSID or IGSID. */
function messagingChat(
  event: Json,
  message: Json,
  senderId: string,
  mid: string,
  context: EntryContext,
): Mapped {
  const text = readText(message.text);
  const facts = messageFacts(message);
  const instagram = context.object === 'instagram';
  return engagement(
    {
      id: eventId('mid', mid),
      type: 'chat',
      channel: instagram ? 'instagram' : 'facebook',
      occurredAt: timeOf(event.timestamp, context),
      fan: { externalId: senderId },
      properties: {
        ...(instagram
          ? { accountId: context.entryId, storyMention: facts.attachmentTypes.includes('story_mention') }
          : { pageId: context.entryId }),
        ...facts,
        ...textFacts(text),
      },
    },
    text,
  );
}

function messageFacts(message: Json): {
  isReply: boolean;
  hasAttachments: boolean;
  attachmentTypes: string[];
} {
  const attachments = Array.isArray(message.attachments) ? message.attachments : [];
  const types = attachments.map((attachment) => (isObject(attachment) ? attachment.type : undefined));
  return { isReply: message.reply_to !== undefined, ...attachmentFacts(types) };
}

// ---- WhatsApp Cloud API -------------------------------------------------------------------------

const WHATSAPP_MEDIA_TYPES: ReadonlySet<string> = new Set(['image', 'video', 'audio', 'document', 'sticker']);
const WHATSAPP_SKIPPED_TYPES: ReadonlySet<string> = new Set(['reaction', 'system', 'unsupported', 'unknown']);

function mapWhatsAppChange(
  field: string,
  value: Json,
  path: string,
  context: EntryContext,
  collector: Collector,
): void {
  if (field !== 'messages') {
    return collector.skip(path, `field ${describe(field)} of a WhatsApp Business Account is not mapped`);
  }
  const { messages, statuses } = value;
  const hasStatuses = Array.isArray(statuses) && statuses.length > 0;
  if (hasStatuses) {
    collector.skip(`${path}.value.statuses`, 'WhatsApp delivery statuses are not engagements');
  }
  if (messages === undefined) {
    if (!hasStatuses) collector.skip(path, 'change has neither messages nor statuses');
    return;
  }
  const names = contactNames(value.contacts);
  forEachIn(messages, `${path}.value.messages`, collector, (message, at) =>
    collector.map(at, () => mapWhatsAppMessage(message, value, names, context)),
  );
}

function mapWhatsAppMessage(
  message: unknown,
  value: Json,
  names: ReadonlyMap<string, string>,
  context: EntryContext,
): Mapped {
  if (!isObject(message)) skip('message is not an object');
  const type = typeof message.type === 'string' ? message.type : 'unknown';
  if (WHATSAPP_SKIPPED_TYPES.has(type)) skip(`WhatsApp message type ${describe(type)} is not mapped`);
  const waId = readId(message.from) ?? skip('message has no from (wa_id)');
  const wamid = readId(message.id, MAX_MESSAGE_ID_LENGTH) ?? skip('message has no id');
  const text = isObject(message.text) ? readText(message.text.body) : null;
  const displayName = names.get(waId);
  const metadata = isObject(value.metadata) ? value.metadata : {};
  return engagement(
    {
      id: eventId('wamid', wamid),
      type: 'chat',
      channel: 'whatsapp',
      occurredAt: timeOf(message.timestamp, context),
      fan: displayName === undefined ? { externalId: waId } : { externalId: waId, displayName },
      properties: {
        accountId: context.entryId,
        phoneNumberId: readId(metadata.phone_number_id),
        messageType: matching(type, ATTACHMENT_TYPE),
        isReply: message.context !== undefined,
        ...attachmentFacts(WHATSAPP_MEDIA_TYPES.has(type) ? [type] : []),
        ...textFacts(text),
      },
    },
    text,
  );
}

/** wa_id → profile name, from the contacts Meta sends beside the messages. */
function contactNames(contacts: unknown): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(contacts)) return names;
  for (const contact of contacts) {
    if (!isObject(contact) || !isObject(contact.profile)) continue;
    const waId = readId(contact.wa_id);
    const name = boundedText(contact.profile.name, MAX_DISPLAY_NAME_LENGTH);
    if (waId !== undefined && name !== undefined) names.set(waId, name);
  }
  return names;
}

// ---- Event building -----------------------------------------------------------------------------

function engagement(event: EngagementEventBody, text: string | null): Mapped {
  const { fan, properties, ...rest } = event;
  const body: EngagementEventBody = { ...rest, properties: withoutUndefined(properties) };
  if (fan !== undefined) body.fan = fan;
  return { event: body, text };
}

function retraction(retracts: string, occurredAt: string): Mapped {
  return {
    event: { id: boundedId(`${retracts}:remove`), type: 'retract', retracts, occurredAt },
    text: null,
  };
}

/** `meta:<parts…>`, or a SHA-256 of it when platform ids make it longer than an event id may be. */
function eventId(...parts: string[]): string {
  return boundedId(['meta', ...parts].join(':'));
}

function boundedId(id: string): string {
  if (id.length <= MAX_EVENT_ID_LENGTH) return id;
  return `meta:sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/** Stands in for the author in the key of a reaction or share Meta sent without `from`. */
function anonymousKey(occurredAt: string): string {
  return `anonymous@${Date.parse(occurredAt)}`;
}

/**
 * The author as a fan. Without `from` the event is stored unattributed (Meta withholds the author,
 * e.g. without a Page token); the Page's or account's own activity never earns.
 */
function readAuthor(from: unknown, context: EntryContext): FanRefBody | undefined {
  if (from === undefined || from === null) return undefined;
  if (!isObject(from)) skip('from is not an object');
  const externalId = readId(from.id) ?? skip('from has no id');
  if (externalId === context.entryId) skip('written by the Page or account itself');
  const fan: FanRefBody = { externalId };
  const handle = boundedText(from.username, MAX_HANDLE_LENGTH);
  const displayName = boundedText(from.name, MAX_DISPLAY_NAME_LENGTH);
  if (handle !== undefined) fan.handle = handle;
  if (displayName !== undefined) fan.displayName = displayName;
  return fan;
}

/** What rules may test about a text, without the text itself. */
function textFacts(text: string | null): { textLength: number; hashtags: string[]; mentions: string[] } {
  const normalised = (text ?? '').normalize('NFC');
  return {
    textLength: [...GRAPHEMES.segment(normalised)].length,
    hashtags: uniqueMatches(normalised, HASHTAG, MAX_HASHTAGS, (tag) =>
      HAS_LETTER.test(tag) && tag.length <= MAX_HASHTAG_LENGTH ? tag.toLowerCase() : undefined,
    ),
    mentions: uniqueMatches(normalised, MENTION, MAX_MENTIONS, (handle) =>
      handle.replace(/\.+$/, '').toLowerCase(),
    ),
  };
}

function uniqueMatches(
  text: string,
  pattern: RegExp,
  max: number,
  normalise: (match: string) => string | undefined,
): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    const value = normalise(match[1] ?? '');
    if (value !== undefined && value !== '') found.add(value);
    if (found.size >= max) break;
  }
  return [...found];
}

function attachmentFacts(types: readonly unknown[]): { hasAttachments: boolean; attachmentTypes: string[] } {
  const known = types.filter(
    (type): type is string => typeof type === 'string' && ATTACHMENT_TYPE.test(type),
  );
  return { hasAttachments: types.length > 0, attachmentTypes: [...new Set(known)] };
}

function presentKeys(value: Json, keys: readonly string[]): string[] {
  return keys.filter((key) => value[key] !== undefined && value[key] !== null);
}

// ---- Reading odd JSON safely --------------------------------------------------------------------

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Meta id: printable ASCII without spaces. Numbers are refused: Meta ids overflow JSON numbers. */
function readId(value: unknown, max = MAX_REFERENCE_ID_LENGTH): string | undefined {
  return typeof value === 'string' && value.length <= max && PLATFORM_ID.test(value) ? value : undefined;
}

function requireId(value: unknown, field: string): string {
  return readId(value) ?? skip(`${field} is missing or not a Meta id`);
}

function readText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function boundedText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed !== '' && trimmed.length <= max && !trimmed.includes('\u0000') ? trimmed : undefined;
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

/** Unix time in seconds or milliseconds (a number or numeric string); values above 1e12 are ms. */
function epochMs(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number) || number <= 0) return undefined;
  return number > 1e12 ? number : number * 1000;
}

/**
 * When it happened: the change's own time, else when Meta sent it, else when it arrived; never
 * after it arrived, since the engine refuses events from the future.
 */
function timeOf(value: unknown, context: EntryContext): string {
  const ms = epochMs(value) ?? context.entryTimeMs ?? context.receivedAtMs;
  return new Date(Math.min(ms, context.receivedAtMs)).toISOString();
}

function withoutUndefined(properties: Json): Json {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** A value quoted for a reason, cut short so that odd payloads cannot bloat the skipped list. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `'${text.length > 60 ? `${text.slice(0, 60)}…` : text}'`;
}
