import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rulesSettingSchema } from '../../scripts/manifest';

const root = resolve(__dirname, '../../..');
/** The parts of package.json these tests read. */
interface Manifest {
  engines: { vscode: string };
  capabilities: { untrustedWorkspaces: { supported: boolean } };
  contributes: {
    configuration: { properties: Record<string, unknown> };
    commands: { command: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
  };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

describe('package.json manifest', () => {
  it('has the plumbLine.rules schema the rule registry generates (run `npm run sync:manifest` after changing a rule)', () => {
    assert.deepEqual(manifest.contributes.configuration.properties['plumbLine.rules'], rulesSettingSchema());
  });

  it('declares every command it registers with the plumbLine prefix and hides the internal ones from the palette', () => {
    const commands: string[] = manifest.contributes.commands.map((command: { command: string }) => command.command);
    assert.deepEqual([...commands].sort(), ['plumbLine.checkTerminology', 'plumbLine.openPassage', 'plumbLine.revealConcept']);
    const hidden = manifest.contributes.menus.commandPalette
      .filter((entry: { when: string }) => entry.when === 'false')
      .map((entry: { command: string }) => entry.command);
    assert.deepEqual(hidden.sort(), ['plumbLine.openPassage', 'plumbLine.revealConcept']);
  });

  it('keeps the engine range within the VS Code its types describe, and runs in untrusted workspaces', () => {
    const types = (JSON.parse(readFileSync(join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(manifest.engines.vscode, `^${types.split('.').slice(0, 2).join('.')}.0`);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });
});
