// Where the integration tests find the real infrastructure; scripts/test.sh exports the same variables.
function hostPort(url, fallbackPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || fallbackPort) };
}

function testInfrastructure(env = process.env) {
  const [broker] = (env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
  const [host, port] = broker.trim().split(':');
  return {
    kafka: { host, port: Number(port) },
    postgres: hostPort(env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/hashproof_test', 5432),
    redis: hostPort(env.REDIS_URL || 'redis://127.0.0.1:6379', 6379),
  };
}

module.exports = { testInfrastructure };
