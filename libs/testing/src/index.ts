export { consumerGroupAtTopicEnds } from './consumer-group-at-topic-ends';
export { testInternalApiToken } from './internal-api-token';
export { kafkaTestClient, testKafkaBrokers } from './kafka-test-client';
export { localKafka } from './local-kafka';
export { freePort, type ProcessEnd, ServiceProcess } from './service-process';
export { connectAsAdmin, testDatabaseName, testDatabaseUrl } from './test-database';
export { startStripeStandIn, type StripeStandInOptions, type StripeStandInProcess } from './stripe-stand-in-process';
export { waitFor } from './wait-for';
export { type RigTally, runAudit, runRig, startDevPool, stopProcess } from './stratum-processes';
