import { describe, expect, it } from 'vitest';

import { findUserCode } from './find-user-code';

describe('findUserCode', () => {
  it.each([
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=RHHX-BCTS', '', 'RHHX-BCTS'],
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=rhhx-bcts', '', 'RHHX-BCTS'],
    ['https://device.sso.us-east-1.amazonaws.com/', 'Your code is QWER-TYUI. Approve?', 'QWER-TYUI'],
    ['https://device.sso.us-east-1.amazonaws.com/', 'Enter the code shown in your terminal', null],
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=<script>', 'nothing', null],
  ])('%s → %s', (url, text, expected) => {
    expect(findUserCode(url, text)).toBe(expected);
  });
});
