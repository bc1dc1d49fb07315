// @vitest-environment jsdom
import { Button } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { renderScreen } from '@/test/render';

import { OneTimeSecretModal } from './one-time-secret-modal';

const SECRET = 'whsec_test_secret';

function Dialog({ onClose }: { onClose: () => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <OneTimeSecretModal
      opened
      onClose={onClose}
      title={secret ? 'Your secret' : 'New secret'}
      reveal={
        secret === null
          ? null
          : {
              label: 'Secret',
              secret,
              warning: 'Copy it now: it is shown this once.',
              testId: 'the-secret',
              doneLabel: 'Done',
              extra: <p>Key id: k1</p>,
            }
      }
    >
      <Button onClick={() => setSecret(SECRET)}>Create</Button>
    </OneTimeSecretModal>
  );
}

describe('OneTimeSecretModal', () => {
  it('shows the first step, then the secret once with what goes with it, and closes on "Done"', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderScreen(<Dialog onClose={onClose} />, { path: '/', url: '/' });

    expect(screen.getByRole('dialog', { name: 'New secret' })).toBeTruthy();
    expect(screen.queryByTestId('the-secret')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(screen.getByRole('dialog', { name: 'Your secret' })).toBeTruthy();
    expect(screen.getByTestId('the-secret').textContent).toBe(SECRET);
    expect(screen.getByText('Copy it now: it is shown this once.')).toBeTruthy();
    expect(screen.getByText('Key id: k1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('has a named close button', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderScreen(<Dialog onClose={onClose} />, { path: '/', url: '/' });

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
