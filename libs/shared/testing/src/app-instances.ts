/** What `appInstances` needs of an app: Nest's `init` and `close`. */
export interface ClosableApp {
  init(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Instances of one app in the test's process, as many as a test wants: `start()` creates one with `create` and
 * initialises it (its message listeners are not started: the tests call the use cases), `closeAll()` (for
 * `afterAll`) closes every one started so far. For specs that race two instances of a service against each other.
 */
export function appInstances<App extends ClosableApp>(create: () => Promise<App>): { start: () => Promise<App>; closeAll: () => Promise<void> } {
  const apps: App[] = [];
  return {
    start: async () => {
      const app = await create();
      await app.init();
      apps.push(app);
      return app;
    },
    closeAll: async () => {
      await Promise.all(apps.splice(0).map((app) => app.close()));
    },
  };
}
