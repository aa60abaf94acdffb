export { kafkaTestClient } from './kafka-test-client';
export { localKafka } from './local-kafka';
export { freePort, type ProcessEnd, ServiceProcess } from './service-process';
export { connectAsAdmin, testDatabaseName, testDatabaseUrl } from './test-database';
export { waitFor } from './wait-for';
export { type RigTally, runAudit, runRig, startDevPool, stopProcess } from './stratum-processes';
