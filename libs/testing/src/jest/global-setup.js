// Integration tests need the real infrastructure that scripts/test.sh brings up; fail fast and clearly when it is not there.
const net = require('node:net');

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

module.exports = async function globalSetup() {
  const { testInfrastructure } = require('./test-infrastructure');
  const missing = [];
  for (const [name, { host, port }] of Object.entries(testInfrastructure())) {
    if (!(await reachable(host, port))) missing.push(`${name} at ${host}:${port}`);
  }
  if (missing.length > 0) {
    throw new Error(`integration tests need ${missing.join(', ')}: run them through 'npm test' (it starts them)`);
  }
};
