import { brokerManagement, queueLengthPolicy, queueLengthPolicyName } from './queue-length-limit';

describe('brokerManagement', () => {
  it.each([
    ['amqp://guest:guest@127.0.0.1:5672', '', { baseUrl: 'http://127.0.0.1:15672', username: 'guest', password: 'guest', vhost: '/' }],
    ['amqp://app:s%40cret@rabbitmq.itsm.svc:5672/', '', { baseUrl: 'http://rabbitmq.itsm.svc:15672', username: 'app', password: 's@cret', vhost: '/' }],
    ['amqps://app:pw@broker.example.com/itsm%2Fprod', '', { baseUrl: 'https://broker.example.com:15671', username: 'app', password: 'pw', vhost: 'itsm/prod' }],
    ['amqp://app:pw@rabbitmq:5672/itsm', 'https://admin:adminpw@mgmt.example.com/rabbit/', { baseUrl: 'https://mgmt.example.com/rabbit', username: 'admin', password: 'adminpw', vhost: 'itsm' }],
    ['amqp://app:pw@rabbitmq:5672/itsm', 'http://mgmt:15672', { baseUrl: 'http://mgmt:15672', username: 'app', password: 'pw', vhost: 'itsm' }],
    ['amqp://rabbitmq', '', { baseUrl: 'http://rabbitmq:15672', username: 'guest', password: 'guest', vhost: '/' }],
  ])('%s with management URL %j', (amqpUrl, managementUrl, expected) => {
    expect(brokerManagement(amqpUrl, managementUrl)).toEqual(expected);
  });
});

describe('queueLengthPolicy', () => {
  it.each([
    [{ maxMessages: 10_000, maxBytes: 67_108_864 }, { 'max-length': 10_000, 'max-length-bytes': 67_108_864, overflow: 'reject-publish' }],
    [{ maxMessages: 5, maxBytes: 0 }, { 'max-length': 5, overflow: 'reject-publish' }],
  ])('%j refuses publishes past the limit, never drops: %j', (limit, definition) => {
    expect(queueLengthPolicy('itsm.operation.incident-intake', limit)).toEqual({
      pattern: '^itsm\\.operation\\.incident-intake$',
      definition,
      priority: 10,
      'apply-to': 'queues',
    });
  });

  it('matches the queue alone, its name taken literally', () => {
    const pattern = new RegExp(queueLengthPolicy('itsm.operation.incident-intake', { maxMessages: 1, maxBytes: 0 }).pattern);
    expect(['itsm.operation.incident-intake', 'itsmXoperation.incident-intake', 'itsm.operation.incident-intake.v2', 'x.itsm.operation.incident-intake'].map((name) => pattern.test(name))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it.each([0, -1, 1.5])('refuses a count bound of %p (a queue is never left without one)', (maxMessages) => {
    expect(() => queueLengthPolicy('q', { maxMessages, maxBytes: 0 })).toThrow(RangeError);
  });

  it('is named after the queue', () => {
    expect(queueLengthPolicyName('itsm.operation.incident-intake')).toBe('itsm.operation.incident-intake.length-limit');
  });
});
