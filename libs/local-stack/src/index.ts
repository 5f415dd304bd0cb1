/**
 * The system's services as local processes, for the fault-injection runs, the benchmarks and the
 * production topology on one machine: killable service processes (`ServiceProcess`), and the
 * cluster topology (`startClusterStack`: the Temporal server on PostgreSQL, two workers, two
 * APIs behind HAProxy) with the configuration files it writes.
 */
export { freePort, serviceReady, ServiceProcess, type ServiceProcessOptions } from './service-process';
export { API_PROCESSES, startClusterStack, WORKER_PROCESSES, type ClusterOptions, type ClusterStack } from './cluster/cluster-stack';
export { haproxyConfig } from './cluster/haproxy';
export {
  registerNamespace,
  setupTemporalSchema,
  TEMPORAL_SERVER_VERSION,
  temporalDynamicConfig,
  temporalServerBinaries,
  temporalServerConfig,
  type TemporalDatabase,
  type TemporalServerPorts,
} from './cluster/temporal-server';
