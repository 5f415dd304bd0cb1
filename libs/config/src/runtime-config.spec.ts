import { loadRuntimeConfig } from './runtime-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/customs' };

describe('loadRuntimeConfig', () => {
  it('applies defaults', () => {
    const c = loadRuntimeConfig(base);
    expect(c.port).toBe(3000);
    expect(c.temporalAddress).toBe('127.0.0.1:7233');
    expect(c.redTopShare).toBeLessThanOrEqual(c.yellowTopShare);
  });
  it('names a missing DATABASE_URL', () => {
    expect(() => loadRuntimeConfig({})).toThrow(/DATABASE_URL/);
  });
  it('rejects a share outside 0..1', () => {
    expect(() => loadRuntimeConfig({ ...base, CONTROL_SHARE: '1.5' })).toThrow(/CONTROL_SHARE/);
  });
  it('rejects YELLOW share below RED share', () => {
    expect(() => loadRuntimeConfig({ ...base, RED_TOP_SHARE: '0.2', YELLOW_TOP_SHARE: '0.1' })).toThrow(/YELLOW_TOP_SHARE/);
  });
});
