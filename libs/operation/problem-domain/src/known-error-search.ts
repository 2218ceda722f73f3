import { PROBLEM_LIMITS } from '@itsm/contracts/operation';
import { RuleViolationError } from '@itsm/contracts';

/** Most distinct tokens one known error is indexed by (its texts are capped too; this bounds the index entry). */
export const MAX_SEARCH_TOKENS = 1_000;

/**
 * Words too common to find anything by; a search made only of them is refused rather than answered
 * with every known error.
 */
const STOP_WORDS = new Set(['an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'was', 'with']);

/**
 * The words of `text` as search tokens: case and accents folded (NFKD, marks dropped), split at anything
 * that is not a letter or digit, single characters and stop words left out. `Outlook's "Sync" fails` and
 * `outlook sync FAILS` give the same tokens. Why tokens: FerretDB has no text index, but an equality on
 * an array field (`searchTokens: "sync"`) is served by an index on MongoDB and FerretDB alike.
 */
export function wordTokens(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((word) => word.length > 1 && !STOP_WORDS.has(word)))];
}

/** The tokens a known error is found by: the words of its texts (title, symptom, root cause, workaround, fix), at most MAX_SEARCH_TOKENS. */
export function knownErrorSearchTokens(texts: readonly (string | undefined)[]): string[] {
  return wordTokens(texts.filter((text) => text !== undefined).join(' ')).slice(0, MAX_SEARCH_TOKENS);
}

/**
 * The tokens of an agent's search (`words`), each of which a known error must hold; the longest first,
 * as the likeliest to be rare (the store reads by an equality on the first and checks the rest on what
 * that read). Undefined when no words were given.
 *
 * @throws RuleViolationError (400) naming `words` when they hold no searchable word or more than PROBLEM_LIMITS.maxSearchWords.
 */
export function searchTerms(words: string | undefined): string[] | undefined {
  if (words === undefined) return undefined;
  const tokens = wordTokens(words);
  if (tokens.length === 0) throw RuleViolationError.of('words', 'give at least one word of two or more letters or digits that is not a stop word');
  if (tokens.length > PROBLEM_LIMITS.maxSearchWords) throw RuleViolationError.of('words', `give at most ${PROBLEM_LIMITS.maxSearchWords} words`);
  return tokens.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
