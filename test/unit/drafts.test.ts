// Which documents are drafts, told from their URI (src/core/drafts.ts): the server and the extension both ask it.
import * as assert from 'node:assert/strict';
import { isDraftUri } from '../../src/core';

const SHIPPED_POSIX = ['file:///home/me/.vscode/extensions/plumb-line/corpus', 'file:///home/me/.vscode/extensions/plumb-line/docs'];
const SHIPPED_WINDOWS = ['file:///c%3A/Users/me/.vscode/extensions/plumb-line/corpus'];

describe('isDraftUri', () => {
  it('a user draft is a draft, wherever it lives, even in a folder of its own called Backups or History', () => {
    for (const uri of [
      'file:///work/plan.md',
      'untitled:Untitled-1',
      'file:///home/me/Backups/plan.md',
      'file:///work/Acme/User/History/q3.md',
      'vscode-vfs://github/acme/site/README.md',
    ]) {
      assert.equal(isDraftUri(uri, SHIPPED_POSIX), true, uri);
    }
  });

  it('the shipped corpus and rule pages are not, however the URI spells the path', () => {
    for (const uri of [
      'file:///home/me/.vscode/extensions/plumb-line/corpus/sales.md',
      'file:///home/me/.vscode/extensions/plumb-line//corpus/sales.md',
      'file:///home/me/.vscode/extensions/plumb-line/./docs/rules/conflation.md',
      'file:///home/me/.vscode/extensions/plumb-line/corpus/caf%C3%A9.md',
    ])
      assert.equal(isDraftUri(uri, SHIPPED_POSIX), false, uri);
    for (const uri of [
      'file:///C:/Users/me/.vscode/extensions/plumb-line/corpus/sales.md',
      'file:///c:/users/ME/.vscode/extensions/plumb-line/corpus/sales.md',
    ]) {
      assert.equal(isDraftUri(uri, SHIPPED_WINDOWS), false, uri);
    }
    assert.equal(isDraftUri('file://otherhost/home/me/.vscode/extensions/plumb-line/corpus/sales.md', SHIPPED_POSIX), true, 'another host is another file');
  });

  it('editor copies and views are not: local history, backups, output, git revisions, read-only corpus', () => {
    for (const uri of [
      'file:///work/site/.history/plan_20261201.md',
      'file:///home/me/.config/Code/User/History/-5c1a/AbCd.md',
      'file:///home/me/.local/share/code-server/User/History/1/x.md',
      'file:///home/me/.config/Code%20-%20Insiders/Backups/123/file/x.md',
      'file:///home/me/.vscode-server/data/User/History/1/x.md',
      'output:extension-output-plumb-line',
      'git:/work/plan.md?%7B%22ref%22%3A%22HEAD%22%7D',
      'plumb-line:/corpus/sales.md',
      'vscode-local-history:/work/plan.md',
    ])
      assert.equal(isDraftUri(uri, SHIPPED_POSIX), false, uri);
  });
});
