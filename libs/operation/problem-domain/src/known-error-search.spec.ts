import { RuleViolationError } from '@itsm/contracts';
import { MAX_SEARCH_TOKENS, knownErrorSearchTokens, searchTerms, wordTokens } from './known-error-search';

describe('known-error search tokens', () => {
  it.each<[string, string, string[]]>([
    ['folds case and accents, splits at punctuation', `Outlook's "Sync" FAILS on Café-Wi-Fi`, ['outlook', 'sync', 'fails', 'cafe', 'wi', 'fi']],
    ['drops single characters and stop words, keeps digits', 'Error 0x80070005 in the VPN a b', ['error', '0x80070005', 'vpn']],
    ['keeps each word once', 'disk disk DISK', ['disk']],
    ['nothing from blanks', '  ', []],
  ])('%s', (_case, text, tokens) => {
    expect(wordTokens(text)).toEqual(tokens);
  });

  it('indexes every text of a known error, at most MAX_SEARCH_TOKENS', () => {
    expect(knownErrorSearchTokens(['Relay drops mail', undefined, 'Restart the relay'])).toEqual(['relay', 'drops', 'mail', 'restart']);
    const many = Array.from({ length: MAX_SEARCH_TOKENS + 10 }, (_, index) => `w${index}`).join(' ');
    expect(knownErrorSearchTokens([many])).toHaveLength(MAX_SEARCH_TOKENS);
  });

  it.each<[string, string | undefined, string[] | undefined]>([
    ['no words: no word filter', undefined, undefined],
    ['longest first (likeliest rare), then alphabetical', 'VPN drops tunnel', ['tunnel', 'drops', 'vpn']],
  ])('search terms: %s', (_case, words, terms) => {
    expect(searchTerms(words)).toEqual(terms);
  });

  it.each(['the a of', '!!', 'one two three four five six seven eight nine'])('refuses the search %j (400 naming words)', (words) => {
    expect(() => searchTerms(words)).toThrow(RuleViolationError);
  });
});
