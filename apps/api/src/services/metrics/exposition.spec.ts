import { Registry, Counter, Histogram } from 'prom-client';
import { exposedNames, parseSamples, promqlMetricNames, sampleSum } from './exposition';

describe('Prometheus exposition reading', () => {
  it('lists the series of a histogram that has not been observed, and of counters by their samples', async () => {
    const registry = new Registry();
    new Histogram({ name: 'customs_x_seconds', help: 'x', labelNames: ['lane'], registers: [registry] });
    new Counter({ name: 'customs_y_total', help: 'y', registers: [registry] }).inc();
    const names = exposedNames(await registry.metrics());
    expect([...names].sort()).toEqual(['customs_x_seconds', 'customs_x_seconds_bucket', 'customs_x_seconds_count', 'customs_x_seconds_sum', 'customs_y_total']);
  });

  it('parses labels (escaped quotes too) and sums the samples that match', () => {
    const samples = parseSamples('# HELP a b\ncustoms_decisions_total{lane="RED",office="40"} 2\ncustoms_decisions_total{lane="RED",office="30"} 3\nm{v="a\\"b"} 1\n');
    expect(sampleSum(samples, 'customs_decisions_total', { lane: 'RED' })).toBe(5);
    expect(sampleSum(samples, 'customs_decisions_total', { lane: 'GREEN' })).toBe(0);
    expect(samples[2].labels.v).toBe('a"b');
    expect(() => parseSamples('{oops} 1')).toThrow(/not a Prometheus sample/);
  });

  it('finds the metric names of PromQL, not functions, labels, durations or Grafana variables', () => {
    const expr = 'histogram_quantile(0.95, sum by (le, route) (rate(customs_http_request_duration_seconds_bucket{route=~"/api/.*",status!="500"}[$__rate_interval])))'
      + ' / ignoring(route) sum(customs_outbox_depth offset 5m) and on(job) up';
    expect([...promqlMetricNames(expr)].sort()).toEqual(['customs_http_request_duration_seconds_bucket', 'customs_outbox_depth', 'up']);
    expect([...promqlMetricNames('sum(increase(customs_decisions_total[1h])) by (lane)')]).toEqual(['customs_decisions_total']);
  });
});
