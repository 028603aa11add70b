import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rulesSettingSchema } from '../../scripts/manifest';
import { ARGUMENT_COMMANDS, COMMANDS, VIEWS, VIEW_CONTAINER } from '../../src/vscode/ids';

const root = resolve(__dirname, '../../..');
/** The parts of package.json these tests read. */
interface Manifest {
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean } };
  contributes: {
    configuration: { properties: Record<string, unknown> };
    commands: { command: string }[];
    menus: Record<string, { command: string; when: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

describe('package.json manifest', () => {
  it('has the plumbLine.rules schema the rule registry generates (run `npm run sync:manifest` after changing a rule)', () => {
    const message = 'package.json plumbLine.rules differs from the rule registry; run `npm run sync:manifest`';
    assert.deepEqual(manifest.contributes.configuration.properties['plumbLine.rules'], rulesSettingSchema(), message);
  });

  describe('contributes the ids of src/vscode/ids.ts, no more and no fewer', () => {
    const drift = (what: string) => `package.json ${what} differs from src/vscode/ids.ts: change both together`;
    const sorted = (ids: Iterable<string>) => [...ids].sort();

    it('commands', () => {
      assert.deepEqual(sorted(manifest.contributes.commands.map((entry) => entry.command)), sorted(Object.values(COMMANDS)), drift('contributes.commands'));
    });

    it('the view container and its views', () => {
      assert.deepEqual(
        manifest.contributes.viewsContainers.activitybar.map((entry) => entry.id),
        [VIEW_CONTAINER],
        drift('contributes.viewsContainers'),
      );
      assert.deepEqual(Object.keys(manifest.contributes.views), [VIEW_CONTAINER], drift('contributes.views'));
      assert.deepEqual(sorted(manifest.contributes.views[VIEW_CONTAINER]!.map((entry) => entry.id)), sorted(Object.values(VIEWS)), drift('contributes.views'));
    });

    it('menus and activation events name only those commands and views', () => {
      const known = new Set<string>([...Object.values(COMMANDS), ...Object.values(VIEWS)]);
      const inMenus = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((entry) => entry.command));
      const inWhen = Object.values(manifest.contributes.menus).flatMap((entries) => entries.flatMap((entry) => entry.when.match(/plumbLine\.\w+/g) ?? []));
      const inEvents = manifest.activationEvents.flatMap((event) => /^on(?:View|Command):(.*)$/.exec(event)?.[1] ?? []);
      assert.deepEqual(
        [...inMenus, ...inWhen, ...inEvents].filter((id) => !known.has(id)),
        [],
        drift('menus or activationEvents'),
      );
    });

    it('hides from the palette exactly the commands that take an argument, those the hover cards link to', () => {
      const hidden = manifest.contributes.menus.commandPalette!.filter((entry) => entry.when === 'false').map((entry) => entry.command);
      const message = 'package.json menus.commandPalette must hide exactly the ARGUMENT_COMMANDS of src/vscode/ids.ts';
      assert.deepEqual(sorted(hidden), sorted(ARGUMENT_COMMANDS), message);
    });
  });

  it('keeps the engine range within the VS Code its types describe, and runs in untrusted workspaces', () => {
    const types = (JSON.parse(readFileSync(join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(manifest.engines.vscode, `^${types.split('.').slice(0, 2).join('.')}.0`);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });
});
