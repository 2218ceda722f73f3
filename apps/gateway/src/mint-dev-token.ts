import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ROLES, isRole } from '@itsm/contracts';
import { mintDevToken } from '@itsm/gateway/auth';
import { runMain } from '@itsm/service-runtime';

/**
 * `npm run token -- --user alice --roles requester[,service_desk_agent] [--groups network-ops] [--ttl 3600]`
 * prints a bearer token from the embedded development issuer. Refused in production mode.
 */
runMain('token', async () => {
  if (process.env.ITSM_ENV === 'production') throw new Error('the development issuer is disabled when ITSM_ENV=production');
  const { values } = parseArgs({
    options: { user: { type: 'string' }, roles: { type: 'string' }, groups: { type: 'string', default: '' }, ttl: { type: 'string', default: '28800' } },
  });
  const roles = (values.roles ?? '').split(',').filter(Boolean);
  const unknown = roles.filter((role) => !isRole(role));
  if (!values.user || roles.length === 0 || unknown.length > 0) {
    throw new Error(`usage: npm run token -- --user <id> --roles <role,...> [--groups <group,...>] [--ttl <seconds>]; roles: ${ROLES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  }
  const token = await mintDevToken(process.env.ITSM_DEV_ISSUER_DIR ?? '.itsm/dev-issuer', {
    userId: values.user,
    roles: roles.filter(isRole),
    groups: values.groups.split(',').filter(Boolean),
    ttlSeconds: Number(values.ttl),
  });
  process.stdout.write(`${token}\n`);
});
