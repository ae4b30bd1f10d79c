import { describe, expect, it } from 'vitest';
import { quoteFish, quotePosix, quotePowerShell } from './shell-quote';

describe('shell quoting', () => {
  it('leaves AWS alphabet values as they are, inside quotes', () => {
    for (const quote of [quotePosix, quoteFish, quotePowerShell]) expect(quote('a/b+c=')).toBe(`'a/b+c='`);
  });

  it('escapes the quote character of each shell', () => {
    expect(quotePosix(`it's`)).toBe(`'it'\\''s'`);
    expect(quoteFish(`it's \\`)).toBe(`'it\\'s \\\\'`);
    expect(quotePowerShell(`it's`)).toBe(`'it''s'`);
    expect(quotePowerShell('it\u2019s')).toBe(`'it\u2019\u2019s'`);
  });

  it('leaves other shell syntax alone: single quotes disable it', () => {
    expect(quotePosix('$HOME`x`"\\')).toBe(`'$HOME\`x\`"\\'`);
    expect(quotePowerShell('$Env:X"`')).toBe(`'$Env:X"\`'`);
  });
});
