import { createHash } from 'node:crypto';

import { parseEvent } from '../events/event-input';
import {
  bodyKind,
  CLOUDEVENTS_BATCH_JSON,
  CLOUDEVENTS_JSON,
  type CloudEventResult,
  type FanfareEventInput,
  fromCloudEvents,
} from './cloudevents';

const receivedAt = new Date('2026-11-27T10:20:00.000Z');
const SOURCE = 'https://shop.example/instagram';

function cloudEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: 'evt-1',
    source: SOURCE,
    type: 'com.example.social.comment',
    time: '2026-11-27T10:15:00Z',
    datacontenttype: 'application/json',
    data: {
      channel: 'instagram',
      fan: { externalId: '17841400000000001', handle: 'anna.backt' },
      properties: { hashtags: ['SoMeParade'], postId: '17900000000000001' },
    },
    ...overrides,
  };
}

function mapped(event: unknown): FanfareEventInput {
  const [result, ...rest] = fromCloudEvents(event, 'structured', receivedAt);
  expect(rest).toEqual([]);
  if (!result?.ok) throw new Error(`expected a mapped event, got ${JSON.stringify(result)}`);
  return result.event;
}

function refused(event: unknown): CloudEventResult & { ok: false } {
  const [result] = fromCloudEvents(event, 'structured', receivedAt);
  if (result === undefined || result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

function fields(event: unknown): string[] {
  return refused(event).errors.map((error) => error.field);
}

describe('bodyKind', () => {
  it.each([
    [CLOUDEVENTS_JSON, 'structured'],
    ['application/cloudevents+json; charset=utf-8', 'structured'],
    ['Application/CloudEvents+JSON ;charset=UTF-8', 'structured'],
    [CLOUDEVENTS_BATCH_JSON, 'batch'],
    ['APPLICATION/CLOUDEVENTS-BATCH+JSON; charset=utf-8', 'batch'],
    ['application/json', 'fanfare'],
    ['application/json; charset=utf-8', 'fanfare'],
    ['application/cloudevents', 'fanfare'],
    ['text/plain', 'fanfare'],
    ['', 'fanfare'],
    [undefined, 'fanfare'],
  ])('reads %p as %s', (contentType, kind) => {
    expect(bodyKind(contentType)).toBe(kind);
  });
});

describe('fromCloudEvents', () => {
  it('maps a structured CloudEvent to a Fanfare event', () => {
    expect(mapped(cloudEvent())).toEqual({
      id: `${SOURCE}|evt-1`,
      type: 'comment',
      channel: 'instagram',
      occurredAt: '2026-11-27T10:15:00.000Z',
      fan: { externalId: '17841400000000001', handle: 'anna.backt' },
      properties: { hashtags: ['SoMeParade'], postId: '17900000000000001' },
    });
  });

  it('gives events the events API accepts as its own', () => {
    const parsed = parseEvent(mapped(cloudEvent()), 0, receivedAt, '');
    expect(parsed).toMatchObject({
      kind: 'event',
      id: `${SOURCE}|evt-1`,
      type: 'comment',
      channel: 'instagram',
      fan: { externalId: '17841400000000001', handle: 'anna.backt' },
    });
  });

  it('maps a batch in order, refusing only the events that are not valid', () => {
    const batch = [
      cloudEvent({ id: 'evt-1' }),
      cloudEvent({ id: 'evt-2', type: 'com.example.social.like' }),
      cloudEvent({ id: 'evt-3', specversion: '0.3' }),
      cloudEvent({ id: 'evt-4', type: 'com.example.store.purchase', data: { channel: 'store' } }),
    ];
    const results = fromCloudEvents(batch, 'batch', receivedAt);
    expect(results.map((result) => (result.ok ? result.event.id : `refused ${result.index}`))).toEqual([
      `${SOURCE}|evt-1`,
      `${SOURCE}|evt-2`,
      'refused 2',
      `${SOURCE}|evt-4`,
    ]);
    expect(results[1]).toMatchObject({ ok: true, event: { type: 'like' } });
    expect(results[3]).toEqual({
      ok: true,
      event: {
        id: `${SOURCE}|evt-4`,
        type: 'purchase',
        channel: 'store',
        occurredAt: '2026-11-27T10:15:00.000Z',
      },
    });
  });

  it('reads an empty batch as no events', () => {
    expect(fromCloudEvents([], 'batch', receivedAt)).toEqual([]);
  });

  it('refuses a batch item that is not an object, by its index', () => {
    const results = fromCloudEvents([cloudEvent(), 'evt-2', null], 'batch', receivedAt);
    expect(results.slice(1)).toEqual([
      { ok: false, index: 1, errors: [{ field: '', reason: 'must be a CloudEvent (a JSON object)' }] },
      { ok: false, index: 2, errors: [{ field: '', reason: 'must be a CloudEvent (a JSON object)' }] },
    ]);
  });

  it('refuses a body whose shape does not fit its content type', () => {
    const [asStructured] = fromCloudEvents([cloudEvent()], 'structured', receivedAt);
    expect(asStructured).toMatchObject({ ok: false, index: 0, errors: [{ field: '' }] });
    expect(JSON.stringify(asStructured)).toContain(CLOUDEVENTS_BATCH_JSON);
    const [asBatch] = fromCloudEvents(cloudEvent(), 'batch', receivedAt);
    expect(asBatch).toMatchObject({ ok: false, index: 0, errors: [{ field: '' }] });
    expect(fromCloudEvents('not json', 'structured', receivedAt)).toHaveLength(1);
  });

  describe('envelope errors', () => {
    it('refuses an event without specversion', () => {
      expect(refused(cloudEvent({ specversion: undefined })).errors).toEqual([
        { field: 'specversion', reason: 'is required and must be "1.0"' },
      ]);
    });

    it.each(['0.3', '1.1', 1, ''])('refuses specversion %p', (specversion) => {
      expect(fields(cloudEvent({ specversion }))).toEqual(['specversion']);
    });

    it.each(['id', 'source', 'type'])(
      'refuses an event whose %s is missing, empty or not a string',
      (name) => {
        expect(fields(cloudEvent({ [name]: undefined }))).toEqual([name]);
        expect(fields(cloudEvent({ [name]: '' }))).toEqual([name]);
        expect(fields(cloudEvent({ [name]: 42 }))).toEqual([name]);
      },
    );

    it('refuses data_base64, saying to send JSON data', () => {
      const event = cloudEvent({ data: undefined, data_base64: 'eyJjaGFubmVsIjoid2ViIn0=' });
      const [error] = refused(event).errors;
      expect(error?.field).toBe('data_base64');
      expect(error?.reason).toMatch(/^is not accepted: send the data as a JSON object/);
    });

    it('refuses data that is not a JSON object', () => {
      expect(fields(cloudEvent({ data: 'text', datacontenttype: 'text/plain' }))).toEqual(['data']);
      expect(fields(cloudEvent({ data: [1, 2] }))).toEqual(['data']);
    });

    it('refuses a time that is not RFC 3339, and a subject that is not a string', () => {
      expect(fields(cloudEvent({ time: '27.11.2026 10:15' }))).toEqual(['time']);
      expect(fields(cloudEvent({ time: '2026-11-27T10:15Z' }))).toEqual(['time']);
      expect(fields(cloudEvent({ time: '2026-13-27T10:15:00Z' }))).toEqual(['time']);
      expect(fields(cloudEvent({ time: 1795774500 }))).toEqual(['time']);
      expect(fields(cloudEvent({ subject: 17841 }))).toEqual(['subject']);
    });

    it('reports every envelope error of an event at once', () => {
      const event = { specversion: '0.3', source: '', type: 'comment', data_base64: 'e30=' };
      expect(fields(event)).toEqual(['specversion', 'id', 'source', 'data_base64']);
    });
  });

  describe('type mapping', () => {
    it.each([
      ['com.example.social.comment', 'comment'],
      ['dev.fanfare.check_in', 'check_in'],
      ['com.example.fanfare.survey_response', 'survey_response'],
      ['purchase', 'purchase'],
      ['com.example.custom.unboxing', 'custom:unboxing'],
      ['com.example.custom:unboxing', 'custom:unboxing'],
    ])('maps %s to %s', (type, fanfareType) => {
      expect(mapped(cloudEvent({ type })).type).toBe(fanfareType);
    });

    it('takes data.type over the CloudEvents type', () => {
      const event = cloudEvent({ type: 'com.shop.order.paid', data: { channel: 'store', type: 'purchase' } });
      expect(mapped(event).type).toBe('purchase');
      expect(mapped(cloudEvent({ data: { channel: 'web', type: 'custom:quiz' } })).type).toBe('custom:quiz');
    });

    it.each([
      'com.example.social.comment.created',
      'com.example.social.Comment',
      'com.example.custom',
      'com.example.custom.',
      'com.example.social.retweet',
    ])('refuses %s rather than guess a type', (type) => {
      const [error] = refused(cloudEvent({ type })).errors;
      expect(error?.field).toBe('type');
      expect(error?.reason).toContain('names no Fanfare event type');
    });

    it('refuses a data.type that is not a string', () => {
      expect(fields(cloudEvent({ data: { channel: 'web', type: 7 } }))).toEqual(['data.type']);
    });

    it('leaves an unknown data.type to the events API, which refuses it', () => {
      const event = mapped(cloudEvent({ data: { channel: 'web', type: 'retweet' } }));
      expect(event.type).toBe('retweet');
      expect(parseEvent(event, 0, receivedAt, '')).toMatchObject({ kind: 'rejected' });
    });

    it('maps a retraction, naming the retracted CloudEvent by its id within the same source', () => {
      const original = mapped(cloudEvent({ id: 'evt-1' }));
      const retraction = mapped(
        cloudEvent({
          id: 'evt-9',
          type: 'com.example.fanfare.retract',
          data: { channel: 'instagram', retracts: 'evt-1' },
        }),
      );
      expect(retraction).toEqual({
        id: `${SOURCE}|evt-9`,
        type: 'retract',
        retracts: original.id,
        occurredAt: '2026-11-27T10:15:00.000Z',
      });
      expect(parseEvent(retraction, 0, receivedAt, '')).toMatchObject({
        kind: 'retract',
        retracts: original.id,
      });
    });

    it('passes a retraction without retracts on, for the events API to refuse', () => {
      const retraction = mapped(cloudEvent({ type: 'retract', data: {} }));
      expect(retraction).toEqual({
        id: `${SOURCE}|evt-1`,
        type: 'retract',
        occurredAt: '2026-11-27T10:15:00.000Z',
      });
      expect(parseEvent(retraction, 0, receivedAt, '')).toMatchObject({ kind: 'rejected' });
    });
  });

  describe('occurredAt', () => {
    it('is the time in UTC, whatever offset or letter case RFC 3339 allows', () => {
      expect(mapped(cloudEvent({ time: '2026-11-27T11:15:00.250+01:00' })).occurredAt).toBe(
        '2026-11-27T10:15:00.250Z',
      );
      expect(mapped(cloudEvent({ time: '2026-11-27t10:15:00z' })).occurredAt).toBe(
        '2026-11-27T10:15:00.000Z',
      );
      expect(mapped(cloudEvent({ time: '2026-11-27T10:15:00.123456789Z' })).occurredAt).toBe(
        '2026-11-27T10:15:00.123Z',
      );
    });

    it('is the time of receipt when the event has no time', () => {
      expect(mapped(cloudEvent({ time: undefined })).occurredAt).toBe('2026-11-27T10:20:00.000Z');
    });
  });

  describe('fan', () => {
    it('is the subject when data has a channel but no fan', () => {
      const event = cloudEvent({ subject: '17841400000000002', data: { channel: 'instagram' } });
      expect(mapped(event).fan).toEqual({ externalId: '17841400000000002' });
    });

    it('is data.fan when given, over the subject', () => {
      const event = cloudEvent({ subject: 'someone-else' });
      expect(mapped(event).fan).toEqual({ externalId: '17841400000000001', handle: 'anna.backt' });
    });

    it('stays unattributed when data.fan is null, whatever the subject', () => {
      const event = cloudEvent({ subject: '17841400000000002', data: { channel: 'instagram', fan: null } });
      expect(mapped(event).fan).toBeNull();
    });

    it('is absent when there is no channel to place the subject on', () => {
      const event = mapped(cloudEvent({ subject: '17841400000000002', data: { properties: { a: 1 } } }));
      expect(event).not.toHaveProperty('fan');
      expect(event).not.toHaveProperty('channel');
    });
  });

  describe('pass-through', () => {
    it('hands data.channel, data.fan and data.properties on unchecked, for the events API to judge', () => {
      const data = { channel: 'myspace', fan: { id: 1 }, properties: 'text' };
      expect(mapped(cloudEvent({ data }))).toMatchObject(data);
    });

    it('ignores extension attributes and other data members', () => {
      const event = mapped(
        cloudEvent({
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          dataschema: 'https://shop.example/schema.json',
          data: { channel: 'web', orderId: 'A-1' },
        }),
      );
      expect(Object.keys(event).sort()).toEqual(['channel', 'id', 'occurredAt', 'type']);
    });
  });

  describe('ids', () => {
    it('keeps source|id when it fits in 200 characters', () => {
      const id = 'x'.repeat(200 - SOURCE.length - 1);
      expect(mapped(cloudEvent({ id })).id).toBe(`${SOURCE}|${id}`);
      expect(mapped(cloudEvent({ id })).id).toHaveLength(200);
    });

    it('hashes a longer source|id deterministically', () => {
      const id = 'x'.repeat(200 - SOURCE.length);
      const expected = `ce:${createHash('sha256').update(`${SOURCE}|${id}`).digest('hex')}`;
      expect(mapped(cloudEvent({ id })).id).toBe(expected);
      expect(mapped(cloudEvent({ id })).id).toBe(expected);
      expect(mapped(cloudEvent({ id: `${id}y` })).id).not.toBe(expected);
      expect(parseEvent(mapped(cloudEvent({ id })), 0, receivedAt, '')).toMatchObject({ kind: 'event' });
    });

    it('tells the same id from different sources apart', () => {
      const first = mapped(cloudEvent({ source: 'https://shop.example/instagram' }));
      const second = mapped(cloudEvent({ source: 'https://shop.example/tiktok' }));
      expect(first.id).not.toBe(second.id);
    });

    it('maps a retracted id the same way as the long id it retracts', () => {
      const long = 'x'.repeat(300);
      const original = mapped(cloudEvent({ id: long }));
      const retraction = mapped(cloudEvent({ id: 'evt-9', type: 'x.retract', data: { retracts: long } }));
      expect(retraction.retracts).toBe(original.id);
    });
  });
});
