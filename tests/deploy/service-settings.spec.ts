import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TOPIC_PROVISIONING_ENTRY } from './kubernetes-checks';
import { TOPIC_PROVISIONING_ONLY_SETTINGS, TOPIC_PROVISIONING_SOURCE } from './service-settings';

const ROOT = resolve(__dirname, '../..');

describe('topic provisioning settings', () => {
  it('are read by the provisioning entry point the manifests run', () => {
    const source = readFileSync(resolve(ROOT, TOPIC_PROVISIONING_SOURCE), 'utf8');
    for (const name of TOPIC_PROVISIONING_ONLY_SETTINGS) expect(source).toMatch(new RegExp(`\\b${name}:`));
    expect(TOPIC_PROVISIONING_ENTRY).toBe('dist/libs/messaging/src/provisioning/provision-topics.main.js');
  });
});
