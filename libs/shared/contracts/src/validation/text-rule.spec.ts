import { TEXT_RULE, textRuleViolation } from './text-rule';

describe('the text rule', () => {
  it.each([
    ['plain text', 'VPN down since noon'],
    ['the empty string', ''],
    ['tab, line feed and carriage return', 'line one\r\nline two\tindented'],
    ['letters beyond ASCII', 'Grüße aus Köln, ¿qué tal? 東京'],
    ['a character beyond the basic plane (a surrogate pair)', 'key \ud83d\udd11 emoji'],
    ['a pair at the very end', 'end \ud83d\ude00'],
    ['U+00A0, the first character after the C1 controls', 'no\u00a0break'],
    ['U+FFFD, the replacement character', 'broken \ufffd'],
  ])('accepts %s', (_case, text) => {
    expect(textRuleViolation(text)).toBeUndefined();
  });

  it.each([
    ['NUL', 'VPN\u0000down', TEXT_RULE.control],
    ['NUL alone', '\u0000', TEXT_RULE.control],
    ['a bell', 'ring\u0007', TEXT_RULE.control],
    ['a backspace', 'back\u0008space', TEXT_RULE.control],
    ['a vertical tab', 'a\u000bb', TEXT_RULE.control],
    ['a form feed', 'a\u000cb', TEXT_RULE.control],
    ['an escape', '\u001b[31mred', TEXT_RULE.control],
    ['unit separator U+001F', 'a\u001fb', TEXT_RULE.control],
    ['DEL', 'a\u007fb', TEXT_RULE.control],
    ['a C1 control (U+0085, next line)', 'a\u0085b', TEXT_RULE.control],
    ['the last C1 control U+009F', 'a\u009fb', TEXT_RULE.control],
    ['a lone high surrogate', 'VPN \ud800 down', TEXT_RULE.surrogate],
    ['a high surrogate at the end', 'end \ud83d', TEXT_RULE.surrogate],
    ['a lone low surrogate', 'a\udc00b', TEXT_RULE.surrogate],
    ['a reversed pair', '\ude00\ud83d', TEXT_RULE.surrogate],
    ['two high surrogates', '\ud83d\ud83d\ude00', TEXT_RULE.surrogate],
  ])('refuses %s', (_case, text, message) => {
    expect(textRuleViolation(text)).toBe(message);
  });
});
