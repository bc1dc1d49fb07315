// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FakeApi, fakeApi } from '@/test/fake-api';
import { TEST_BRAND_ID, renderScreen } from '@/test/render';

import type { ImportDetailDto, ImportDto } from '../utils/import-state';
import { ImportsPage } from './imports-page';

const BASE = `/api/v1/brands/${TEST_BRAND_ID}/imports`;
const PAGE = { path: '/brands/:brandId/imports', url: `/brands/${TEST_BRAND_ID}/imports` };

function item(overrides: Partial<ImportDto> = {}): ImportDto {
  return {
    id: '01950000-0000-7000-8000-000000000001',
    status: 'running',
    filename: 'history.csv',
    sha256: 'a'.repeat(64),
    bytes: 2_400_000,
    rowsTotal: 10,
    rowsValid: 8,
    rowsRejected: 2,
    rowsBooked: 3,
    outcomes: { awarded: 2, no_match: 1, capped: 0, retracted: 0, duplicate: 0, rejected: 0 },
    points: 20,
    error: null,
    createdBy: 'owner@example.com',
    createdAt: '2026-11-27T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

function detail(overrides: Partial<ImportDetailDto> = {}): ImportDetailDto {
  return {
    ...item({
      status: 'queued',
      rowsBooked: 0,
      outcomes: { ...item().outcomes, awarded: 0, no_match: 0 },
      points: 0,
    }),
    errorSample: [
      { line: 4, id: 'c-3', errors: [{ field: 'type', reason: 'must be one of follow, like, …' }] },
      { line: 5, id: 'c-4', errors: [{ field: 'occurred_at', reason: 'must be an ISO 8601 date-time' }] },
    ],
    ...overrides,
  };
}

interface SentUpload {
  url: string;
  contentType: string | null;
  body: unknown;
}

/**
 * XMLHttpRequest as the upload uses it: reports progress in two steps, then answers with the
 * status and body the test set.
 */
class FakeXhr {
  static reply: { status: number; body: unknown } = { status: 202, body: {} };
  static sent: SentUpload[] = [];
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  responseType = '';
  withCredentials = false;
  private url = '';
  private headers = new Map<string, string>();

  open(_method: string, url: string): void {
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }

  getResponseHeader(): string | null {
    return null;
  }

  abort(): void {
    this.onabort?.();
  }

  send(body: File): void {
    FakeXhr.sent.push({ url: this.url, contentType: this.headers.get('content-type') ?? null, body });
    const total = body.size;
    setTimeout(() => {
      this.upload.onprogress?.({
        loaded: Math.floor(total / 2),
        total,
        lengthComputable: true,
      } as ProgressEvent);
      setTimeout(() => {
        this.upload.onprogress?.({ loaded: total, total, lengthComputable: true } as ProgressEvent);
        this.status = FakeXhr.reply.status;
        this.responseText = JSON.stringify(FakeXhr.reply.body);
        this.onload?.();
      }, 20);
    }, 20);
  }
}

function listing(items: ImportDto[]): FakeApi {
  return fakeApi().on('GET', BASE, { status: 200, body: { items, nextCursor: null } });
}

const csvFile = (name = 'history.csv') =>
  new File(['id,type,channel,occurred_at\nc-1,comment,instagram,2026-01-01T00:00:00Z\n'], name, {
    type: 'text/csv',
  });

// Not vi.stubGlobal: unstubbing would also take away the fake fetch the set-up installed for good.
const RealXhr = globalThis.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.sent = [];
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
});
afterEach(() => {
  globalThis.XMLHttpRequest = RealXhr;
});

describe('Import events', () => {
  it('explains the format with an example and lists imports with their progress', async () => {
    listing([
      item(),
      item({
        id: '01950000-0000-7000-8000-000000000000',
        status: 'done',
        filename: null,
        rowsBooked: 8,
        rowsRejected: 0,
        outcomes: { awarded: 7, no_match: 0, capped: 0, retracted: 0, duplicate: 1, rejected: 0 },
        points: 70,
      }),
    ]);
    renderScreen(<ImportsPage />, PAGE);

    expect(await screen.findByRole('heading', { level: 1, name: 'Import events' })).toBeTruthy();
    const columns = screen.getByRole('table', { name: 'Columns of an import file' });
    expect(within(columns).getByText('occurred_at')).toBeTruthy();
    expect(within(columns).getByText('prop.<name>')).toBeTruthy();
    expect(within(columns).getAllByText('required')).toHaveLength(3);
    expect(screen.getByTestId('import-example').textContent).toMatch(/^id,type,channel,occurred_at/);
    expect(screen.getByRole('button', { name: 'Download template' })).toBeTruthy();

    const rows = await screen.findAllByTestId('import-row');
    expect(rows).toHaveLength(2);
    const running = rows[0]!;
    expect(within(running).getByTestId('import-status').textContent).toBe('Booking');
    expect(within(running).getByTestId('import-booked').textContent).toBe('3 of 8 rows booked');
    expect(
      within(running).getByRole('progressbar', { name: 'Booking progress of history.csv' }),
    ).toBeTruthy();
    expect(within(running).getByTestId('import-outcomes').textContent).toBe('2 awarded1 no match');
    expect(within(running).getByTestId('import-points').textContent).toBe('Points booked, net: 20');
    expect(within(running).getByTestId('import-refused').textContent).toBe('2');
    expect(within(running).getByRole('button', { name: 'Download errors.csv' })).toBeTruthy();
    const done = rows[1]!;
    expect(within(done).getByText('Unnamed file')).toBeTruthy();
    expect(within(done).getByTestId('import-status').textContent).toBe('Done');
    expect(within(done).queryByRole('button', { name: 'Download errors.csv' })).toBeNull();
  });

  it('asks again every two seconds while an import is booking', async () => {
    const api = listing([item()]);
    renderScreen(<ImportsPage />, PAGE);
    await screen.findByText('3 of 8 rows booked');
    api.on('GET', BASE, {
      status: 200,
      body: { items: [item({ status: 'done', rowsBooked: 8 })], nextCursor: null },
    });
    await waitFor(() => expect(screen.getByText('8 of 8 rows booked')).toBeTruthy(), { timeout: 4000 });
    expect(screen.getByTestId('import-status').textContent).toBe('Done');
    const polls = api.sent('GET', BASE).length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Done: no more polling.
    expect(api.sent('GET', BASE).length).toBe(polls);
  });

  it('uploads the chosen file as text/csv and shows what the API made of it', async () => {
    const user = userEvent.setup();
    const api = listing([]);
    FakeXhr.reply = { status: 202, body: detail() };
    renderScreen(<ImportsPage />, PAGE);
    await screen.findByText('No imports yet.');

    const input = screen
      .getByTestId('import-drop-zone')
      .querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, csvFile());
    expect(screen.getByTestId('import-file').textContent).toMatch(/^history\.csv \(/);
    api.on('GET', BASE, {
      status: 200,
      body: { items: [item({ status: 'queued', rowsBooked: 0 })], nextCursor: null },
    });
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const answer = await screen.findByTestId('import-upload-answer');
    expect(within(answer).getByText('Import of history.csv started')).toBeTruthy();
    expect(within(answer).getByText(/10 rows read — to book: 8, refused: 2/)).toBeTruthy();
    const sample = within(answer).getByRole('table', { name: 'First refused rows' });
    expect(within(sample).getByText('type: must be one of follow, like, …')).toBeTruthy();
    expect(within(sample).getByText('5')).toBeTruthy();
    expect(FakeXhr.sent).toHaveLength(1);
    expect(FakeXhr.sent[0]).toMatchObject({
      url: `${BASE}?filename=history.csv`,
      contentType: 'text/csv',
    });
    expect(FakeXhr.sent[0]?.body).toBeInstanceOf(File);
    // The list is asked again and shows the new import.
    expect(await screen.findByText('0 of 8 rows booked')).toBeTruthy();
  });

  it('says when the same file was imported before', async () => {
    const user = userEvent.setup();
    listing([item({ status: 'done' })]);
    FakeXhr.reply = { status: 200, body: detail({ status: 'done' }) };
    renderScreen(<ImportsPage />, PAGE);
    await screen.findAllByTestId('import-row');
    const input = screen
      .getByTestId('import-drop-zone')
      .querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, csvFile());
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const answer = await screen.findByTestId('import-upload-answer');
    expect(within(answer).getByText('This file was imported before')).toBeTruthy();
    expect(within(answer).getByText(/nothing was booked again/)).toBeTruthy();
  });

  it('shows the problem the API answered, with each column it names', async () => {
    const user = userEvent.setup();
    listing([]);
    FakeXhr.reply = {
      status: 400,
      body: {
        type: 'https://fanfare.dev/problems/validation_failed',
        title: 'Bad Request',
        status: 400,
        detail: 'The header row of the file is not valid; nothing was imported.',
        code: 'validation_failed',
        errors: [
          { field: 'when', reason: 'is not a column of an event import' },
          { field: 'occurred_at', reason: 'is a required column and missing from the header row' },
        ],
      },
    };
    renderScreen(<ImportsPage />, PAGE);
    await screen.findByText('No imports yet.');
    const input = screen
      .getByTestId('import-drop-zone')
      .querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, csvFile());
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The file was not imported')).toBeTruthy();
    expect(
      within(alert).getByText('The header row of the file is not valid; nothing was imported.'),
    ).toBeTruthy();
    expect(within(alert).getByTestId('import-upload-errors').textContent).toContain(
      'occurred_at: is a required column and missing from the header row',
    );
  });

  it('refuses a file that is not CSV before sending it', async () => {
    const user = userEvent.setup({ applyAccept: false });
    listing([]);
    renderScreen(<ImportsPage />, PAGE);
    await screen.findByText('No imports yet.');
    const input = screen
      .getByTestId('import-drop-zone')
      .querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['x'], 'photo.png', { type: 'image/png' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/“photo\.png” is not a CSV file/);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('shows analysts the imports without the upload', async () => {
    listing([item({ status: 'done', rowsBooked: 8 })]);
    renderScreen(<ImportsPage />, { ...PAGE, role: 'analyst' });
    expect(await screen.findByText(/Only owners and managers can import events/)).toBeTruthy();
    expect(await screen.findAllByTestId('import-row')).toHaveLength(1);
    expect(screen.queryByTestId('import-drop-zone')).toBeNull();
  });
});
