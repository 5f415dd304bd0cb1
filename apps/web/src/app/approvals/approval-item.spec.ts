import { approvalKey } from './approval-item';

describe('approvalKey', () => {
  it('names a version as id@version', () => {
    expect(approvalKey({ id: 'CEN-WPN-101', version: 2 })).toBe('CEN-WPN-101@2');
  });
});
