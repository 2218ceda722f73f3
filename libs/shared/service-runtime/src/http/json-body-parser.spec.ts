import { MAX_JSON_DEPTH, RuleViolationError } from '@itsm/contracts';
import { JsonBodyError, parseJsonBody } from './json-body-parser';

const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
const thrown = (body: string): unknown => {
  try {
    parseJsonBody(body);
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
};

describe('parseJsonBody', () => {
  it.each([
    ['an object', '{"title":"VPN down","impact":2}', { title: 'VPN down', impact: 2 }],
    ['the deepest nesting allowed', nested(MAX_JSON_DEPTH), JSON.parse(nested(MAX_JSON_DEPTH)) as unknown],
    ['a $ key or a NUL (left to the contract validation, which names the field)', '{"$where":"\\u0000"}', { $where: '\u0000' }],
    ['an array', '[1,2]', [1, 2]],
  ])('parses %s', (_case, body, value) => {
    expect(parseJsonBody(body)).toEqual(value);
  });

  it.each([
    ['an empty body', '', "Body cannot be empty when content-type is set to 'application/json'"],
    ['text that is not JSON', '{"name":', 'Body is not valid JSON'],
    ['a form', 'name=x&type=business', 'Body is not valid JSON'],
  ])('refuses %s with 400', (_case, body, message) => {
    const error = thrown(body);
    expect(error).toBeInstanceOf(JsonBodyError);
    expect(error).toMatchObject({ statusCode: 400, message });
  });

  it.each([
    ['one level too deep', `{"title":${nested(MAX_JSON_DEPTH)}}`, 'title', `title is nested more than ${MAX_JSON_DEPTH} levels deep`],
    ['3,000 levels', `{"title":${nested(3_000)}}`, 'title', `title is nested more than ${MAX_JSON_DEPTH} levels deep`],
    ['__proto__ in valid JSON', '{"__proto__":{"admin":true},"name":"x"}', '(root)', 'the key "__proto__" is not accepted'],
    ['constructor.prototype', '{"a":{"constructor":{"prototype":{"admin":true}}}}', 'a', 'the key "constructor" is not accepted'],
  ])('refuses %s with 400 naming the field, never "not valid JSON"', (_case, body, field, message) => {
    const error = thrown(body);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).issues).toEqual([{ field, messages: [message] }]);
  });
});
