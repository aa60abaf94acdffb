import { once } from 'node:events';

/** Writes lines honouring back-pressure, so a huge audit piped to `head` does not buffer all of it. */
export async function writeLine(stream: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
}
