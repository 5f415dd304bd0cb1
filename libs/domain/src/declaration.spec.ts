import { mostSevereLane } from './declaration';

describe('mostSevereLane', () => {
  it('is GREEN for no lanes', () => expect(mostSevereLane([])).toBe('GREEN'));
  it('picks RED over YELLOW and GREEN', () => expect(mostSevereLane(['YELLOW', 'RED', 'GREEN'])).toBe('RED'));
  it('picks YELLOW over GREEN', () => expect(mostSevereLane(['GREEN', 'YELLOW'])).toBe('YELLOW'));
});
