import { Logger } from '@nestjs/common';

/** Entry point wrapper: a bad configuration or a failed start prints one clear line and exits non-zero. */
export function runMain(name: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    new Logger(name).error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
