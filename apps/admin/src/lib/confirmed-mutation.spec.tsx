// @vitest-environment jsdom
import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { renderScreen } from '@/test/render';

import { useConfirmedMutation } from './confirmed-mutation';

interface Item {
  id: string;
  name: string;
}

const ITEMS: Item[] = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
];

function List({ remove }: { remove: (id: string) => Promise<void> }) {
  const removal = useConfirmedMutation(useMutation({ mutationFn: remove }), {
    variables: (item: Item) => item.id,
    successMessage: (item) => `${item.name} was removed.`,
  });
  return (
    <>
      {ITEMS.map((item) => (
        <Button key={item.id} onClick={() => removal.ask(item)}>
          Remove {item.name}
        </Button>
      ))}
      <ConfirmDialog
        {...removal.dialogProps}
        title="Remove it?"
        message={`${removal.target?.name ?? ''} goes for good.`}
        confirmLabel="Remove"
      />
    </>
  );
}

describe('useConfirmedMutation', () => {
  it('asks about the item chosen, runs the mutation for it, says so and closes', async () => {
    const user = userEvent.setup();
    const remove = vi.fn((_id: string) => Promise.resolve());
    renderScreen(<List remove={remove} />, { path: '/', url: '/' });
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove Beta' }));
    expect(screen.getByRole('dialog', { name: 'Remove it?' }).textContent).toContain('Beta goes for good.');
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('Beta was removed.')).toBeTruthy();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls[0]?.[0]).toBe('b');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Remove it?' })).toBeNull());
  });

  it('shows why it failed and closes too', async () => {
    const user = userEvent.setup();
    const remove = vi.fn((_id: string) => Promise.reject(new TypeError('Failed to fetch')));
    renderScreen(<List remove={remove} />, { path: '/', url: '/' });

    await user.click(screen.getByRole('button', { name: 'Remove Alpha' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText(/The server cannot be reached/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Remove it?' })).toBeNull());
    expect(screen.queryByText('Alpha was removed.')).toBeNull();
    expect(remove.mock.calls[0]?.[0]).toBe('a');
  });

  it('leaves it be on "Cancel"', async () => {
    const user = userEvent.setup();
    const remove = vi.fn((_id: string) => Promise.resolve());
    renderScreen(<List remove={remove} />, { path: '/', url: '/' });

    await user.click(screen.getByRole('button', { name: 'Remove Alpha' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog', { name: 'Remove it?' })).toBeNull();
    expect(remove).not.toHaveBeenCalled();
  });
});
