// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useSearchedQuery } from './use-searched-query';

afterEach(cleanup);

describe('useSearchedQuery', () => {
  it('keeps the last searched text while the words stay the same, and follows the text when they change', () => {
    const { result, rerender } = renderHook(({ query }) => useSearchedQuery(query), {
      initialProps: { query: 'prod' },
    });
    expect(result.current).toBe('prod');
    for (const same of ['prod ', 'prod  ', ' PROD', 'prod prod']) {
      rerender({ query: same });
      expect(result.current, same).toBe('prod');
    }
    rerender({ query: 'prod a' });
    expect(result.current).toBe('prod a');
    rerender({ query: 'prod a ' });
    expect(result.current).toBe('prod a');
    rerender({ query: 'pro' });
    expect(result.current).toBe('pro');
    rerender({ query: ' ' });
    expect(result.current).toBe(' ');
    rerender({ query: '' });
    expect(result.current).toBe(' ');
  });
});
