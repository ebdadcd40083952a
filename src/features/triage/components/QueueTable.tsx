import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { functionalUpdate, useTable, type SortingState, type Updater } from '@tanstack/react-table';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@/api/schemas';
import { queueColumns, queueFeatures } from './queue-columns';
import styles from './QueueTable.module.css';

type Props = {
  rows: Complaint[];
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  onOpen: (id: string) => void;
  selectedId?: string;
  /** A newer page is on its way; the rows shown are the previous ones. */
  fetching?: boolean;
};

/**
 * The queue grid. Headless Table v9 with server-side sorting (`manualSorting`): the table only keeps
 * the header state in step with the URL; the rows arrive already sorted and paged.
 */
export function QueueTable({ rows, sorting, onSortingChange, onOpen, selectedId, fetching }: Props) {
  const { t } = useTranslation();
  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => onSortingChange(functionalUpdate(updater, sorting)),
  });

  const onRowKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(id);
    }
  };

  return (
    <div className={styles.wrap}>
      <table className={`${styles.table} ${fetching ? styles.fetching : ''}`} data-testid="complaint-table" aria-busy={fetching}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const canSort = header.column.getCanSort();
                const dir = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    style={{ width: header.getSize() }}
                    className={canSort ? styles.sortable : undefined}
                    onClick={canSort ? header.column.getToggleSortingHandler() : undefined}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    title={canSort ? t('queue.sortHint') : undefined}
                    data-testid={`col-${header.column.id}`}
                  >
                    <table.FlexRender header={header} />
                    {canSort && (
                      <span className={`${styles.sortIcon} ${dir ? styles.sortActive : ''}`}>
                        {dir === 'desc' ? <CaretDownOutlined /> : dir === 'asc' ? <CaretUpOutlined /> : <CaretUpOutlined style={{ opacity: 0.4 }} />}
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={`${styles.row} ${row.id === selectedId ? styles.selected : ''}`}
              data-testid="complaint-row"
              data-id={row.id}
              tabIndex={0}
              aria-selected={row.id === selectedId}
              onClick={() => onOpen(row.id)}
              onKeyDown={(e) => onRowKey(e, row.id)}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
