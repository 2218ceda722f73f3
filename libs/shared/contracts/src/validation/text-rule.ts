/**
 * The one rule every text of every contract obeys, wherever it arrives (request bodies, query strings,
 * messages from the broker): no control character but tab, line feed and carriage return, and no unpaired
 * UTF-16 surrogate. Such text cannot be stored (PostgreSQL, under FerretDB, refuses NUL) or encoded as
 * UTF-8, and no field of the platform has a use for it.
 *
 * Control characters are Unicode's category Cc: U+0000–U+001F, U+007F and U+0080–U+009F.
 */
export const TEXT_RULE = {
  control: 'must not contain control characters (only tab, line feed and carriage return are allowed)',
  surrogate: 'must not contain unpaired surrogates (it is not valid Unicode text)',
} as const;

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** What is wrong with `text` under the text rule (one of TEXT_RULE's messages), or undefined when it is fine. */
export function textRuleViolation(text: string): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20) {
      if (code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) return TEXT_RULE.control;
    } else if (code >= 0x7f && code <= 0x9f) {
      return TEXT_RULE.control;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return TEXT_RULE.surrogate;
      index++; // a well-formed pair: one character beyond the basic plane
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return TEXT_RULE.surrogate;
    }
  }
  return undefined;
}
