import { randomUUID } from 'node:crypto';
import { connectionChangedV1, shareJudgedV1 } from '@hashproof/events';
import type { Producer, ProducerBatch } from 'kafkajs';
import { KafkaShareOutcomeSink } from './kafka-share-outcome.sink';

/** Records batches; fails the first `failures` sends as a broker outage would. */
function producerFailing(failures: number) {
  const batches: ProducerBatch[] = [];
  let remaining = failures;
  const producer = {
    sendBatch: (batch: ProducerBatch) => {
      if (remaining > 0) {
        remaining -= 1;
        return Promise.reject(new Error('broker unavailable'));
      }
      batches.push(batch);
      return Promise.resolve([]);
    },
  } as unknown as Producer;
  return { producer, batches };
}

const rentalId = randomUUID();
const hash = Buffer.alloc(32, 0);
hash[31] = 0xab; // internal byte order: the explorer form starts with "ab"

function judgeOne(sink: KafkaShareOutcomeSink): void {
  sink.shareJudged({
    rentalId,
    connectionId: 'c-1',
    at: new Date('2026-11-24T08:00:00Z'),
    verdict: { valid: true, reason: null, hash, achievedDifficulty: 3, assignedDifficulty: 0.5, blockCandidate: false },
    forwarded: true,
    poolVerdict: 'accepted',
    blockCandidate: false,
  });
}

describe('KafkaShareOutcomeSink', () => {
  it('sends judged shares and connection changes in the events’ wire form, keyed by rental', async () => {
    const { producer, batches } = producerFailing(0);
    const sink = new KafkaShareOutcomeSink(producer);
    judgeOne(sink);
    sink.connectionChanged({
      rentalId,
      connectionId: 'c-1',
      at: new Date('2026-11-24T08:00:01Z'),
      kind: 'pool-disconnected',
    });
    await sink.close();

    const sent = batches.flatMap((batch) => batch.topicMessages ?? []);
    const share = sent.find((topic) => topic.topic === shareJudgedV1.topic)?.messages[0];
    const change = sent.find((topic) => topic.topic === connectionChangedV1.topic)?.messages[0];
    expect(share?.key).toBe(rentalId);
    expect(shareJudgedV1.deserialize(share?.value as string).value).toMatchObject({
      valid: true,
      assignedDifficulty: 0.5,
      forwarded: true,
      poolVerdict: 'accepted',
      hash: `ab${'00'.repeat(31)}`,
    });
    expect(connectionChangedV1.deserialize(change?.value as string).value).toMatchObject({ kind: 'pool-disconnected' });
  });

  it('keeps evidence through a failed send and delivers it on the next attempt, once', async () => {
    const { producer, batches } = producerFailing(1);
    const sink = new KafkaShareOutcomeSink(producer);
    judgeOne(sink);
    judgeOne(sink);
    await sink.close(); // the first attempt fails: nothing is dropped
    expect(batches).toHaveLength(0);
    await sink.close();
    const messages = batches.flatMap((batch) => batch.topicMessages ?? []).flatMap((topic) => topic.messages);
    expect(messages).toHaveLength(2);
  });
});
