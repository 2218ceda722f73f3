// Stops only what the global setup started; servers that were already running stay up.
export default async function globalTeardown() {
  await globalThis.__ITSM_INFRASTRUCTURE__?.stop();
}
