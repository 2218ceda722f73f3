import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { CLOUDEVENTS_CONTENT_TYPE, CLOUDEVENTS_SPEC_VERSION, EVENT_DATA_CONTENT_TYPE } from '../cloud-event/cloud-event';
import { MESSAGE_CATALOG } from './message-catalog';
import { ITSM_EVENTS_EXCHANGE } from '../topology/exchanges';
import { jsonSchemaOptions } from '../validation/json-schema-options';

const SCHEMAS = '#/components/schemas/';
const SCHEMA_OPTIONS = jsonSchemaOptions(SCHEMAS);

/**
 * The AsyncAPI 3 description of every event on itsm.events, generated from
 * MESSAGE_CATALOG and the payload classes' validation rules, so the document
 * outside subscribers read cannot drift from what consumers check.
 * `npm run docs:asyncapi` writes it to docs/asyncapi.json; a unit test keeps it current.
 */
export function asyncApiDocument(): object {
  const events = MESSAGE_CATALOG.filter((definition) => definition.kind === 'event');
  const key = (type: string) => type.replace(/^itsm\./, '').replace(/[.-]([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
  const channels: Record<string, object> = {};
  const operations: Record<string, object> = {};
  const messages: Record<string, object> = {};
  const payloads: Record<string, object> = {};
  for (const event of events) {
    const name = key(event.type);
    channels[name] = {
      address: event.type,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      bindings: { amqp: { is: 'routingKey', exchange: { name: ITSM_EVENTS_EXCHANGE, type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: '0.3.0' } },
    };
    operations[`receive${name.charAt(0).toUpperCase()}${name.slice(1)}`] = { action: 'receive', channel: { $ref: `#/channels/${name}` }, summary: event.summary };
    messages[name] = {
      name: event.type,
      summary: event.summary,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      payload: {
        allOf: [
          { $ref: `${SCHEMAS}CloudEvent` },
          { type: 'object', properties: { type: { const: event.type }, source: { const: `/itsm/${event.type.split('.')[1]}` }, data: { $ref: `${SCHEMAS}${event.payload.name}` } } },
        ],
      },
      bindings: { amqp: { deliveryMode: 2, bindingVersion: '0.3.0' } },
    };
    // A payload class without rules of its own has no schema of its own; this resolves it through its parents.
    payloads[event.payload.name] = targetConstructorToSchema(event.payload, SCHEMA_OPTIONS);
  }
  const nested = validationMetadatasToSchemas(SCHEMA_OPTIONS);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'ITSM platform events',
      version: '1.0.0',
      description: `Domain events of the ITSM platform on the \`${ITSM_EVENTS_EXCHANGE}\` topic exchange. Each message is a CloudEvents ${CLOUDEVENTS_SPEC_VERSION} event in structured mode (content type ${CLOUDEVENTS_CONTENT_TYPE}); the routing key is the event type. See docs/EVENTS.md.`,
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: { rabbitmq: { host: 'rabbitmq:5672', protocol: 'amqp', protocolVersion: '0.9.1' } },
    channels,
    operations,
    components: { messages, schemas: sortedByName({ ...nested, ...payloads, CloudEvent: CLOUD_EVENT_SCHEMA }) },
  };
}

function sortedByName(schemas: Record<string, object>): Record<string, object> {
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const CLOUD_EVENT_SCHEMA = {
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'correlationid', 'causationid', 'data'],
  properties: {
    specversion: { const: CLOUDEVENTS_SPEC_VERSION },
    id: { type: 'string', format: 'uuid', description: 'Unique per event; deduplicate on it.' },
    source: { type: 'string', description: '/itsm/<service>' },
    type: { type: 'string', pattern: '^itsm\\.[a-z]+(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*$' },
    subject: { type: 'string', description: 'Id of the record the event is about.' },
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { const: EVENT_DATA_CONTENT_TYPE },
    correlationid: { type: 'string', description: 'Shared by every message caused by one original request.' },
    causationid: { type: 'string', description: 'Id of the message that directly caused this one.' },
    actorid: { type: 'string', description: 'User id of the verified caller whose request led to the event.' },
    data: { type: 'object' },
  },
};
