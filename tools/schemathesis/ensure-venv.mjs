#!/usr/bin/env node
// @ts-check
/**
 * Installs the pinned schemathesis (requirements.txt beside this file, from PyPI) into a Python
 * virtual environment at tools/schemathesis/.venv (git-ignored), once: a later call finds the
 * environment stamped with the requirements it was made from and does nothing. A changed
 * requirements.txt makes a fresh environment. Prints the path of the `schemathesis` executable.
 *
 * Needs python3 >= 3.9 with the venv module (ITSM_PYTHON names another interpreter).
 *   node tools/schemathesis/ensure-venv.mjs
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const venv = path.join(here, '.venv');
const requirements = path.join(here, 'requirements.txt');
const stamp = path.join(venv, '.itsm-requirements.sha256');
const executable = path.join(venv, 'bin', 'schemathesis');

/** @param {(line: string) => void} log */
export function ensureSchemathesis(log = (line) => console.error(`[schemathesis] ${line}`)) {
  const wanted = createHash('sha256').update(fs.readFileSync(requirements)).digest('hex');
  if (fs.existsSync(executable) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return executable;
  const python = process.env.ITSM_PYTHON ?? 'python3';
  log(`creating ${path.relative(process.cwd(), venv)} with ${python} and installing ${path.relative(process.cwd(), requirements)}`);
  fs.rmSync(venv, { recursive: true, force: true });
  execFileSync(python, ['-m', 'venv', venv], { stdio: ['ignore', 2, 'inherit'] });
  const pip = path.join(venv, 'bin', 'pip');
  execFileSync(pip, ['install', '--quiet', '--disable-pip-version-check', '--no-input', '-r', requirements], { stdio: ['ignore', 2, 'inherit'] });
  fs.writeFileSync(stamp, wanted);
  return executable;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureSchemathesis());
}
