// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { FanDto, FanIdentityDto } from '@/lib/api/types';
import { type FakeApi, fakeApi, problem } from '@/test/fake-api';
import { TEST_BRAND_ID, renderScreen } from '@/test/render';

import { FanPage } from './fan-page';

const FAN_ID = '01900000-0000-7000-8000-0000000000f1';
const FAN = `/api/v1/brands/${TEST_BRAND_ID}/fans/${FAN_ID}`;
const PAGE = { path: '/brands/:brandId/fans/:fanId', url: `/brands/${TEST_BRAND_ID}/fans/${FAN_ID}` };
const consent = { granted: null, at: null, textVersion: null };

function identity(overrides: Partial<FanIdentityDto>): FanIdentityDto {
  return {
    id: 'i-fb',
    channel: 'facebook',
    externalId: '9001',
    handle: null,
    displayName: 'Fan A',
    email: null,
    source: 'first_sight',
    proof: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

function fan(identities: FanIdentityDto[]): FanDto {
  return {
    id: FAN_ID,
    displayName: 'Anna Becker',
    email: null,
    balance: 120,
    lifetimePoints: 150,
    tier: null,
    tierChangedAt: null,
    firstSeenAt: '2026-11-20T09:00:00.000Z',
    lastActiveAt: '2026-11-27T09:00:00.000Z',
    identities,
    marketingConsent: consent,
    profilingConsent: consent,
    erasedAt: null,
  };
}

const linkedByCode = identity({
  id: 'i-ig',
  channel: 'instagram',
  externalId: '17841400000000001',
  handle: 'anna.backt',
  source: 'linked',
  proof: {
    method: 'code',
    code: 'FAN-7K2Q9M',
    via: 'comment',
    deliveryId: 'd1',
    at: '2026-11-27T10:00:00.000Z',
  },
});
const linkedByHand = identity({
  id: 'i-wa',
  channel: 'whatsapp',
  externalId: '4915100000000',
  source: 'linked',
  proof: { method: 'manual', by: 'owner@example.com', at: '2026-11-26T10:00:00.000Z' },
});

function fakeFan(identities: FanIdentityDto[]): FanApi {
  let current = fan(identities);
  const api = fakeApi()
    .on('GET', FAN, () => ({ status: 200, body: current }))
    .on('GET', `${FAN}/ledger`, { status: 200, body: { items: [], nextCursor: null } });
  return Object.assign(api, { set: (next: FanIdentityDto[]) => (current = fan(next)) });
}

type FanApi = FakeApi & { set: (identities: FanIdentityDto[]) => void };

describe('linked accounts on the fan page', () => {
  it('marks linked accounts as verified and says how they were proven', async () => {
    fakeFan([identity({}), linkedByCode, linkedByHand]);
    renderScreen(<FanPage />, PAGE);

    const table = await screen.findByRole('table', { name: 'Identities' });
    const rows = within(table).getAllByTestId('fan-identity');
    expect(within(rows[0]!).getByText('Seen in an event')).toBeTruthy();
    expect(within(rows[0]!).queryByText('Verified')).toBeNull();
    expect(within(rows[1]!).getByText('Verified')).toBeTruthy();
    expect(within(rows[1]!).getByTestId('identity-proof').textContent).toMatch(
      /^Linked with code FAN-7K2Q9M in a comment on /,
    );
    expect(within(rows[2]!).getByTestId('identity-proof').textContent).toMatch(
      /^Linked by hand by owner@example\.com on /,
    );
  });

  it('links an account by hand, says which fan was merged, and shows the fan again', async () => {
    const user = userEvent.setup();
    const api = fakeFan([identity({})]);
    api.on('POST', `${FAN}/identities`, () => {
      api.set([identity({}), linkedByHand]);
      return { status: 201, body: { identityId: 'i-wa', mergedFanId: 'fan-b' } };
    });
    renderScreen(<FanPage />, PAGE);

    await user.click(await screen.findByRole('button', { name: 'Link account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link an account to this fan' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Channel/ }));
    await user.click(await screen.findByRole('option', { name: 'WhatsApp' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^External id/ }), ' 4915100000000 ');
    await user.click(within(dialog).getByRole('button', { name: 'Link account' }));

    expect(
      await screen.findByText(
        'Account linked. The fan who held it (fan-b) was merged into this one, with their points and history.',
      ),
    ).toBeTruthy();
    expect(api.sent('POST', `${FAN}/identities`)[0]?.body).toEqual({
      channel: 'whatsapp',
      externalId: '4915100000000',
    });
    await waitFor(() => expect(screen.getAllByTestId('fan-identity')).toHaveLength(2));
    expect(api.sent('GET', FAN).length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows why the API refused a link', async () => {
    const user = userEvent.setup();
    fakeFan([identity({})]).on(
      'POST',
      `${FAN}/identities`,
      problem(409, 'already_linked', 'This account is linked to this fan already.'),
    );
    renderScreen(<FanPage />, PAGE);

    await user.click(await screen.findByRole('button', { name: 'Link account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link an account to this fan' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Channel/ }));
    await user.click(await screen.findByRole('option', { name: 'Facebook' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^External id/ }), '9001');
    await user.click(within(dialog).getByRole('button', { name: 'Link account' }));

    expect(await screen.findByText('This account is linked to this fan already.')).toBeTruthy();
    // The dialog stays open to correct the entry.
    expect(screen.getByRole('dialog', { name: 'Link an account to this fan' })).toBeTruthy();
  });

  it('unlinks after asking, and shows why the last account stays', async () => {
    const user = userEvent.setup();
    const api = fakeFan([identity({}), linkedByHand]);
    api.on('DELETE', `${FAN}/identities/i-wa`, () => {
      api.set([identity({})]);
      return { status: 204 };
    });
    api.on(
      'DELETE',
      `${FAN}/identities/i-fb`,
      problem(409, 'last_identity', 'A fan keeps at least one account: this is her only one.'),
    );
    renderScreen(<FanPage />, PAGE);

    await user.click(await screen.findByRole('button', { name: 'Unlink whatsapp: 4915100000000' }));
    const confirm = await screen.findByRole('dialog', { name: 'Unlink this account?' });
    expect(
      within(confirm).getByText(/whatsapp: 4915100000000 will no longer belong to Anna Becker/),
    ).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Unlink account' }));
    expect(await screen.findByText('whatsapp: 4915100000000 was unlinked.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('fan-identity')).toHaveLength(1));
    expect(api.sent('DELETE', `${FAN}/identities/i-wa`)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Unlink facebook: 9001' }));
    const again = await screen.findByRole('dialog', { name: 'Unlink this account?' });
    await user.click(within(again).getByRole('button', { name: 'Unlink account' }));
    expect(await screen.findByText('A fan keeps at least one account; this is the only one.')).toBeTruthy();
    expect(screen.getAllByTestId('fan-identity')).toHaveLength(1);
  });

  it('shows analysts the accounts without link or unlink buttons', async () => {
    fakeFan([identity({}), linkedByCode]);
    renderScreen(<FanPage />, { ...PAGE, role: 'analyst' });

    await screen.findByRole('table', { name: 'Identities' });
    expect(screen.getAllByText('Verified')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Link account' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Unlink/ })).toBeNull();
  });
});
