// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { WebhookDeliveryDto, WebhookEndpointDto } from '@/lib/api/types';
import { type FakeApi, fakeApi, problem } from '@/test/fake-api';
import { TEST_BRAND_ID, renderScreen } from '@/test/render';

import { WebhooksPage } from './webhooks-page';

const BASE = `/api/v1/brands/${TEST_BRAND_ID}/webhook-endpoints`;
const PAGE = {
  path: '/brands/:brandId/settings/webhooks',
  url: `/brands/${TEST_BRAND_ID}/settings/webhooks`,
};
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const endpoint: WebhookEndpointDto = {
  id: 'e1',
  url: 'https://shop.example.com/hooks/fanfare',
  description: 'Shop backend',
  eventTypes: ['points.awarded', 'redemption.created'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  createdBy: 'owner@example.com',
};

function delivery(overrides: Partial<WebhookDeliveryDto>): WebhookDeliveryDto {
  return {
    id: 'd1',
    messageId: 'm1',
    webhookId: 'msg_m1',
    type: 'points.awarded',
    status: 'failed',
    attempts: 8,
    lastStatusCode: 500,
    lastError: 'The endpoint answered 500.',
    lastAttemptAt: '2026-11-27T11:00:00.000Z',
    nextAttemptAt: null,
    createdAt: '2026-11-27T10:05:00.000Z',
    succeededAt: null,
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

function fakeWebhooks(endpoints: WebhookEndpointDto[]): FakeApi {
  return fakeApi()
    .on('GET', BASE, { status: 200, body: { items: endpoints } })
    .on('GET', `${BASE}/e1/deliveries`, { status: 200, body: { items: [], nextCursor: null } });
}

describe('Settings → Webhooks', () => {
  it('adds an endpoint and shows its signing secret once', async () => {
    const user = userEvent.setup();
    let endpoints: WebhookEndpointDto[] = [];
    const api = fakeWebhooks([])
      .on('GET', BASE, () => ({ status: 200, body: { items: endpoints } }))
      .on('POST', BASE, () => {
        endpoints = [endpoint];
        return { status: 201, body: { endpoint, secret: SECRET } };
      });
    renderScreen(<WebhooksPage />, PAGE);

    await screen.findByText('No endpoint yet. Add one to receive events in your shop or CRM.');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook endpoint' });
    await user.type(within(dialog).getByLabelText(/^URL/), endpoint.url);
    await user.type(within(dialog).getByLabelText('Description'), 'Shop backend');
    await user.click(within(dialog).getByRole('combobox', { name: /^Event types/ }));
    await user.click(await screen.findByRole('option', { name: 'points.awarded' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));

    const reveal = await screen.findByRole('dialog', { name: `Copy the signing secret for ${endpoint.url}` });
    expect(api.sent('POST', BASE)[0]?.body).toEqual({
      url: endpoint.url,
      description: 'Shop backend',
      eventTypes: ['points.awarded'],
    });
    expect(within(reveal).getByTestId('webhook-secret').textContent).toBe(SECRET);
    expect(within(reveal).getByText(/This secret is shown only once/)).toBeTruthy();
    expect(within(reveal).getByRole('button', { name: /^Copy: Signing secret/ })).toBeTruthy();
    await user.click(within(reveal).getByRole('button', { name: 'Done, I have copied it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const row = await screen.findByTestId('webhook-endpoint-row');
    expect(within(row).getByText(endpoint.url)).toBeTruthy();
    expect(within(row).getByText('Enabled')).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('shows the API’s field errors next to the fields', async () => {
    const user = userEvent.setup();
    const api = fakeWebhooks([]).on(
      'POST',
      BASE,
      problem(400, 'validation_failed', 'The request is not valid.', [
        { field: 'url', reason: 'url must use https (plain http only for localhost)' },
      ]),
    );
    renderScreen(<WebhooksPage />, PAGE);

    await user.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook endpoint' });
    await user.type(within(dialog).getByLabelText(/^URL/), 'http://shop.example.com/hooks');
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));

    const url = within(dialog).getByLabelText(/^URL/);
    await waitFor(() =>
      expect(descriptionOf(url)).toContain('url must use https (plain http only for localhost)'),
    );
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(api.sent('POST', BASE)).toHaveLength(1);
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
  });

  it('replays a failed delivery and refreshes the log', async () => {
    const user = userEvent.setup();
    let stored = [delivery({})];
    const api = fakeWebhooks([endpoint])
      .on('GET', `${BASE}/e1/deliveries`, () => ({ status: 200, body: { items: stored, nextCursor: null } }))
      .on('POST', `${BASE}/e1/deliveries/d1/replay`, () => {
        stored = [delivery({ status: 'succeeded', attempts: 9, lastStatusCode: 204, lastError: null })];
        return { status: 200, body: stored[0] };
      });
    renderScreen(<WebhooksPage />, PAGE);

    const log = await screen.findByRole('table', { name: 'Delivery log' });
    const row = await within(log).findByTestId('webhook-delivery-row');
    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(within(row).getByText('The endpoint answered 500.')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Replay the points.awarded delivery' }));

    await waitFor(() => expect(within(log).getByText('Succeeded')).toBeTruthy());
    expect(api.sent('POST', `${BASE}/e1/deliveries/d1/replay`)).toHaveLength(1);
    expect(within(log).getByTestId('webhook-delivery-attempts').textContent).toBe('9');
    expect(await screen.findByText('The points.awarded delivery is sent again.')).toBeTruthy();
  });

  it('filters the log by status and opens a delivery with its attempts and payload', async () => {
    const user = userEvent.setup();
    const api = fakeWebhooks([endpoint]).on('GET', `${BASE}/e1/deliveries/d1`, {
      status: 200,
      body: {
        ...delivery({}),
        payload: { type: 'points.awarded', data: { points: 10 } },
        attemptLog: [
          {
            id: 'a1',
            attemptedAt: '2026-11-27T10:05:01.000Z',
            statusCode: 500,
            error: 'The endpoint answered 500.',
            durationMs: 42,
          },
        ],
      },
    });
    api.on('GET', `${BASE}/e1/deliveries`, (request) => ({
      status: 200,
      body: { items: request.query.get('status') === 'failed' ? [delivery({})] : [], nextCursor: null },
    }));
    renderScreen(<WebhooksPage />, PAGE);

    await screen.findByText('No delivery yet.');
    await user.click(screen.getByRole('radio', { name: 'Failed' }));
    const row = await screen.findByTestId('webhook-delivery-row');
    expect(api.sent('GET', `${BASE}/e1/deliveries`).at(-1)?.query.get('status')).toBe('failed');

    await user.click(within(row).getByRole('button', { name: 'Details of the points.awarded delivery' }));
    const details = await screen.findByTestId('webhook-delivery-details');
    expect(within(details).getByText('42 ms')).toBeTruthy();
    expect(within(details).getByTestId('webhook-payload').textContent).toContain('"points": 10');
  });

  it('tells analysts the webhooks are for owners and managers', async () => {
    const api = fakeWebhooks([]);
    renderScreen(<WebhooksPage />, { ...PAGE, role: 'analyst' });
    expect(await screen.findByText('Only owners and managers can see and change the webhooks.')).toBeTruthy();
    expect(api.sent('GET', BASE)).toHaveLength(0);
  });
});
