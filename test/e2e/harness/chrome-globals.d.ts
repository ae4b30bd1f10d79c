/** The bits of the `chrome` global that tests call inside extension pages (page.evaluate runs there). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; id: string; reload(): void };
  storage: Record<
    'local' | 'session' | 'sync',
    {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    }
  >;
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  alarms: {
    create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void>;
    get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
  };
  tabs: {
    query(info: { url?: string }): Promise<Array<{ id?: number; windowId: number }>>;
    update(tabId: number, props: { active?: boolean }): Promise<unknown>;
    create(props: { windowId?: number; url: string; active?: boolean }): Promise<unknown>;
  };
};
