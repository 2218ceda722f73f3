import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGE_CATALOG } from './message-catalog';
import { asyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document for subscribers', () => {
  const document = asyncApiDocument() as { channels: Record<string, { address: string }>; components: { schemas: Record<string, unknown> } };

  it('has a channel and a payload schema for every event', () => {
    const events = MESSAGE_CATALOG.filter((definition) => definition.kind === 'event');
    expect(Object.values(document.channels).map((channel) => channel.address).sort()).toEqual(events.map((event) => event.type).sort());
    for (const event of events) expect(document.components.schemas).toHaveProperty(event.payload.name);
  });

  it('is what docs/asyncapi.json holds (run `npm run docs:asyncapi` after changing a contract)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../../../../docs/asyncapi.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
