import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** The settings page's Accounts and Back-up sections, driven by role and accessible name as a user would. */
export const accountsSection = (page: Page) => page.getByRole('region', { name: 'Accounts' });
export const dataSection = (page: Page) => page.getByRole('region', { name: 'Back up and restore' });

/** Filters the accounts table (a search, or a name pattern like acme-dev-*). */
export async function searchAccounts(page: Page, query: string): Promise<void> {
  await accountsSection(page).getByRole('searchbox', { name: 'Search accounts' }).fill(query);
}

/** Clicks Export and resolves to the downloaded file's text. */
export async function exportSettingsFile(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await dataSection(page).getByRole('button', { name: 'Export settings' }).click();
  const file = await download;
  return readFile((await file.path()) as string, 'utf8');
}

/** The file without its export time, for comparing two exports. */
export function comparable(text: string): unknown {
  const { exportedAt: _at, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
}

/** Pastes a settings file, chooses merge or replace and asks for the preview. */
export async function previewImport(page: Page, text: string, mode: 'Merge' | 'Replace'): Promise<void> {
  const data = dataSection(page);
  await data.getByRole('textbox', { name: 'Or paste its contents' }).fill(text);
  await data.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await data.getByRole('button', { name: 'Preview import' }).click();
}

/** Sends a message as the settings page would and returns the raw reply. */
export function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}
