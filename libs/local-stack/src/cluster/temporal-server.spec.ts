import { parse } from 'yaml';
import { temporalDynamicConfig, temporalServerConfig, type TemporalServerPorts } from './temporal-server';

const ports: TemporalServerPorts = {
  frontend: 7302, frontendHttp: 7303, frontendMembership: 7304, history: 7305, historyMembership: 7306,
  matching: 7307, matchingMembership: 7308, worker: 7309, workerMembership: 7310, metrics: 7311,
};
const db = { host: '127.0.0.1', port: 7301, user: 'customs', password: 'customs', persistence: 'temporal', visibility: 'temporal_visibility' };

describe('temporalServerConfig', () => {
  const config = parse(temporalServerConfig(db, ports, '/tmp/dc.yaml', 16));

  it('keeps persistence and visibility on PostgreSQL through the postgres12 plugin', () => {
    expect(config.persistence.numHistoryShards).toBe(16);
    expect(config.persistence.datastores.default.sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal', connectAddr: '127.0.0.1:7301' });
    expect(config.persistence.datastores.visibility.sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal_visibility' });
  });

  it('runs the four services on loopback, the cluster reachable at the frontend', () => {
    for (const service of ['frontend', 'history', 'matching', 'worker']) expect(config.services[service].rpc.bindOnLocalHost).toBe(true);
    expect(config.services.frontend.rpc).toMatchObject({ grpcPort: 7302, membershipPort: 7304, httpPort: 7303 });
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:7302');
    expect(config.dynamicConfigClient.filepath).toBe('/tmp/dc.yaml');
  });

  it('reads search attributes fresh, so a start right after registering one is accepted', () => {
    expect(parse(temporalDynamicConfig())['system.forceSearchAttributesCacheRefreshOnRead'][0].value).toBe(true);
  });
});
