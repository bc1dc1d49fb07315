import { Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

export interface DataTableColumn {
  key: string;
  header: string;
  /** Only for screen readers (a column of buttons, of expand toggles). */
  hiddenHeader?: boolean;
  /** Numbers line up on the right. */
  align?: 'right';
}

interface DataTableProps<TRow> {
  /** The table's accessible name. */
  label: string;
  testId?: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  verticalSpacing?: 'xs' | 'sm';
  columns: readonly DataTableColumn[];
  rows: readonly TRow[];
  rowKey: (row: TRow) => string;
  /**
   * The `Table.Tr` of one row; more than one where a row unfolds into details below it (they span
   * `columns.length` cells).
   */
  renderRow: (row: TRow) => ReactNode;
  /** Shown across the whole width while there are no rows. */
  emptyText: string;
}

/**
 * A list of records as a table: a header row from `columns`, a line saying so when there are none,
 * and each row as `renderRow` draws it (its cells, badges and actions are the caller's).
 */
export function DataTable<TRow>({
  label,
  testId,
  minWidth,
  verticalSpacing = 'sm',
  columns,
  rows,
  rowKey,
  renderRow,
  emptyText,
}: DataTableProps<TRow>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map(({ key, header, hiddenHeader, align }) => (
              <Table.Th key={key} scope="col" ta={align}>
                {hiddenHeader ? <VisuallyHidden>{header}</VisuallyHidden> : header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" ta="center" py="lg">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Fragment key={rowKey(row)}>{renderRow(row)}</Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
