import { bearerCredentials } from './bearer-credentials';

describe('bearerCredentials', () => {
  it.each([
    ['Bearer abc.def-ghi_jkl', 'abc.def-ghi_jkl'],
    ['bearer abc.def', 'abc.def'],
    ['BEARER abc.def', 'abc.def'],
    ['BeArEr   abc.def', 'abc.def'],
    ['Bearer abc+/==', 'abc+/=='],
    ['  Bearer abc  ', 'abc'],
  ])('reads the token of %j (the scheme is case-insensitive, RFC 7235)', (header, token) => {
    expect(bearerCredentials(header)).toEqual({ kind: 'token', token });
  });

  it.each([undefined, '', 'Basic YWxpY2U6c2VjcmV0', 'Bearer', 'Bearer   ', 'Bearerabc', 'Token abc'])('finds no bearer token in %j', (header) => {
    expect(bearerCredentials(header)).toEqual({ kind: 'none' });
  });

  it.each(['Bearer a b', 'Bearer a=b', 'bearer <script>', 'Bearer a,b'])('calls %j a malformed bearer token', (header) => {
    expect(bearerCredentials(header)).toEqual({ kind: 'malformed' });
  });
});
