import { RequestAnswer, RequestFormField, answerIssues, answeredInFormOrder } from './request-form';

/** The server checks every answer against the item's form, naming each answer that does not fit. */
describe('answerIssues', () => {
  const form: RequestFormField[] = [
    { key: 'model', label: 'Model', type: 'choice', required: true, allowedValues: ['standard', 'developer'] },
    { key: 'count', label: 'How many', type: 'number', required: true, min: 1, max: 5 },
    { key: 'reason', label: 'Reason', type: 'text', required: false, maxLength: 10 },
    { key: 'notes', label: 'Notes', type: 'textarea', required: false },
    { key: 'urgent', label: 'Urgent', type: 'boolean', required: false },
    { key: 'needed_by', label: 'Needed by', type: 'date', required: false },
    { key: 'contact', label: 'Contact', type: 'email', required: false },
    { key: 'extras', label: 'Extras', type: 'multi_choice', required: false, allowedValues: ['dock', 'bag', 'mouse'] },
    { key: 'for_user', label: 'For', type: 'user', required: false },
  ];
  const valid: RequestAnswer[] = [
    { key: 'model', value: 'developer' },
    { key: 'count', value: '2' },
  ];
  const withAnswer = (answer: RequestAnswer) => [...valid.filter((other) => other.key !== answer.key), answer];

  it('accepts answers that fit, and leaves unanswered optional questions alone', () => {
    expect(answerIssues(form, valid)).toEqual([]);
  });

  it.each<[string, RequestAnswer[], string, string]>([
    ['a required choice missing', [{ key: 'count', value: '1' }], 'answers.model', 'Model is required'],
    ['a required number blank', withAnswer({ key: 'count', value: '  ' }), 'answers.count', 'How many is required'],
    ['a choice not allowed', withAnswer({ key: 'model', value: 'gaming' }), 'answers.model', 'must be one of standard, developer'],
    ['a number that is not one', withAnswer({ key: 'count', value: 'two' }), 'answers.count', 'must be a number (decimal digits, optional sign and fraction)'],
    ['a number in exponent form', withAnswer({ key: 'count', value: '1e1' }), 'answers.count', 'must be a number (decimal digits, optional sign and fraction)'],
    ['a number below min', withAnswer({ key: 'count', value: '0' }), 'answers.count', 'must be at least 1'],
    ['a number above max', withAnswer({ key: 'count', value: '5.5' }), 'answers.count', 'must be at most 5'],
    ['a text too long', withAnswer({ key: 'reason', value: 'x'.repeat(11) }), 'answers.reason', 'must be at most 10 characters'],
    ['a textarea past the default', withAnswer({ key: 'notes', value: 'x'.repeat(10_001) }), 'answers.notes', 'must be at most 10000 characters'],
    ['a boolean spelled otherwise', withAnswer({ key: 'urgent', value: 'yes' }), 'answers.urgent', 'must be true or false'],
    ['a date that does not exist', withAnswer({ key: 'needed_by', value: '2026-02-30' }), 'answers.needed_by', 'must be a date, YYYY-MM-DD'],
    ['a date in another format', withAnswer({ key: 'needed_by', value: '30.11.2026' }), 'answers.needed_by', 'must be a date, YYYY-MM-DD'],
    ['an e-mail without a domain', withAnswer({ key: 'contact', value: 'alice@' }), 'answers.contact', 'must be an e-mail address'],
    ['a multi choice not allowed', withAnswer({ key: 'extras', values: ['dock', 'sticker'] }), 'answers.extras', 'sticker is not one of dock, bag, mouse'],
    ['a multi choice twice', withAnswer({ key: 'extras', values: ['dock', 'dock'] }), 'answers.extras', 'a choice is listed twice'],
    ['a multi choice given value', withAnswer({ key: 'extras', value: 'dock' }), 'answers.extras', 'a multi_choice question is answered with values, not value'],
    ['a single value given values', withAnswer({ key: 'model', values: ['standard'] }), 'answers.model', 'a choice question is answered with value, not values'],
    ['a user id with spaces around', withAnswer({ key: 'for_user', value: ' bob ' }), 'answers.for_user', 'must be a user id (at most 200 characters, no surrounding spaces)'],
    ['a question the form does not ask', [...valid, { key: 'colour', value: 'red' }], 'answers.colour', 'the form has no such question'],
    ['an answer twice', [...valid, { key: 'count', value: '3' }], 'answers.count', 'answered twice'],
  ])('%s: 400 naming the answer', (_case, answers, field, message) => {
    expect(answerIssues(form, answers)).toEqual([{ field, messages: [message] }]);
  });

  it('names every answer that does not fit, each once', () => {
    const issues = answerIssues(form, [
      { key: 'count', value: '9' },
      { key: 'urgent', value: 'maybe' },
    ]);
    expect(issues.map((issue) => issue.field)).toEqual(['answers.count', 'answers.urgent', 'answers.model']);
  });

  it.each<[string, RequestAnswer]>([
    ['a boolean', { key: 'urgent', value: 'false' }],
    ['a leap day', { key: 'needed_by', value: '2028-02-29' }],
    ['a text within its length', { key: 'reason', value: 'short' }],
    ['an e-mail', { key: 'contact', value: 'alice.smith@example.org' }],
    ['several choices', { key: 'extras', values: ['dock', 'mouse'] }],
    ['a user', { key: 'for_user', value: 'bob' }],
  ])('%s fits', (_case, answer) => {
    expect(answerIssues(form, withAnswer(answer))).toEqual([]);
  });

  it('stores only what was answered, in the form order', () => {
    const answers: RequestAnswer[] = [{ key: 'extras', values: [] }, { key: 'count', value: '2' }, { key: 'reason', value: ' ' }, { key: 'model', value: 'standard' }];
    expect(answeredInFormOrder(form, answers)).toEqual([{ key: 'model', value: 'standard' }, { key: 'count', value: '2' }]);
  });
});
