import { PROMOTE_REASON, checkPromoteReason } from './promote-reason';

describe('checkPromoteReason', () => {
  it('asks for 10 to 2000 characters, as the API', () => {
    expect(PROMOTE_REASON).toEqual({ min: 10, max: 2000 });
  });

  it('sends the reason trimmed once it has 10 characters', () => {
    expect(checkPromoteReason('  Better recall  ')).toEqual({ reason: 'Better recall' });
    expect(checkPromoteReason('0123456789')).toEqual({ reason: '0123456789' });
  });

  it('refuses a shorter reason, blanks not counting', () => {
    expect(checkPromoteReason('012345678')).toEqual({ problem: 'models.reasonTooShort' });
    expect(checkPromoteReason('   short     ')).toEqual({ problem: 'models.reasonTooShort' });
    expect(checkPromoteReason('')).toEqual({ problem: 'models.reasonTooShort' });
  });
});
