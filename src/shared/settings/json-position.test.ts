import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-position';

describe('locateJsonError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text)).toBeNull();
    }
  });

  it('gives the line and column of the first mistake', () => {
    expect(locateJsonError('{\n  "a": 1,\n  "b": \n}')).toEqual({
      line: 4,
      column: 1,
      message: expect.stringMatching(/^expected a value/),
    });
    expect(locateJsonError('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      line: 3,
      column: 3,
      message: 'expected "," or "}"',
    });
    expect(locateJsonError('[1, 2,]')).toMatchObject({
      line: 1,
      column: 7,
      message: expect.stringMatching(/trailing comma/),
    });
    expect(locateJsonError("{'a': 1}")).toMatchObject({
      column: 2,
      message: 'expected a property name in double quotes',
    });
  });

  it('reports a truncated file at its end', () => {
    expect(locateJsonError('{"portals": [{"id": "a"')).toEqual({
      line: 1,
      column: 24,
      message: 'the text ends too early',
    });
  });

  it('rejects what JSON.parse rejects', () => {
    for (const text of ['', '{"a":1} x', '01', '"tab\there"', '"\\x"', 'nul', '{"a" 1}']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(locateJsonError(text)).not.toBeNull();
    }
  });
});
