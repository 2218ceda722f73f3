#!/usr/bin/env node
// @ts-check
/**
 * Business-calendar benchmark: `addBusinessTime` from the built library against a
 * naive minute-by-minute implementation (written below) in the same run.
 *
 *   npm run build && node bench/business-calendar/run.mjs
 *
 * Workload: 100,000 open tickets on a Europe/Berlin Mon–Fri 08:00–18:00 calendar with
 * the German national holidays of 2026/2027; starts uniformly random (whole minutes)
 * over 2026, so both DST changes and the year end are crossed; durations 1 h .. 10
 * business days (100 business hours), whole minutes. Seeded, so every run computes the
 * same cases.
 *
 *   library   1 cold pass (empty caches: the first computation in the process) and
 *             3 warm passes over all 100,000 tickets; every result is checked with
 *             businessTimeBetween(start, due) === duration.
 *   naive     steps one minute at a time, reading each minute's local wall clock with
 *             Intl, on the first tickets of the same list until ~6 s are spent (a
 *             smaller sample, scaled to ops/s); its answers must equal the library's.
 *
 * Prints ops/s and the ratio library/naive. Bounded: about 10–15 s in all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../lib/support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = path.join(root, 'dist/libs/shared/business-calendar/src/index.js');
if (!fs.existsSync(built)) {
  console.error(`${path.relative(root, built)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const { addBusinessTime, businessTimeBetween, MS_PER_MINUTE, MS_PER_HOUR } = createRequire(import.meta.url)(built);

const TICKETS = 100_000;
const WARM_PASSES = 3;
const NAIVE_BUDGET_MS = 6_000;
const NAIVE_MAX_TICKETS = 2_000;

const office = [{ start: '08:00', end: '18:00' }];
/** @type {import('../../libs/shared/business-calendar/src/index').BusinessCalendar} */
const calendar = {
  timeZone: 'Europe/Berlin',
  weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] },
  holidays: [
    ['2026-01-01', 'Neujahr'],
    ['2026-04-03', 'Karfreitag'],
    ['2026-04-06', 'Ostermontag'],
    ['2026-05-01', 'Tag der Arbeit'],
    ['2026-05-14', 'Christi Himmelfahrt'],
    ['2026-05-25', 'Pfingstmontag'],
    ['2026-10-03', 'Tag der Deutschen Einheit'],
    ['2026-12-24', 'Heiligabend'],
    ['2026-12-25', '1. Weihnachtstag'],
    ['2026-12-26', '2. Weihnachtstag'],
    ['2026-12-31', 'Silvester'],
    ['2027-01-01', 'Neujahr'],
  ].map(([date, name]) => ({ date, name })),
};

const next = mulberry32(20261120);
const yearStart = Date.UTC(2026, 0, 1);
const minutesInYear = 365 * 24 * 60;
const starts = new Float64Array(TICKETS);
const durations = new Float64Array(TICKETS);
for (let i = 0; i < TICKETS; i++) {
  starts[i] = yearStart + Math.floor(next() * minutesInYear) * MS_PER_MINUTE;
  durations[i] = MS_PER_HOUR + Math.floor(next() * 99 * 60) * MS_PER_MINUTE; // 1 h .. 100 h
}

function libraryPass(out) {
  const began = process.hrtime.bigint();
  for (let i = 0; i < TICKETS; i++) out[i] = addBusinessTime(calendar, starts[i], durations[i]).getTime();
  return Number(process.hrtime.bigint() - began) / 1e6;
}

/** The naive reference: one Intl reading per minute. */
const naiveFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: calendar.timeZone,
  hourCycle: 'h23',
  weekday: 'long',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const naiveHolidays = new Set(calendar.holidays.map((holiday) => holiday.date));
function naiveIsOpen(t) {
  const parts = {};
  for (const part of naiveFormat.formatToParts(t)) parts[part.type] = part.value;
  if (naiveHolidays.has(`${parts.year}-${parts.month}-${parts.day}`)) return false;
  const clock = `${parts.hour}:${parts.minute}`;
  return calendar.weeklyHours[parts.weekday.toLowerCase()].some((i) => i.start <= clock && clock < i.end);
}
function naiveAdd(start, durationMs) {
  let left = durationMs / MS_PER_MINUTE;
  let t = start;
  while (left > 0) {
    if (naiveIsOpen(t)) left--;
    t += MS_PER_MINUTE;
  }
  return t;
}

const round = (value, digits = 0) => Number(value.toFixed(digits));
const fmt = (value) => Math.round(value).toLocaleString('en-US');

console.log(`business-calendar bench: ${TICKETS.toLocaleString('en-US')} tickets, Europe/Berlin Mon–Fri 08–18, ` +
  `${calendar.holidays.length} holidays, durations 1 h..100 business h`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} x${os.cpus().length}`);

const due = new Float64Array(TICKETS);
const coldMs = libraryPass(due);
const warm = [];
for (let pass = 0; pass < WARM_PASSES; pass++) warm.push(libraryPass(due));
const bestWarmMs = Math.min(...warm);

let mismatches = 0;
const checkBegan = process.hrtime.bigint();
for (let i = 0; i < TICKETS; i++) if (businessTimeBetween(calendar, starts[i], due[i]) !== durations[i]) mismatches++;
const betweenMs = Number(process.hrtime.bigint() - checkBegan) / 1e6;

let naiveCount = 0;
let naiveDisagreements = 0;
const naiveBegan = process.hrtime.bigint();
let naiveMs = 0;
while (naiveCount < NAIVE_MAX_TICKETS && naiveMs < NAIVE_BUDGET_MS) {
  if (naiveAdd(starts[naiveCount], durations[naiveCount]) !== due[naiveCount]) naiveDisagreements++;
  naiveCount++;
  naiveMs = Number(process.hrtime.bigint() - naiveBegan) / 1e6;
}

const libraryOps = (TICKETS / bestWarmMs) * 1000;
const coldOps = (TICKETS / coldMs) * 1000;
const naiveOps = (naiveCount / naiveMs) * 1000;
const result = {
  tickets: TICKETS,
  addBusinessTime: {
    coldOpsPerSec: round(coldOps),
    warmOpsPerSec: round(libraryOps),
    warmPassesMs: warm.map((ms) => round(ms, 1)),
    usPerOp: round((bestWarmMs * 1000) / TICKETS, 2),
  },
  businessTimeBetween: { opsPerSec: round((TICKETS / betweenMs) * 1000), mismatches },
  naive: { tickets: naiveCount, opsPerSec: round(naiveOps, 1), disagreements: naiveDisagreements },
  ratioWarmToNaive: round(libraryOps / naiveOps),
};
console.log(`addBusinessTime      cold ${fmt(coldOps)} ops/s, warm ${fmt(libraryOps)} ops/s ` +
  `(${result.addBusinessTime.usPerOp} µs/op, passes ${result.addBusinessTime.warmPassesMs.join(' / ')} ms)`);
console.log(`businessTimeBetween  ${fmt(result.businessTimeBetween.opsPerSec)} ops/s; between(start, due) === duration ` +
  `for ${TICKETS - mismatches}/${TICKETS}`);
console.log(`naive minute-step    ${result.naive.opsPerSec} ops/s over ${naiveCount} tickets; ` +
  `agrees with the library on ${naiveCount - naiveDisagreements}/${naiveCount}`);
console.log(`ratio                library (warm) is ${fmt(result.ratioWarmToNaive)}x the naive implementation`);
console.log(JSON.stringify(result));
if (mismatches > 0 || naiveDisagreements > 0) process.exit(2);
