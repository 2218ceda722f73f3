#!/usr/bin/env node
// Writes docs/asyncapi.json from the built contracts library (run through `npm run docs:asyncapi`, which builds first).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { asyncApiDocument } = require(path.join(root, 'dist/libs/shared/contracts/src/catalog/asyncapi-document.js'));
writeFileSync(path.join(root, 'docs/asyncapi.json'), `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
console.log('wrote docs/asyncapi.json');
