import { Writable } from 'node:stream';

/** A stream that keeps what is written to it, for a test to read back line by line (a logger's destination). */
export function captureLines(): { stream: Writable; lines: () => string[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}
