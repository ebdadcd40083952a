import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv';

describe('CSV neutralising', () => {
  it.each(['=SUM(A1:A2)', '+8613800000000', '-2+3', '@cmd', '\t=1', '\r=1'])('prefixes %j so a spreadsheet does not run it', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });
  it('leaves ordinary text, numbers in the middle and Chinese alone', () => {
    expect(neutraliseCell('查看个人信息 a=b')).toBe('查看个人信息 a=b');
    expect(neutraliseCell('u-lead-1')).toBe('u-lead-1');
  });
  it('quotes commas, quotes and newlines after neutralising', () => {
    const csv = toCsv(['a', 'b'], [['=HYPERLINK("x","y")', 'line1\nline2'], [null, 3]]);
    const lines = csv.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('a,b');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"",""y"")","line1\nline2"`);
    expect(lines[2]).toBe(',3');
  });
  it('starts with a BOM so Excel reads Chinese as UTF-8', () => {
    expect(toCsv(['x'], []).startsWith('\uFEFF')).toBe(true);
  });
});
