// @ts-check
/**
 * CPU profiles of the processes the intake bench starts, for `profile-shares.mjs`.
 * Preloaded into every child through NODE_OPTIONS (where `--cpu-prof` is not allowed):
 *
 *   NODE_OPTIONS="--require ./bench/intake/cpu-profile.cjs" ITSM_PROFILE_DIR=/tmp/profiles npm run bench:intake
 *
 * Only the apps (gateway, operation) and the bare baselines are profiled, from their start to the
 * SIGTERM that stops them (Nest re-raises it after its shutdown hooks, so the process never sees
 * 'exit'); each writes `<app>-<ITSM_OPERATION_ROLES>-<script>-<pid>.cpuprofile` into ITSM_PROFILE_DIR
 * (default: the OS temp directory). Profiling costs every process about the same share, so ratios
 * of a profiled run are still comparable with each other, not with an unprofiled run's.
 */
const script = process.argv[1] ?? '';
if (/apps\/(gateway|operation)\/src\/main\.js$|bare-(accept|consumer)\.mjs$/.test(script)) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 }); // µs
  session.post('Profiler.start');
  const app = path.basename(path.dirname(path.dirname(script)));
  const file = path.join(process.env.ITSM_PROFILE_DIR ?? os.tmpdir(), `${app}-${process.env.ITSM_OPERATION_ROLES ?? ''}-${path.basename(script)}-${process.pid}.cpuprofile`);
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // On the main thread the session answers synchronously, so this works inside 'exit' too.
    session.post('Profiler.stop', (error, result) => {
      if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  };
  process.on('exit', write);
  let terms = 0;
  process.on('SIGTERM', () => {
    write();
    // The first SIGTERM starts the app's own shutdown, which raises it again when done.
    if (++terms > 1) process.exit(143);
  });
}
