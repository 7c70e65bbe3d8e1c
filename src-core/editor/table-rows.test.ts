import { describe, expect, it } from 'vitest';
import { DnsRecordSchema } from '../protocols/dns/schema';
import { addRow, deleteRow, hasCell, newRow, setCell } from './table-rows';
import { tableLayout } from './table-columns';

const { columns } = tableLayout(DnsRecordSchema, { nodeIds: [], linkIds: [] });
const column = (key: string) => columns.find((c) => c.key === key)!;

describe('table rows', () => {
  it('a new row is the first variant with its required cells; a TTL starts at the schema\'s example, an hour (0 would keep it out of every cache)', () => {
    expect(newRow(columns)).toEqual({ type: 'A', name: '', ttl: 3600, address: '' });
    expect(newRow([], ['records'])).toEqual({ records: [] });
  });

  it('changing the discriminator keeps shared cells, drops the old variant\'s, adds the new one\'s', () => {
    const rows = [{ type: 'A', name: 'www', ttl: 60, address: '10.0.0.1' }];
    const mx = setCell(rows, 0, column('type'), 'MX', columns);
    expect(mx).toEqual([{ type: 'MX', name: 'www', ttl: 60, preference: 0, exchange: '' }]);
    expect(rows[0]).toEqual({ type: 'A', name: 'www', ttl: 60, address: '10.0.0.1' });
    expect(hasCell(mx[0]!, column('address'))).toBe(false);
    expect(hasCell(mx[0]!, column('exchange'))).toBe(true);
  });

  it('sets, removes, adds and deletes without touching other rows', () => {
    const rows = [{ type: 'A', name: 'a', ttl: 1, address: '10.0.0.1' }, { type: 'A', name: 'b', ttl: 1, address: '10.0.0.2' }];
    const edited = setCell(rows, 1, column('ttl'), 5, columns);
    expect(edited[0]).toBe(rows[0]);
    expect(edited[1]).toMatchObject({ ttl: 5 });
    expect('ttl' in setCell(rows, 0, column('ttl'), undefined, columns)[0]!).toBe(false);
    expect(addRow(rows, columns)).toHaveLength(3);
    expect(deleteRow(rows, 0)).toEqual([rows[1]]);
  });
});
