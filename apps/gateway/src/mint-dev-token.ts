import 'reflect-metadata';
import { runDevTokenCommand } from './dev-token.command';

/** `npm run token`: see runDevTokenCommand. */
void runDevTokenCommand(process.argv.slice(2), process.env).then(({ stdout, stderr, exitCode }) => {
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = exitCode;
});
