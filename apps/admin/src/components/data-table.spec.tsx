// @vitest-environment jsdom
import { Table } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderScreen } from '@/test/render';

import { DataTable, type DataTableColumn } from './data-table';

interface Fruit {
  id: string;
  name: string;
  count: number;
}

const COLUMNS: DataTableColumn[] = [
  { key: 'name', header: 'Name' },
  { key: 'count', header: 'Count', align: 'right' },
  { key: 'actions', header: 'Actions', hiddenHeader: true },
];

function renderTable(rows: Fruit[], withDetails = false) {
  return renderScreen(
    <DataTable
      label="Fruit"
      testId="fruit-table"
      minWidth={400}
      columns={COLUMNS}
      rows={rows}
      rowKey={(fruit) => fruit.id}
      emptyText="No fruit yet."
      renderRow={(fruit) => (
        <>
          <Table.Tr data-testid="fruit-row">
            <Table.Th scope="row">{fruit.name}</Table.Th>
            <Table.Td ta="right">{fruit.count}</Table.Td>
            <Table.Td />
          </Table.Tr>
          {withDetails && (
            <Table.Tr data-testid="fruit-details">
              <Table.Td colSpan={COLUMNS.length}>About {fruit.name}</Table.Td>
            </Table.Tr>
          )}
        </>
      )}
    />,
    { path: '/', url: '/' },
  );
}

describe('DataTable', () => {
  it('names the table and its columns, the button column for screen readers only', () => {
    renderTable([{ id: 'a', name: 'Apple', count: 3 }]);

    const table = screen.getByRole('table', { name: 'Fruit' });
    expect(table.getAttribute('data-testid')).toBe('fruit-table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual(['Name', 'Count', 'Actions']);
    expect(headers.every((header) => header.getAttribute('scope') === 'col')).toBe(true);
    // VisuallyHidden: still read out, not shown.
    expect(within(headers[2]!).getByText('Actions').className).toContain('mantine-VisuallyHidden-root');
    expect(headers[0]!.querySelector('.mantine-VisuallyHidden-root')).toBeNull();
  });

  it('says so across all columns while there are no rows', () => {
    renderTable([]);

    const empty = screen.getByText('No fruit yet.');
    expect(empty.closest('td')?.getAttribute('colspan')).toBe('3');
    expect(screen.queryByTestId('fruit-row')).toBeNull();
  });

  it('draws each row as the caller renders it, details rows included, in order', () => {
    renderTable(
      [
        { id: 'a', name: 'Apple', count: 3 },
        { id: 'b', name: 'Banana', count: 12 },
      ],
      true,
    );

    expect(screen.queryByText('No fruit yet.')).toBeNull();
    const rows = screen.getAllByTestId(/^fruit-(row|details)$/);
    expect(rows.map((row) => row.textContent)).toEqual(['Apple3', 'About Apple', 'Banana12', 'About Banana']);
    expect(within(rows[0]!).getByRole('rowheader', { name: 'Apple' })).toBeTruthy();
  });
});
