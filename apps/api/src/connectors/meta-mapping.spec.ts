import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MAX_EVENT_ID_LENGTH, MAX_PROPERTIES_BYTES, propertiesByteLength } from '@fanfare/shared';

import {
  type EngagementEventBody,
  type FanfareEventBody,
  type MappedItem,
  MAX_ITEMS_PER_DELIVERY,
  mapMetaDelivery,
  MetaPayloadError,
  type MetaScope,
} from './meta-mapping';

const PAGE = '107000000000001';
const POST = '107000000000001_880000000000001';
const COMMENT = '880000000000001_990000000000001';
const IG = '17841400000000001';
const WABA = '102000000000001';
const scope: MetaScope = { pageIds: [PAGE], instagramIds: [IG], whatsappIds: [WABA] };
const receivedAt = new Date('2026-11-27T12:00:00.000Z');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', 'meta', name), 'utf8'));
}

function map(body: unknown, mapScope: MetaScope = scope): ReturnType<typeof mapMetaDelivery> {
  return mapMetaDelivery(body, mapScope, receivedAt);
}

/** The one event a delivery maps to, after checking that nothing was skipped. */
function only(body: unknown): MappedItem {
  const result = map(body);
  expect(result.skipped).toEqual([]);
  expect(result.items).toHaveLength(1);
  const [item] = result.items;
  if (item === undefined) throw new Error('no item');
  return item;
}

function engagement(event: FanfareEventBody): EngagementEventBody {
  if ('retracts' in event) throw new Error(`${event.id} is a retraction`);
  return event;
}

function at(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

function atMs(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

function pageDelivery(...changes: unknown[]): unknown {
  return { object: 'page', entry: [{ id: PAGE, time: 1795780700, changes }] };
}

function feed(value: Record<string, unknown>): unknown {
  return { field: 'feed', value };
}

const fbComment = {
  item: 'comment',
  verb: 'add',
  from: { id: '6900000000000001', name: 'Anna Becker' },
  post_id: POST,
  comment_id: COMMENT,
  parent_id: POST,
  created_time: 1795780690,
  message: 'Hallo',
};

describe('mapMetaDelivery', () => {
  describe('Facebook Page feed', () => {
    it('maps a comment to facebook/comment with its author and facts, keeping the text out of the event', () => {
      const item = only(fixture('fb-feed-comment-add.json'));
      expect(item).toEqual({
        path: 'entry[0].changes[0]',
        text: 'Sieht lecker aus! #Adventskalender',
        event: {
          id: `meta:fb:comment:${COMMENT}`,
          type: 'comment',
          channel: 'facebook',
          occurredAt: '2026-11-27T11:58:10.000Z',
          fan: { externalId: '6900000000000001', displayName: 'Anna Becker' },
          properties: {
            pageId: PAGE,
            verb: 'add',
            postId: POST,
            commentId: COMMENT,
            parentId: POST,
            isReply: false,
            hasAttachments: false,
            attachmentTypes: [],
            textLength: 34,
            hashtags: ['adventskalender'],
            mentions: [],
          },
        },
      });
      expect(JSON.stringify(item.event)).not.toContain('lecker');
    });

    it('maps an edited comment to the id of its add, so that an edit never earns twice', () => {
      const added = only(fixture('fb-feed-comment-add.json'));
      const edited = only(fixture('fb-feed-comment-edited.json'));
      expect(edited.event.id).toBe(added.event.id);
      expect(edited.text).toBe('Sieht richtig lecker aus! #Adventskalender #Gewinnspiel');
      expect(engagement(edited.event).properties).toMatchObject({
        verb: 'edit',
        hashtags: ['adventskalender', 'gewinnspiel'],
        textLength: 55,
      });
    });

    it('maps a removed comment to a retraction of its add', () => {
      expect(only(fixture('fb-feed-comment-remove.json'))).toEqual({
        path: 'entry[0].changes[0]',
        text: null,
        event: {
          id: `meta:fb:comment:${COMMENT}:remove`,
          type: 'retract',
          retracts: `meta:fb:comment:${COMMENT}`,
          occurredAt: at(1795780785),
        },
      });
    });

    it('keys a reaction by post and fan: a changed reaction is the same event, a removed one retracts it', () => {
      const id = `meta:fb:reaction:${POST}:6900000000000002`;
      expect(only(fixture('fb-feed-reaction-add.json')).event).toEqual({
        id,
        type: 'like',
        channel: 'facebook',
        occurredAt: at(1795780595),
        fan: { externalId: '6900000000000002', displayName: 'Jonas Weber' },
        properties: {
          pageId: PAGE,
          verb: 'add',
          postId: POST,
          parentId: POST,
          reactionType: 'love',
          onComment: false,
        },
      });
      const edited = only(fixture('fb-feed-reaction-edit.json'));
      expect(edited.event.id).toBe(id);
      expect(engagement(edited.event).properties).toMatchObject({ verb: 'edit', reactionType: 'haha' });
      expect(only(fixture('fb-feed-reaction-remove.json')).event).toEqual({
        id: `${id}:remove`,
        type: 'retract',
        retracts: id,
        occurredAt: at(1795780675),
      });
    });

    it('targets a reaction on a comment at the comment', () => {
      expect(only(fixture('fb-feed-reaction-on-comment.json')).event).toEqual({
        id: `meta:fb:reaction:${COMMENT}:6900000000000003`,
        type: 'like',
        channel: 'facebook',
        occurredAt: at(1795780715),
        fan: { externalId: '6900000000000003', displayName: 'Mia Schulz' },
        properties: {
          pageId: PAGE,
          verb: 'add',
          postId: POST,
          commentId: COMMENT,
          parentId: POST,
          reactionType: 'like',
          onComment: true,
        },
      });
    });

    it('maps a share to facebook/share keyed by post and fan', () => {
      expect(only(fixture('fb-feed-share.json'))).toEqual({
        path: 'entry[0].changes[0]',
        text: 'Schaut mal, der Adventskalender ist da #Adventskalender',
        event: {
          id: 'meta:fb:share:6900000000000004_770000000000001:6900000000000004',
          type: 'share',
          channel: 'facebook',
          occurredAt: at(1795780495),
          fan: { externalId: '6900000000000004', displayName: 'Lena Hoffmann' },
          properties: {
            pageId: PAGE,
            verb: 'add',
            postId: '6900000000000004_770000000000001',
            hasAttachments: true,
            attachmentTypes: ['link'],
            textLength: 55,
            hashtags: ['adventskalender'],
            mentions: [],
          },
        },
      });
    });

    it('maps a visitor post (status) to facebook/post', () => {
      expect(only(fixture('fb-feed-visitor-post.json'))).toEqual({
        path: 'entry[0].changes[0]',
        text: 'Danke für die schnelle Lieferung! #Lieblingsbäcker',
        event: {
          id: `meta:fb:post:${PAGE}_660000000000001`,
          type: 'post',
          channel: 'facebook',
          occurredAt: at(1795780390),
          fan: { externalId: '6900000000000005', displayName: 'Paul Fischer' },
          properties: {
            pageId: PAGE,
            verb: 'add',
            postId: `${PAGE}_660000000000001`,
            hasAttachments: true,
            attachmentTypes: ['photo'],
            textLength: 50,
            hashtags: ['lieblingsbäcker'],
            mentions: [],
          },
        },
      });
    });

    it('stores a change without `from` unattributed instead of skipping it', () => {
      const { event, text } = only(fixture('fb-feed-comment-without-from.json'));
      expect(event).toEqual({
        id: 'meta:fb:comment:880000000000001_990000000000002',
        type: 'comment',
        channel: 'facebook',
        occurredAt: at(1795780290),
        properties: expect.objectContaining({ commentId: '880000000000001_990000000000002' }),
      });
      expect(event).not.toHaveProperty('fan');
      expect(text).toBe('Wann gibt es wieder Stollen?');
    });

    it('keys reactions without `from` by time and cannot retract them', () => {
      const anonymous = { item: 'reaction', verb: 'add', post_id: POST, created_time: 1795780600 };
      const result = map(pageDelivery(feed(anonymous), feed({ ...anonymous, verb: 'remove' })));
      expect(result.items.map((item) => item.event.id)).toEqual([
        `meta:fb:reaction:${POST}:anonymous@1795780600000`,
      ]);
      expect(result.items[0]?.event).not.toHaveProperty('fan');
      expect(result.skipped).toEqual([
        {
          path: 'entry[0].changes[1]',
          reason: 'a removed reaction without from.id names no reaction to take back',
        },
      ]);
    });

    it('skips items, verbs and authors that earn nothing, each with its reason', () => {
      const result = map(fixture('fb-feed-not-rewarded.json'));
      expect(result.items).toEqual([]);
      expect(result.skipped).toEqual([
        { path: 'entry[0].changes[0]', reason: "feed item 'photo' is not an engagement Fanfare rewards" },
        {
          path: 'entry[0].changes[1]',
          reason: "feed verb 'hide' neither adds nor takes back an engagement",
        },
        { path: 'entry[0].changes[2]', reason: 'written by the Page or account itself' },
        { path: 'entry[0].changes[3]', reason: 'a like of the Page itself (no post_id) is not mapped' },
        { path: 'entry[0].changes[4]', reason: "field 'ratings' of a Page is not mapped" },
      ]);
    });

    it('retracts a removed comment even when the remover is the Page', () => {
      const removed = { ...fbComment, verb: 'remove', from: { id: PAGE, name: 'Bäckerei Schmidt' } };
      expect(only(pageDelivery(feed(removed))).event).toMatchObject({
        type: 'retract',
        retracts: `meta:fb:comment:${COMMENT}`,
      });
    });
  });

  describe('Instagram comments and mentions', () => {
    it('maps a comment in the Business Login shape (value.id)', () => {
      expect(only(fixture('ig-comment-business-login.json'))).toEqual({
        path: 'entry[0].changes[0]',
        text: 'Mein Lieblingsplätzchen! #Adventskalender @baeckerei.schmidt',
        event: {
          id: 'meta:ig:comment:18000000000000001',
          type: 'comment',
          channel: 'instagram',
          // Instagram comments carry no time of their own: entry.time.
          occurredAt: at(1795780100),
          fan: { externalId: '6200000000000001', handle: 'anna.backt' },
          properties: {
            accountId: IG,
            commentId: '18000000000000001',
            isReply: false,
            mediaId: '17900000000000001',
            mediaProductType: 'FEED',
            live: false,
            textLength: 60,
            hashtags: ['adventskalender'],
            mentions: ['baeckerei.schmidt'],
          },
        },
      });
    });

    it('maps a reply in the Facebook Login shape (value.comment_id)', () => {
      expect(only(fixture('ig-comment-facebook-login.json')).event).toEqual({
        id: 'meta:ig:comment:18000000000000002',
        type: 'comment',
        channel: 'instagram',
        occurredAt: at(1795780110),
        fan: { externalId: '6200000000000002', handle: 'jonas_w' },
        properties: {
          accountId: IG,
          commentId: '18000000000000002',
          parentId: '18000000000000001',
          isReply: true,
          mediaId: '17900000000000002',
          mediaProductType: 'REELS',
          live: false,
          textLength: 19,
          hashtags: [],
          mentions: ['anna.backt'],
        },
      });
    });

    it('maps live comments with live: true', () => {
      const body = {
        object: 'instagram',
        entry: [
          {
            id: IG,
            time: 1795780140,
            changes: [
              {
                field: 'live_comments',
                value: {
                  from: { id: '6200000000000005', username: 'live.fan' },
                  media: { id: '17900000000000004', media_product_type: 'LIVE' },
                  id: '18000000000000004',
                  text: 'Hallo aus Köln!',
                },
              },
            ],
          },
        ],
      };
      expect(engagement(only(body).event).properties).toMatchObject({
        live: true,
        mediaProductType: 'LIVE',
      });
    });

    it('maps mentions to unattributed instagram/mention events keyed by comment or media', () => {
      const result = map(fixture('ig-mentions.json'));
      expect(result.skipped).toEqual([]);
      expect(result.items).toEqual([
        {
          path: 'entry[0].changes[0]',
          text: null,
          event: {
            id: 'meta:ig:mention:comment:18000000000000009',
            type: 'mention',
            channel: 'instagram',
            occurredAt: at(1795780120),
            properties: {
              accountId: IG,
              mediaId: '17900000000000009',
              commentId: '18000000000000009',
              inComment: true,
            },
          },
        },
        {
          path: 'entry[0].changes[1]',
          text: null,
          event: {
            id: 'meta:ig:mention:media:17900000000000010',
            type: 'mention',
            channel: 'instagram',
            occurredAt: at(1795780120),
            properties: { accountId: IG, mediaId: '17900000000000010', inComment: false },
          },
        },
      ]);
    });

    it('reads hashtags, mentions and length of non-ASCII text (umlauts, decomposed letters, emoji)', () => {
      const { event, text } = only(fixture('ig-comment-non-ascii.json'));
      expect(text).toBe(
        'Bester Kuchen im Café! #Kuchenliebe #süß #KUCHENLIEBE #su\u0308ß 😍🎂 @Baeckerei.Schmidt.',
      );
      expect(engagement(event).properties).toMatchObject({
        // 84 UTF-16 units: ü written as u + combining diaeresis and two emoji count once each.
        textLength: 81,
        hashtags: ['kuchenliebe', 'süß'],
        mentions: ['baeckerei.schmidt'],
      });
    });
  });

  describe('Messenger and Instagram messaging', () => {
    it('maps Instagram DMs to instagram/chat and skips echoes, reads and reactions', () => {
      const result = map(fixture('ig-messaging.json'));
      const mid =
        'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAxOjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1OTQ5OTc4NTQ5OTA2MTI0NjozMTYyNTk0NDM4NDEyNzQ0MjMyNTI4NDc0NTg5NTk5NTk2MAZDZD';
      expect(result.items).toEqual([
        {
          path: 'entry[0].messaging[0]',
          text: 'Hallo! Mein Code ist FAN-7Q2K',
          event: {
            id: `meta:mid:${mid}`,
            type: 'chat',
            channel: 'instagram',
            occurredAt: atMs(1795780199000),
            fan: { externalId: '6200000000000001' },
            properties: {
              accountId: IG,
              storyMention: false,
              isReply: false,
              hasAttachments: false,
              attachmentTypes: [],
              textLength: 29,
              hashtags: [],
              mentions: [],
            },
          },
        },
        {
          path: 'entry[0].messaging[1]',
          text: null,
          event: expect.objectContaining({
            type: 'chat',
            channel: 'instagram',
            occurredAt: atMs(1795780199500),
            fan: { externalId: '6200000000000004' },
            properties: expect.objectContaining({
              storyMention: true,
              hasAttachments: true,
              attachmentTypes: ['story_mention'],
              textLength: 0,
            }),
          }),
        },
      ]);
      expect(result.skipped).toEqual([
        { path: 'entry[0].messaging[2]', reason: 'echo of a message the Page or account sent (is_echo)' },
        {
          path: 'entry[0].messaging[3]',
          reason: "messaging event 'read' is not an engagement Fanfare rewards",
        },
        { path: 'entry[0].messaging[4]', reason: 'message reactions are not mapped' },
      ]);
    });

    it('maps a Messenger message to facebook/chat with the PSID as fan', () => {
      const result = map(fixture('messenger-message.json'));
      const mid =
        'm_Xk3N9cT2bQ7vR1yZ8wL4hJ6pD0sF5gA2eU9iO3nM7kV1tC8xB4qW6rY0zH2jL5fN9dS3aG7uE1oI4pK8mT6vR2cX0bQ';
      expect(result.items).toEqual([
        {
          path: 'entry[0].messaging[0]',
          text: 'Hi! Code FAN-7Q2K #Adventskalender',
          event: {
            id: `meta:mid:${mid}`,
            type: 'chat',
            channel: 'facebook',
            occurredAt: atMs(1795780300123),
            fan: { externalId: '6900000000000001' },
            properties: {
              pageId: PAGE,
              isReply: false,
              hasAttachments: true,
              attachmentTypes: ['image'],
              textLength: 34,
              hashtags: ['adventskalender'],
              mentions: [],
            },
          },
        },
      ]);
      expect(result.skipped).toEqual([
        {
          path: 'entry[0].messaging[1]',
          reason: "messaging event 'delivery' is not an engagement Fanfare rewards",
        },
        { path: 'entry[0].messaging[2]', reason: 'echo of a message the Page or account sent (is_echo)' },
      ]);
    });

    it("skips the Page's own, deleted and id-less messages", () => {
      const message = (sender: string, body: Record<string, unknown>): unknown => ({
        sender: { id: sender },
        recipient: { id: PAGE },
        timestamp: 1795780300000,
        message: body,
      });
      const body = {
        object: 'page',
        entry: [
          {
            id: PAGE,
            time: 1795780300456,
            messaging: [
              message(PAGE, { mid: 'm_1', text: 'from the Page without is_echo' }),
              message('6900000000000001', { mid: 'm_2', is_deleted: true }),
              message('6900000000000001', { text: 'no mid' }),
              { recipient: { id: PAGE }, timestamp: 1795780300000, message: { mid: 'm_3', text: 'x' } },
            ],
          },
        ],
      };
      expect(map(body)).toEqual({
        object: 'page',
        items: [],
        skipped: [
          { path: 'entry[0].messaging[0]', reason: 'sent by the Page or account itself' },
          { path: 'entry[0].messaging[1]', reason: 'the message was deleted (is_deleted)' },
          { path: 'entry[0].messaging[2]', reason: 'message has no mid' },
          { path: 'entry[0].messaging[3]', reason: 'message has no sender.id' },
        ],
      });
    });

    it('hashes ids that would be longer than an event id may be, the same way every time', () => {
      const mid = `m_${'A'.repeat(400)}`;
      const body = {
        object: 'page',
        entry: [
          {
            id: PAGE,
            time: 1795780300456,
            messaging: [
              {
                sender: { id: '6900000000000001' },
                recipient: { id: PAGE },
                timestamp: 1795780300000,
                message: { mid },
              },
            ],
          },
        ],
      };
      const first = only(body).event.id;
      expect(first).toMatch(/^meta:sha256:[0-9a-f]{64}$/);
      expect(first.length).toBeLessThanOrEqual(MAX_EVENT_ID_LENGTH);
      expect(only(body).event.id).toBe(first);
    });
  });

  describe('WhatsApp Cloud API', () => {
    it('maps messages to whatsapp/chat with the profile name of the matching contact', () => {
      const result = map(fixture('whatsapp-message.json'));
      expect(result.items).toEqual([
        {
          path: 'entry[0].changes[0].value.messages[0]',
          text: 'JOIN FAN-7Q2K 🎉',
          event: {
            id: 'meta:wamid:wamid.HBgNNDkxNTExMjM0NTY3OBUCABIYFjNFQjBDMEE5RjE2QjQ4RkQ0QjJGAA==',
            type: 'chat',
            channel: 'whatsapp',
            occurredAt: at(1795780400),
            fan: { externalId: '4915112345678', displayName: 'Jürgen Krause' },
            properties: {
              accountId: WABA,
              phoneNumberId: '106000000000001',
              messageType: 'text',
              isReply: false,
              hasAttachments: false,
              attachmentTypes: [],
              textLength: 15,
              hashtags: [],
              mentions: [],
            },
          },
        },
        {
          path: 'entry[0].changes[0].value.messages[1]',
          text: null,
          event: {
            id: 'meta:wamid:wamid.HBgNNDkxNzY4NzY1NDMyMRUCABIYFjNFQjBDMEE5RjE2QjQ4RkQ0QjJHAA==',
            type: 'chat',
            channel: 'whatsapp',
            occurredAt: at(1795780410),
            fan: { externalId: '4917687654321', displayName: 'Sofia Lange' },
            properties: {
              accountId: WABA,
              phoneNumberId: '106000000000001',
              messageType: 'image',
              isReply: true,
              hasAttachments: true,
              attachmentTypes: ['image'],
              textLength: 0,
              hashtags: [],
              mentions: [],
            },
          },
        },
      ]);
      expect(result.skipped).toEqual([
        {
          path: 'entry[0].changes[0].value.messages[2]',
          reason: "WhatsApp message type 'reaction' is not mapped",
        },
      ]);
    });

    it('skips a change that only holds delivery statuses', () => {
      expect(map(fixture('whatsapp-statuses.json'))).toEqual({
        object: 'whatsapp_business_account',
        items: [],
        skipped: [
          {
            path: 'entry[0].changes[0].value.statuses',
            reason: 'WhatsApp delivery statuses are not engagements',
          },
        ],
      });
    });
  });

  describe('scope and size of a delivery', () => {
    it(`maps at most ${MAX_ITEMS_PER_DELIVERY} items and names every one left out`, () => {
      const body = {
        object: 'page',
        entry: [0, 1, 2].map((entryIndex) => ({
          id: PAGE,
          time: 1795780700,
          changes: Array.from({ length: 400 }, (_, changeIndex) =>
            feed({
              ...fbComment,
              comment_id: `880000000000001_${entryIndex}${String(changeIndex).padStart(4, '0')}`,
            }),
          ),
        })),
      };
      const result = map(body);
      expect(result.items).toHaveLength(1000);
      expect(result.items[999]?.path).toBe('entry[2].changes[199]');
      expect(result.items[999]?.event.id).toBe('meta:fb:comment:880000000000001_20199');
      expect(result.skipped).toHaveLength(200);
      expect(result.skipped[0]).toEqual({
        path: 'entry[2].changes[200]',
        reason: 'the delivery holds more than 1000 items: not mapped',
      });
      expect(new Set(result.skipped.map((skipped) => skipped.reason)).size).toBe(1);
    });

    it('skips entries of Pages and accounts outside the connection, by id', () => {
      const comment = feed(fbComment);
      const body = {
        object: 'page',
        entry: [
          { id: '999', time: 1795780700, changes: [comment] },
          { id: PAGE, time: 1795780700, changes: [comment] },
          // An Instagram account id is no Page id, even in the same connection.
          { id: IG, time: 1795780700, changes: [comment] },
        ],
      };
      const result = map(body);
      expect(result.items.map((item) => item.path)).toEqual(['entry[1].changes[0]']);
      expect(result.skipped).toEqual([
        { path: 'entry[0]', reason: 'entry 999 is not a Page of this connection' },
        { path: 'entry[2]', reason: `entry ${IG} is not a Page of this connection` },
      ]);
      expect(map(fixture('whatsapp-message.json'), { ...scope, whatsappIds: [] }).skipped).toEqual([
        { path: 'entry[0]', reason: `entry ${WABA} is not a WhatsApp Business Account of this connection` },
      ]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a string', 'not json'],
      ['null', null],
      ['an array', [{ object: 'page', entry: [] }]],
      ['no object', { entry: [] }],
      ['an unknown object', { object: 'user', entry: [] }],
      ['no entry', { object: 'page' }],
      ['an entry that is not an array', { object: 'page', entry: { id: PAGE } }],
    ])('throws MetaPayloadError for %s', (_name, body) => {
      expect(() => map(body)).toThrow(MetaPayloadError);
    });

    it('returns nothing for an empty entry list', () => {
      expect(map({ object: 'instagram', entry: [] })).toEqual({
        object: 'instagram',
        items: [],
        skipped: [],
      });
    });

    it('skips entries of odd shape instead of throwing', () => {
      const body = {
        object: 'page',
        entry: [
          'entry',
          { time: 1795780700, changes: [] },
          { id: 107000000000001, changes: [] },
          { id: PAGE, time: 1795780700 },
          { id: PAGE, changes: { field: 'feed' } },
          { id: PAGE, changed_fields: ['feed'] },
        ],
      };
      expect(map(body).skipped).toEqual([
        { path: 'entry[0]', reason: 'entry is not an object' },
        { path: 'entry[1]', reason: 'entry has no id' },
        { path: 'entry[2]', reason: 'entry has no id' },
        { path: 'entry[3]', reason: 'entry has no changes or messaging (is "Include Values" off?)' },
        { path: 'entry[4].changes', reason: 'changes is not an array' },
        { path: 'entry[5]', reason: 'entry has no changes or messaging (is "Include Values" off?)' },
      ]);
    });

    it('skips changes with fields of the wrong type instead of throwing', () => {
      const body = pageDelivery(
        42,
        { field: 'feed' },
        { field: 'feed', value: 'comment' },
        { value: fbComment },
        feed({ ...fbComment, comment_id: 880000000000001 }),
        feed({ ...fbComment, from: 'Anna Becker' }),
        feed({ ...fbComment, from: { id: 6900000000000001, name: 'Anna Becker' } }),
        feed({ ...fbComment, verb: 3 }),
        feed({ ...fbComment, item: ['comment'] }),
        feed({ ...fbComment, item: 'status', post_id: { id: POST } }),
        feed({ ...fbComment, comment_id: 'x'.repeat(201) }),
        feed({ ...fbComment, comment_id: 'with space' }),
        // Odd optional fields are left out, not fatal.
        feed({ ...fbComment, message: 42, parent_id: null, created_time: 'yesterday' }),
      );
      const result = map(body);
      expect(result.skipped).toEqual([
        { path: 'entry[0].changes[0]', reason: 'change is not an object' },
        { path: 'entry[0].changes[1]', reason: 'change has no value (is "Include Values" off?)' },
        { path: 'entry[0].changes[2]', reason: 'change has no value (is "Include Values" off?)' },
        { path: 'entry[0].changes[3]', reason: 'change has no field' },
        { path: 'entry[0].changes[4]', reason: 'comment_id is missing or not a Meta id' },
        { path: 'entry[0].changes[5]', reason: 'from is not an object' },
        { path: 'entry[0].changes[6]', reason: 'from has no id' },
        { path: 'entry[0].changes[7]', reason: 'feed change has no verb' },
        { path: 'entry[0].changes[8]', reason: 'feed change has no item' },
        { path: 'entry[0].changes[9]', reason: 'post_id is missing or not a Meta id' },
        { path: 'entry[0].changes[10]', reason: 'comment_id is missing or not a Meta id' },
        { path: 'entry[0].changes[11]', reason: 'comment_id is missing or not a Meta id' },
      ]);
      expect(result.items).toEqual([
        {
          path: 'entry[0].changes[12]',
          text: null,
          event: expect.objectContaining({
            id: `meta:fb:comment:${COMMENT}`,
            // No usable created_time: when Meta sent it.
            occurredAt: at(1795780700),
            properties: expect.objectContaining({
              postId: POST,
              isReply: false,
              textLength: 0,
              hashtags: [],
            }),
          }),
        },
      ]);
      expect(result.items[0]?.event).not.toHaveProperty('properties.parentId');
    });

    it('skips odd messaging and WhatsApp shapes instead of throwing', () => {
      const messaging = {
        object: 'instagram',
        entry: [
          { id: IG, time: 1795780200123, messaging: [null, { sender: { id: '1' }, message: 'hi' }, {}] },
        ],
      };
      expect(map(messaging).skipped).toEqual([
        { path: 'entry[0].messaging[0]', reason: 'messaging event is not an object' },
        { path: 'entry[0].messaging[1]', reason: 'message is not an object' },
        { path: 'entry[0].messaging[2]', reason: 'messaging event has no message' },
      ]);
      const whatsapp = {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: WABA,
            changes: [
              { field: 'messages', value: { messages: { from: '4915112345678' } } },
              {
                field: 'messages',
                value: { contacts: 'none', messages: [{ from: 4915112345678, id: 'wamid.A', type: 'text' }] },
              },
              { field: 'messages', value: { messages: [{ from: '4915112345678', type: 'text' }] } },
              { field: 'messages', value: { messaging_product: 'whatsapp' } },
              { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } },
            ],
          },
        ],
      };
      expect(map(whatsapp).skipped).toEqual([
        { path: 'entry[0].changes[0].value.messages', reason: 'messages is not an array' },
        { path: 'entry[0].changes[1].value.messages[0]', reason: 'message has no from (wa_id)' },
        { path: 'entry[0].changes[2].value.messages[0]', reason: 'message has no id' },
        { path: 'entry[0].changes[3]', reason: 'change has neither messages nor statuses' },
        {
          path: 'entry[0].changes[4]',
          reason: "field 'account_update' of a WhatsApp Business Account is not mapped",
        },
      ]);
    });

    it('keeps properties within the API limit however many tags a text holds', () => {
      // 3-byte letters, as long as a hashtag may be: the worst case for the 16 KB budget.
      const longTag = '語'.repeat(98);
      const message = [
        ...Array.from({ length: 40 }, (_, index) => `#${longTag}${index}`),
        ...Array.from({ length: 40 }, (_, index) => `@fan${index}`),
        `#${'x'.repeat(101)}`,
        'mail me: anna@example.com #1 C#',
      ].join(' ');
      const { event } = only(pageDelivery(feed({ ...fbComment, message })));
      const { properties } = engagement(event);
      expect(properties.hashtags).toHaveLength(30);
      expect(properties.mentions).toHaveLength(30);
      expect(properties.mentions).not.toContain('example.com');
      expect(propertiesByteLength(properties)).toBeLessThanOrEqual(MAX_PROPERTIES_BYTES);
      expect(JSON.stringify(event)).not.toContain('anna@example.com');
    });

    it('finds no hashtag in numbers, C# or e-mail addresses', () => {
      const message = 'Wir sind #1! C# und anna@example.com, aber #Team2026 und @Bäckerei zählen halb';
      const properties = engagement(only(pageDelivery(feed({ ...fbComment, message }))).event).properties;
      expect(properties.hashtags).toEqual(['team2026']);
      expect(properties.mentions).toEqual([]);
    });
  });

  describe('occurredAt', () => {
    it('clamps times in the future to when the delivery arrived', () => {
      const future = feed({ ...fbComment, created_time: receivedAt.getTime() / 1000 + 3600 });
      expect(only(pageDelivery(future)).event.occurredAt).toBe(receivedAt.toISOString());
      const farFuture = feed({ ...fbComment, created_time: 8.64e15 });
      expect(only(pageDelivery(farFuture)).event.occurredAt).toBe(receivedAt.toISOString());
    });

    it('falls back to entry.time (seconds or milliseconds) and then to when the delivery arrived', () => {
      const withoutTime = { ...fbComment, created_time: undefined };
      const delivery = (time: unknown): unknown => ({
        object: 'page',
        entry: [{ id: PAGE, time, changes: [feed(withoutTime)] }],
      });
      expect(only(delivery(1795780700)).event.occurredAt).toBe(at(1795780700));
      expect(only(delivery(1795780700123)).event.occurredAt).toBe('2026-11-27T11:58:20.123Z');
      expect(only(delivery(undefined)).event.occurredAt).toBe(receivedAt.toISOString());
      expect(only(delivery(-5)).event.occurredAt).toBe(receivedAt.toISOString());
    });

    it('reads string seconds (WhatsApp) and milliseconds (messaging) as such', () => {
      const [text] = map(fixture('whatsapp-message.json')).items;
      expect(text?.event.occurredAt).toBe('2026-11-27T11:53:20.000Z');
      const [dm] = map(fixture('messenger-message.json')).items;
      expect(dm?.event.occurredAt).toBe('2026-11-27T11:51:40.123Z');
    });
  });
});
