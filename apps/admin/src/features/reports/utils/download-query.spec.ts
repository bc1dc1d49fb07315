import { describe, expect, it } from 'vitest';

import {
  DEFAULT_DOWNLOAD_OPTIONS,
  fallbackFilename,
  rangeExportQuery,
  seriesExportQuery,
} from './download-query';
import type { SeriesQuery } from './report-filters';

const series: SeriesQuery = {
  from: '2026-01-01',
  to: '2026-01-31',
  granularity: 'week',
  channel: 'instagram',
  campaignId: '0190-campaign',
};

describe('download options → query', () => {
  it('exports the series with the filters on the screen and the chosen options', () => {
    expect(seriesExportQuery(series, { format: 'excel-de', pseudonymize: true })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      granularity: 'week',
      channel: 'instagram',
      campaignId: '0190-campaign',
      format: 'excel-de',
      pseudonymize: 'true',
    });
  });

  it('exports fans and the ledger for the range only, without channel, campaign or granularity', () => {
    expect(rangeExportQuery(series, { format: 'csv', pseudonymize: true })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      format: 'csv',
      pseudonymize: 'true',
    });
  });

  it('always says format and pseudonymisation, also for the defaults', () => {
    const query = rangeExportQuery(
      { from: '2026-01-01', to: '2026-01-02', granularity: 'day' },
      DEFAULT_DOWNLOAD_OPTIONS,
    );
    expect(query).toEqual({ from: '2026-01-01', to: '2026-01-02', format: 'csv', pseudonymize: 'false' });
  });

  it('names a file the server did not name after its kind and range', () => {
    expect(fallbackFilename('ledger', series)).toBe('ledger-2026-01-01-2026-01-31.csv');
  });
});
