// Creates the catalog's topics, retrying while a freshly started broker finishes electing its controller.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'dist/libs/messaging/src/provisioning/provision-topics.main.js');

function build() {
  const result = spawnSync('npx', ['swc', 'apps', 'libs', '-d', 'dist', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

build();
for (let attempt = 1; ; attempt += 1) {
  const result = spawnSync(process.execPath, [entry], { cwd: root, encoding: 'utf8' });
  if (result.status === 0) {
    process.stderr.write(`[infra] ${result.stdout.trim()}\n`);
    break;
  }
  if (attempt === 20) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
  spawnSync('sleep', ['1']);
}
