import { describe, expect, it } from 'vitest';
import { applyDiff, diffChars } from './textDiff';

describe('diffChars', () => {
  it('marks only the name and amount that differ between two instances of one template', () => {
    const a = '本人张三在某某分期借款58000元，因重病无力偿还，要求停息挂账。';
    const b = '本人李四在某某分期借款32000元，因重病无力偿还，要求停息挂账。';
    const segments = diffChars(a, b);
    expect(applyDiff(segments)).toEqual({ a, b });
    const changed = segments.filter((s) => s.op !== 'equal').map((s) => s.text);
    expect(changed).toEqual(['张三', '李四', '58', '32']);
  });

  it('returns one equal segment for identical texts and whole replacements for unrelated ones', () => {
    expect(diffChars('停息挂账', '停息挂账')).toEqual([{ op: 'equal', text: '停息挂账' }]);
    const segments = diffChars('甲乙丙', '丁戊己');
    expect(segments).toEqual([
      { op: 'delete', text: '甲乙丙' },
      { op: 'insert', text: '丁戊己' },
    ]);
  });

  it('handles empty sides and texts longer than the comparison window', () => {
    expect(diffChars('', 'abc')).toEqual([{ op: 'insert', text: 'abc' }]);
    const long = 'x'.repeat(2000);
    expect(applyDiff(diffChars(long, long + 'y'))).toEqual({ a: long, b: long + 'y' });
  });
});
