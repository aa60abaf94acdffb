import { randomUUID } from 'node:crypto';
import { connectAsAdmin, localKafka, type ServiceProcess, waitFor } from '@hashproof/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import { activateRental as activate, startContracts, startVerifierProcess } from '../testing/contracts-test-bench';

jest.setTimeout(240_000);

describe('a Kafka outage while the services run', () => {
  let contracts: INestApplicationContext;
  let verifier: ServiceProcess;
  let admin: Client;

  beforeAll(async () => {
    contracts = await startContracts();
    admin = await connectAsAdmin();
    verifier = await startVerifierProcess(`hashrate-verifier-outage-${randomUUID().slice(0, 8)}`, 'info');
  });

  afterAll(async () => {
    localKafka('up');
    await verifier?.stop();
    await contracts?.close();
    await admin?.end();
  });

  const activateRental = () => activate(contracts);

  async function measured(rentalId: string): Promise<boolean> {
    const { rows } = await admin.query('SELECT 1 FROM verifier.delivery_contracts WHERE rental_id = $1', [rentalId]);
    return rows.length === 1;
  }

  it('reports Kafka down on /health, keeps what happened meanwhile, and recovers without a restart', async () => {
    const before = await activateRental();
    await waitFor(() => measured(before), { what: 'delivery before the outage' });

    localKafka('down');
    await waitFor(async () => (await verifier.health()) === 503, { what: '/health to report the outage' });
    expect(await verifier.healthBody()).toMatchObject({
      status: 'error',
      error: { kafka: { status: 'down' } },
      info: { postgres: { status: 'up' } },
    });

    const duringOutage = await activateRental();
    localKafka('up');

    await waitFor(async () => (await verifier.health()) === 200, { timeoutMs: 60_000, what: '/health to recover' });
    await waitFor(() => measured(duringOutage), {
      timeoutMs: 120_000,
      what: 'the activation recorded during the outage to be delivered',
    });
  });

  it('shuts down on SIGTERM by closing in order, not by the forced-exit timeout', async () => {
    const end = await verifier.stop();
    // Nest re-raises the signal once its shutdown hooks have run; the forced exit would be code 1.
    expect(end).toEqual({ code: null, signal: 'SIGTERM' });
    expect(verifier.output.join('')).toContain('messaging stopped');
  });
});
