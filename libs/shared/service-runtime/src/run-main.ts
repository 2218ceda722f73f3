import { appLogger, createAppLogger } from '@itsm/logging';

/**
 * Entry point wrapper: a bad configuration or a failed start writes one clear line and exits non-zero.
 * The line is written by the app's logger when it was made; before that (the configuration failed to load)
 * by one made for this line, in the format ITSM_LOG_FORMAT asks for if it is valid, else JSON.
 */
export function runMain(name: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    const logger = appLogger() ?? createAppLogger({ service: name, level: 'error', format: process.env['ITSM_LOG_FORMAT'] === 'pretty' ? 'pretty' : 'json' });
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
