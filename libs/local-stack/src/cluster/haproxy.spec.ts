import { haproxyConfig } from './haproxy';

describe('haproxyConfig', () => {
  const config = haproxyConfig(3080, [7312, 7313]);

  it('listens on loopback and balances over every API process with liveness checks', () => {
    expect(config).toContain('bind 127.0.0.1:3080');
    expect(config).toContain('server api-1 127.0.0.1:7312 check');
    expect(config).toContain('server api-2 127.0.0.1:7313 check');
    expect(config).toContain('option httpchk GET /api/health/live');
  });

  it('retries only requests that never reached a process', () => {
    const retryOn = config.split('\n').filter((l) => l.trim().startsWith('retry-on'));
    expect(retryOn).toEqual(['  retry-on conn-failure']);
  });
});
