// Checks that the coverage report counts what the unit tests run, after `c8 mocha` has written coverage/coverage-final.json.
// A source-map or exclude setup that goes wrong shows either as a run line reported uncovered (count 0: the unit bundle
// was left out, as it once was) or as every line reported covered once per bundle (ranges dropped before remapping), so
// the check names a line the unit tests run tens of thousands of times and wants a count no setup error reaches.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** A line of the inconsistency rule that runs once per credit of every document the unit tests lint (about 60,000 times). */
const KNOWN = { file: 'src/core/rules/inconsistency.ts', text: 'for (const key of keysOf(credit))' };
/** Far above the handful of bundles whose default counts of 1 a broken report adds up. */
const AT_LEAST = 1000;

/** @type {unknown} */
const parsed = JSON.parse(readFileSync(join(root, 'coverage', 'coverage-final.json'), 'utf8'));
const report = /** @type {Record<string, { statementMap: Record<string, { start: { line: number } }>, s: Record<string, number> }>} */ (parsed);
const path = join(root, KNOWN.file);
const line =
  readFileSync(path, 'utf8')
    .split('\n')
    .findIndex((text) => text.includes(KNOWN.text)) + 1;
if (line === 0) fail(`${KNOWN.file} no longer has the line \`${KNOWN.text}\`: name another line the unit tests run in scripts/coverage-check.mjs`);
const file = report[path];
if (!file) fail(`${KNOWN.file} is missing from the coverage report: check the include and exclude lists in .c8rc.json`);
const counts = Object.entries(file.statementMap)
  .filter(([, statement]) => statement.start.line === line)
  .map(([id]) => file.s[id] ?? 0);
const count = Math.max(0, ...counts);
if (count < AT_LEAST) {
  fail(
    `${KNOWN.file}:${line} runs in every inconsistency test but the coverage report counts it ${count} time(s), fewer than ` +
      `${AT_LEAST}: the report does not follow the unit bundle through its source map (see .c8rc.json, esbuild.mjs and patches/v8-to-istanbul+*.patch)`,
  );
}
console.log(`coverage-check: ${KNOWN.file}:${line} counted ${count} times, as a line the unit tests run should be.`);

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`coverage-check: ${message}`);
  process.exit(1);
}
