import { parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    ['plain fields', 'a,b\n1,2\n3,4\n', [{ row: 1, values: { a: '1', b: '2' } }, { row: 2, values: { a: '3', b: '4' } }]],
    ['CRLF and no final line break', 'a,b\r\n1,2\r\n3,4', [{ row: 1, values: { a: '1', b: '2' } }, { row: 2, values: { a: '3', b: '4' } }]],
    ['quotes, commas, doubled quotes and line breaks inside', 'a,b\n"x, y","say ""hi""\nthere"\n', [{ row: 1, values: { a: 'x, y', b: 'say "hi"\nthere' } }]],
    ['an empty quoted field and a short line', 'a,b,c\n"",2\n', [{ row: 1, values: { a: '', b: '2', c: '' } }]],
    ['blank lines skipped, rows keep their line', 'a\n1\n\n2\n', [{ row: 1, values: { a: '1' } }, { row: 3, values: { a: '2' } }]],
    ['header names trimmed', ' a , b \n1,2\n', [{ row: 1, values: { a: '1', b: '2' } }]],
    ['a header only', 'a,b\n', []],
  ])('%s', (_case, text, records) => {
    expect(parseCsv(text).records).toEqual(records);
  });

  it.each([
    ['an unclosed quote', 'a\n"x\n', 'line 2: a quoted field is not closed'],
    ['text after a closing quote', 'a\n"x"y\n', 'line 2: text after a closing quote'],
    ['a column named twice', 'a,a\n1,2\n', 'the header names the column a twice'],
    ['more fields than the header', 'a\n1,2\n', 'line 2 has 2 fields, the header 1'],
  ])('refuses %s', (_case, text, message) => {
    expect(() => parseCsv(text)).toThrow(new SyntaxError(message));
  });
});
