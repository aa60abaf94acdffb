export { kafkaTestClient } from './kafka-test-client';
export { freePort, ServiceProcess } from './service-process';
export { connectAsAdmin, testDatabaseName, testDatabaseUrl } from './test-database';
export { waitFor } from './wait-for';
