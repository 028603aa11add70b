// No regular expression the product ships can be made to backtrack for ever (issue 7, item 15). Every regex literal
// in src/ is found with the TypeScript parser, and every `new RegExp(...)` is checked as the value it builds; each is
// put to recheck, a ReDoS detector that searches for an attack string by automaton analysis and fuzzing.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { check } from 'recheck';
import { GFM_IN_PASSAGES, GFM_SYNTAX } from '../../src/core/markdown';
import { SPEECH_AFTER, SPEECH_BEFORE } from '../../src/core/quotes';
import { repoRoot } from './shared';

/** The regexes built at run time, by the file that builds them; the test fails when a file builds one not listed. */
const BUILT: Record<string, RegExp[]> = {
  'src/core/markdown.ts': [GFM_SYNTAX, GFM_IN_PASSAGES],
  'src/core/quotes.ts': [SPEECH_AFTER, SPEECH_BEFORE],
};

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every regex literal of the product's sources, and how many `new RegExp` calls each file makes. */
function regexesInSources(): { literals: Found[]; built: Map<string, number> } {
  const literals: Found[] = [];
  const built = new Map<string, number>();
  for (const file of sourceFiles(join(repoRoot, 'src'))) {
    const name = relative(repoRoot, file).replaceAll('\\', '/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        literals.push({ where: `${name}:${line + 1}`, source: text.slice(1, end), flags: text.slice(end + 1) });
      }
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        built.set(name, (built.get(name) ?? 0) + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, built };
}

describe('regular expressions (ReDoS)', function () {
  this.timeout(300_000);

  it('every regex built at run time is known to this test', () => {
    const { built } = regexesInSources();
    assert.deepEqual(Object.fromEntries(built), Object.fromEntries(Object.entries(BUILT).map(([file, regexes]) => [file, regexes.length])));
  });

  it('none can be driven to super-linear backtracking', async () => {
    const { literals } = regexesInSources();
    assert.ok(literals.length > 40, `only ${literals.length} regex literals found in src/: is the scan broken?`);
    const all: Found[] = [
      ...literals,
      ...Object.entries(BUILT).flatMap(([file, regexes]) =>
        regexes.map((regex, at) => ({ where: `${file} (built #${at + 1})`, source: regex.source, flags: regex.flags })),
      ),
    ];
    const unsafe: string[] = [];
    for (const { where, source, flags } of all) {
      const diagnostics = await check(source, flags, { timeout: 20_000 });
      if (diagnostics.status === 'vulnerable') {
        unsafe.push(`${where} /${source}/${flags}: ${diagnostics.complexity.summary}, attack ${diagnostics.attack.pattern}`);
      } else if (diagnostics.status === 'unknown') unsafe.push(`${where} /${source}/${flags}: recheck could not decide (${diagnostics.error.kind})`);
    }
    assert.deepEqual(unsafe, []);
  });
});
