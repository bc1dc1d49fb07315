// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ConnectionsDto, HookDeliveryDto, MetaConnectionDto } from '@/lib/api/types';
import { type FakeApi, fakeApi, problem } from '@/test/fake-api';
import { TEST_BRAND_ID, renderScreen } from '@/test/render';

import { ConnectionsPage } from './connections-page';

const BASE = `/api/v1/brands/${TEST_BRAND_ID}/connections`;
const PAGE = {
  path: '/brands/:brandId/settings/connections',
  url: `/brands/${TEST_BRAND_ID}/settings/connections`,
};
const VERIFY_TOKEN = 'fvt_k9yV2cJ0o3T6nqLw8ZbX1rA5sD7fG4hJ';

const connection: MetaConnectionDto = {
  appId: '1234567890',
  appSecretHint: '…0123',
  pageIds: ['104000000000001'],
  instagramIds: [],
  whatsappIds: [],
  callbackPath: `/api/v1/hooks/meta/${TEST_BRAND_ID}`,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

function connections(
  meta: MetaConnectionDto | null,
  senders: ConnectionsDto['senders'] = [],
): ConnectionsDto {
  return { meta, senders, genericPath: `/api/v1/hooks/generic/${TEST_BRAND_ID}` };
}

function delivery(overrides: Partial<HookDeliveryDto>): HookDeliveryDto {
  return {
    id: 'd1',
    source: 'meta',
    senderId: null,
    receivedAt: '2026-11-27T10:05:00.000Z',
    status: 'processed',
    test: false,
    attempts: 1,
    processedAt: '2026-11-27T10:05:01.000Z',
    error: null,
    bodyBytes: 420,
    bodyKept: true,
    summary: null,
    ...overrides,
  };
}

/** The texts the field points to with aria-describedby: its hint and its error. */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
}

function fakeConnections(meta: MetaConnectionDto | null): FakeApi {
  return fakeApi()
    .on('GET', BASE, { status: 200, body: connections(meta) })
    .on('GET', `${BASE}/deliveries`, { status: 200, body: { items: [], nextCursor: null } });
}

describe('Settings → Connections', () => {
  it('connects the Meta app and shows the verify token once', async () => {
    const user = userEvent.setup();
    const api = fakeConnections(null).on('PUT', `${BASE}/meta`, {
      status: 200,
      body: { connection, verifyToken: VERIFY_TOKEN },
    });
    renderScreen(<ConnectionsPage />, PAGE);

    const form = await screen.findByRole('form', { name: 'Meta app' });
    expect(screen.getByTestId('meta-connection-state').textContent).toBe('Not connected');
    await user.type(within(form).getByLabelText('App ID'), '1234567890');
    await user.type(within(form).getByLabelText(/^App Secret/), '0123456789abcdef0123');
    await user.type(
      within(form).getByRole('combobox', { name: 'Facebook Page ids' }),
      '104000000000001{Enter}',
    );
    await user.click(within(form).getByRole('button', { name: 'Connect' }));

    const dialog = await screen.findByRole('dialog', { name: 'Copy your verify token' });
    expect(api.sent('PUT', `${BASE}/meta`)[0]?.body).toEqual({
      appId: '1234567890',
      appSecret: '0123456789abcdef0123',
      pageIds: ['104000000000001'],
      instagramIds: [],
      whatsappIds: [],
    });
    expect(within(dialog).getByTestId('meta-verify-token').textContent).toBe(VERIFY_TOKEN);
    expect(within(dialog).getByText(/This verify token is shown only once/)).toBeTruthy();
    expect(within(dialog).getByTestId('meta-verify-callback-url').textContent).toBe(
      `http://localhost:3000/api/v1/hooks/meta/${TEST_BRAND_ID}`,
    );
    expect(within(dialog).getByRole('button', { name: /^Copy: Verify token/ })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Done, I have copied it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.textContent).not.toContain(VERIFY_TOKEN);
    // Connected: the Callback URL stays on the page, the secret field says it keeps the saved one.
    expect(screen.getByTestId('meta-connection-state').textContent).toBe('Connected');
    expect(screen.getByTestId('meta-callback-url').textContent).toBe(
      `http://localhost:3000/api/v1/hooks/meta/${TEST_BRAND_ID}`,
    );
    expect(screen.getByLabelText(/^App Secret/).getAttribute('placeholder')).toBe('Saved, ends with …0123');
  });

  it('shows the API’s field errors next to the fields', async () => {
    const user = userEvent.setup();
    const api = fakeConnections(null).on(
      'PUT',
      `${BASE}/meta`,
      problem(400, 'validation_failed', 'The request is not valid.', [
        { field: 'appSecret', reason: 'appSecret must be longer than or equal to 16 characters' },
        { field: 'pageIds', reason: 'pageIds must hold numeric ids as Meta shows them (digits only)' },
      ]),
    );
    renderScreen(<ConnectionsPage />, PAGE);

    const form = await screen.findByRole('form', { name: 'Meta app' });
    await user.type(within(form).getByLabelText(/^App Secret/), 'short');
    await user.type(within(form).getByRole('combobox', { name: 'Facebook Page ids' }), '1{Enter}');
    await user.click(within(form).getByRole('button', { name: 'Connect' }));

    // Each reason is the field's own description, and the field says it is invalid.
    const secret = within(form).getByLabelText(/^App Secret/);
    await waitFor(() =>
      expect(descriptionOf(secret)).toContain('appSecret must be longer than or equal to 16 characters'),
    );
    expect(secret.getAttribute('aria-invalid')).toBe('true');
    const pages = within(form).getByRole('combobox', { name: 'Facebook Page ids' });
    expect(descriptionOf(pages)).toContain('pageIds must hold numeric ids as Meta shows them (digits only)');
    expect(pages.getAttribute('aria-invalid')).toBe('true');
    expect(api.sent('PUT', `${BASE}/meta`)).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('checks the App Secret and the ids before sending', async () => {
    const user = userEvent.setup();
    const api = fakeConnections(null);
    renderScreen(<ConnectionsPage />, PAGE);

    const form = await screen.findByRole('form', { name: 'Meta app' });
    await user.type(within(form).getByRole('combobox', { name: 'Instagram account ids' }), 'bakery{Enter}');
    await user.click(within(form).getByRole('button', { name: 'Connect' }));

    expect(await within(form).findByText('Enter the App Secret to connect the app.')).toBeTruthy();
    expect(within(form).getByText('“bakery” is not an id: Meta’s ids are digits only.')).toBeTruthy();
    expect(api.sent('PUT', `${BASE}/meta`)).toHaveLength(0);
  });

  describe('the delivery log', () => {
    beforeEach(() => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('sends a test delivery and follows it from pending to processed', async () => {
      const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
      let stored: HookDeliveryDto[] = [];
      const api = fakeConnections(connection)
        .on('GET', `${BASE}/deliveries`, () => ({ status: 200, body: { items: stored, nextCursor: null } }))
        .on('POST', `${BASE}/meta/test`, () => {
          stored = [delivery({ id: 'd-test', test: true, status: 'pending', processedAt: null })];
          return { status: 200, body: { deliveryId: 'd-test', duplicate: false } };
        });
      renderScreen(<ConnectionsPage />, PAGE);

      const log = await screen.findByRole('table', { name: 'Delivery log' });
      await within(log).findByText('No delivery yet.');
      await user.click(screen.getByRole('button', { name: 'Send test delivery' }));

      const row = await within(log).findByTestId('delivery-row');
      expect(within(row).getByText('Pending')).toBeTruthy();
      expect(within(row).getByText('Test')).toBeTruthy();
      expect(await screen.findByText('Test delivery sent. It appears in the delivery log.')).toBeTruthy();

      // The job queue processes it; the log asks again by itself while a row is pending.
      stored = [
        delivery({
          id: 'd-test',
          test: true,
          summary: { test: true, events: 1, outcomes: {}, points: 0, skipped: 0, links: [], preview: [{}] },
        }),
      ];
      const asked = api.sent('GET', `${BASE}/deliveries`).length;
      await vi.advanceTimersByTimeAsync(3000);
      await waitFor(() => expect(within(log).getByText('Processed')).toBeTruthy());
      expect(api.sent('GET', `${BASE}/deliveries`).length).toBeGreaterThan(asked);
      const processed = within(log).getByTestId('delivery-row');
      expect(within(processed).getByTestId('delivery-events').textContent).toBe('1');
      expect(within(processed).getByText('1 would be booked')).toBeTruthy();

      // Nothing pending any more: no more polling.
      const settled = api.sent('GET', `${BASE}/deliveries`).length;
      await vi.advanceTimersByTimeAsync(7000);
      expect(api.sent('GET', `${BASE}/deliveries`).length).toBe(settled);
    });
  });

  it('opens a row to show skipped items and linking codes, and loads more', async () => {
    const user = userEvent.setup();
    const api = fakeConnections(connection).on('GET', `${BASE}/deliveries`, (request) =>
      request.query.get('cursor') === 'next'
        ? {
            status: 200,
            body: {
              items: [delivery({ id: 'd-old', receivedAt: '2026-11-26T08:00:00.000Z' })],
              nextCursor: null,
            },
          }
        : {
            status: 200,
            body: {
              items: [
                delivery({
                  summary: {
                    test: false,
                    events: 2,
                    outcomes: { awarded: 1, no_match: 1 },
                    points: 10,
                    skipped: 1,
                    skippedItems: [{ path: 'entry[0].changes[1]', reason: 'a reaction on a comment' }],
                    rejectedItems: [],
                    links: [{ linked: false, code: 'FAN-AAAAAA', reason: 'the code has expired' }],
                  },
                }),
              ],
              nextCursor: 'next',
            },
          },
    );
    renderScreen(<ConnectionsPage />, PAGE);

    const log = await screen.findByRole('table', { name: 'Delivery log' });
    const row = await within(log).findByTestId('delivery-row');
    expect(within(row).getByText('1 awarded')).toBeTruthy();
    expect(within(row).getByText('1 no match')).toBeTruthy();
    expect(within(row).getByText('1 not linked')).toBeTruthy();
    expect(within(row).getByTestId('delivery-points').textContent).toBe('10');

    await user.click(within(row).getByRole('button', { name: /^Show details/ }));
    const details = within(log).getByTestId('delivery-details');
    expect(within(details).getByText('a reaction on a comment')).toBeTruthy();
    expect(within(details).getByText('not linked: the code has expired')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(log).getAllByTestId('delivery-row')).toHaveLength(2));
    expect(api.sent('GET', `${BASE}/deliveries`).at(-1)?.query.get('cursor')).toBe('next');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('adds a sender and shows its secret once', async () => {
    const user = userEvent.setup();
    const sender = {
      id: 's1',
      name: 'Shop backend',
      createdAt: '2026-11-27T10:00:00.000Z',
      rotatedAt: null,
      previousExpiresAt: null,
      revokedAt: null,
    };
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    let senders: ConnectionsDto['senders'] = [];
    const api = fakeConnections(null)
      .on('GET', BASE, () => ({ status: 200, body: connections(null, senders) }))
      .on('POST', `${BASE}/senders`, () => {
        senders = [sender];
        return { status: 201, body: { sender, secret } };
      });
    renderScreen(<ConnectionsPage />, PAGE);

    expect((await screen.findByTestId('generic-endpoint')).textContent).toBe(
      `http://localhost:3000/api/v1/hooks/generic/${TEST_BRAND_ID}`,
    );
    await user.click(screen.getByRole('button', { name: 'Add sender' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook sender' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Shop backend');
    await user.click(within(dialog).getByRole('button', { name: 'Add sender' }));

    const reveal = await screen.findByRole('dialog', { name: 'Copy the secret for Shop backend' });
    expect(api.sent('POST', `${BASE}/senders`)[0]?.body).toEqual({ name: 'Shop backend' });
    expect(within(reveal).getByTestId('sender-secret').textContent).toBe(secret);
    expect(within(reveal).getByText(/This secret is shown only once/)).toBeTruthy();
    await user.click(within(reveal).getByRole('button', { name: 'Done, I have copied it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const row = await screen.findByTestId('sender-row');
    expect(within(row).getByText('Shop backend')).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(document.body.textContent).not.toContain(secret);
  });

  it('tells analysts the connections are for owners and managers', async () => {
    const api = fakeConnections(null);
    renderScreen(<ConnectionsPage />, { ...PAGE, role: 'analyst' });
    expect(
      await screen.findByText('Only owners and managers can see and change the connections.'),
    ).toBeTruthy();
    expect(api.sent('GET', BASE)).toHaveLength(0);
  });
});
