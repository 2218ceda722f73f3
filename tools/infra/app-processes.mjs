// @ts-check
/**
 * The record of what `npm start` runs (.itsm/apps.json): its own process, which supervises the apps, and
 * each app's. `npm run stop` reads it to stop the platform from another shell; each process is identified
 * by its pid and its start time, so a pid the system has since given to another process is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sleep } from './probes.mjs';

/** @typedef {{ name: string, pid: number, started: string | undefined }} RecordedProcess */
/** @typedef {{ supervisor: RecordedProcess, apps: RecordedProcess[] }} AppsRecord */

const recordPath = (root) => path.join(root, '.itsm', 'apps.json');

/**
 * Fields of /proc/<pid>/stat from field 3 (state) on; undefined where /proc is not there or the process is gone.
 * @param {number} pid
 */
function procStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** When the process started, in clock ticks since boot (field 22). @param {number} pid */
const startTime = (pid) => procStat(pid)?.[22 - 3];

/**
 * @param {string} name
 * @param {number} pid
 * @returns {RecordedProcess}
 */
export function describeProcess(name, pid) {
  return { name, pid, started: startTime(pid) };
}

/**
 * Whether the recorded process still runs (the same one: where /proc tells start times, they must match).
 * @param {RecordedProcess} recorded
 */
export function isRunning(recorded) {
  try {
    process.kill(recorded.pid, 0);
  } catch {
    return false;
  }
  const stat = procStat(recorded.pid);
  if (stat === undefined) return recorded.started === undefined;
  // An exited process its parent has not reaped yet (state Z) is gone too.
  return stat[0] !== 'Z' && (recorded.started === undefined || stat[22 - 3] === recorded.started);
}

/** @param {string} root @returns {AppsRecord | undefined} */
export function readAppsRecord(root) {
  try {
    return JSON.parse(fs.readFileSync(recordPath(root), 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {string} root @param {AppsRecord} record */
export function writeAppsRecord(root, record) {
  fs.mkdirSync(path.dirname(recordPath(root)), { recursive: true });
  fs.writeFileSync(recordPath(root), `${JSON.stringify(record, null, 2)}\n`);
}

/** @param {string} root */
export function removeAppsRecord(root) {
  fs.rmSync(recordPath(root), { force: true });
}

/**
 * Sends SIGTERM and waits for the process to end, up to `timeoutMs`; then SIGKILL. False if it was not running.
 * @param {RecordedProcess} recorded
 * @param {number} timeoutMs
 */
export async function terminate(recorded, timeoutMs) {
  if (!isRunning(recorded)) return false;
  signal(recorded.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isRunning(recorded)) {
    if (Date.now() > deadline) {
      signal(recorded.pid, 'SIGKILL');
      break;
    }
    await sleep(100);
  }
  return true;
}

/** A process that ended meanwhile needs no signal. @param {number} pid @param {NodeJS.Signals} name */
function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}
