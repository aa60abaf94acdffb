import { deadLetterHeaders } from '@hashproof/events';
import type { Producer, ProducerRecord } from 'kafkajs';
import { type DeadLetter, DeadLetterPublisher, requestsOf } from './dead-letter-publisher';

const mebibyte = 1024 * 1024;

function letter(offset: number, valueBytes: number): DeadLetter {
  return {
    message: {
      topic: 'shares.judged.v1',
      partition: 2,
      offset: String(offset),
      key: 'rental',
      value: 'x'.repeat(valueBytes),
    },
    reason: 'no delivery contract for rental',
  };
}

/** Refuses a request over 1 MiB as a broker with the default max.message.bytes refuses its record batch. */
function brokerWithDefaultLimit() {
  const requests: ProducerRecord[] = [];
  const producer = {
    send: (record: ProducerRecord) => {
      const bytes = record.messages.reduce((sum, message) => sum + String(message.value).length, 0);
      if (bytes > mebibyte) return Promise.reject(new Error('MESSAGE_TOO_LARGE'));
      requests.push(record);
      return Promise.resolve([]);
    },
  } as unknown as Producer;
  return { producer, requests };
}

describe('DeadLetterPublisher', () => {
  it('sends a large batch of letters in requests the broker accepts, all of them, in order', async () => {
    const { producer, requests } = brokerWithDefaultLimit();
    const letters = Array.from({ length: 2_000 }, (_, offset) => letter(offset, 1_500));
    await new DeadLetterPublisher(producer, 'hashrate-verifier.evidence').publishAll(letters);

    expect(requests.length).toBeGreaterThan(1);
    const sent = requests.flatMap((request) => request.messages);
    expect(sent.map((message) => message.headers?.[deadLetterHeaders.sourceOffset])).toEqual(
      letters.map(({ message }) => message.offset),
    );
    expect(sent[0]?.headers?.[deadLetterHeaders.consumerGroup]).toBe('hashrate-verifier.evidence');
  });

  it('sends nothing for no letters', async () => {
    const { producer, requests } = brokerWithDefaultLimit();
    await new DeadLetterPublisher(producer, 'group').publishAll([]);
    expect(requests).toEqual([]);
  });
});

describe('requestsOf', () => {
  it('keeps each request within half a mebibyte, and a message larger than that goes alone', () => {
    const messages = [100_000, 300_000, 200_000, 900_000, 10].map((bytes) => ({ key: null, value: 'x'.repeat(bytes) }));
    expect(requestsOf(messages).map((request) => request.map((message) => String(message.value).length))).toEqual([
      [100_000, 300_000],
      [200_000],
      [900_000],
      [10],
    ]);
  });
});
