import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rulePageLink, withRuleSettings } from '../../scripts/manifest';
import { RULE_IDS } from '../../src/core';
import { onNode } from '../../src/host';
import { ARGUMENT_COMMANDS, COMMANDS, VIEWS, VIEW_CONTAINER } from '../../src/vscode/ids';

const root = resolve(__dirname, '../../..');
/** The parts of package.json these tests read. */
interface Manifest {
  main: string;
  browser: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean } };
  contributes: {
    configuration: { properties: Record<string, unknown> };
    commands: { command: string }[];
    menus: Record<string, { command: string; when: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
    walkthroughs: { steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[] }[];
  };
}

/** The parts of a contributed setting these tests read. */
interface Setting {
  type: string;
  items?: { type: string };
  enum?: string[];
  enumDescriptions?: string[];
  order?: number;
  description?: string;
  markdownDescription?: string;
  markdownDeprecationMessage?: string;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

describe('package.json manifest', () => {
  it('has the rule settings the rule registry generates, in their place (run `npm run sync:manifest` after changing a rule)', () => {
    const message = 'package.json rule settings differ from the rule registry; run `npm run sync:manifest`';
    const { properties } = manifest.contributes.configuration;
    assert.deepEqual(Object.entries(properties), Object.entries(withRuleSettings(properties)), message);
  });

  describe('settings the Settings UI can show and edit (issue 9, item 13)', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, Setting>;

    it('each is a value with a control of its own: a checkbox, a number, a dropdown or a list of phrases; the objects are deprecated', () => {
      const controls = Object.entries(properties).map(([key, setting]) => {
        if (setting.type === 'object') return [key, setting.markdownDeprecationMessage ? 'deprecated' : 'object'];
        if (setting.type === 'array') return [key, setting.items?.type === 'string' ? 'list' : 'array'];
        return [key, setting.enum ? 'dropdown' : setting.type];
      });
      assert.deepEqual(Object.fromEntries(controls), {
        'plumbLine.enable': 'boolean',
        'plumbLine.rules': 'deprecated',
        ...Object.fromEntries(RULE_IDS.map((id) => [`plumbLine.rules.${id}`, 'dropdown'])),
        'plumbLine.extraPhrases': 'deprecated',
        'plumbLine.extraPhrases.marketing': 'list',
        'plumbLine.extraPhrases.sales': 'list',
        'plumbLine.debounceMs': 'number',
        'plumbLine.maxFileSizeKB': 'number',
        'plumbLine.sources': 'list',
      });
    });

    it('a deprecated object comes before the settings under its name, so VS Code does not replace their defaults with its own', () => {
      const keys = Object.keys(properties);
      for (const object of ['plumbLine.rules', 'plumbLine.extraPhrases']) {
        const first = keys.findIndex((key) => key.startsWith(`${object}.`));
        assert.ok(keys.indexOf(object) < first, `${object} comes after ${keys[first]}`);
      }
    });

    it('each is described in Markdown, the dropdowns say what every choice does, and the settings come in a set order', () => {
      for (const [key, setting] of Object.entries(properties)) {
        assert.ok(setting.markdownDescription, `${key} has no markdownDescription`);
        assert.equal(setting.description, undefined, `${key} has a plain description too`);
        if (setting.enum) assert.equal(setting.enumDescriptions?.length, setting.enum.length, `${key} leaves a choice unexplained`);
        if (!setting.markdownDeprecationMessage) assert.equal(typeof setting.order, 'number', `${key} has no order`);
      }
      const orders = Object.values(properties).flatMap((setting) => (setting.markdownDeprecationMessage ? [] : [setting.order!]));
      assert.deepEqual(
        orders,
        [...orders].sort((a, b) => a - b),
        'package.json lists the settings out of their order',
      );
    });

    it("every link in a setting's text opens: a setting that exists, or a rule page through our command", () => {
      const texts = Object.values(properties).flatMap((setting) => [setting.markdownDescription ?? '', setting.markdownDeprecationMessage ?? '']);
      const settingLinks = texts.flatMap((text) => [...text.matchAll(/`#([\w.-]+)#`/g)].map((match) => match[1]!));
      const commandLinks = texts.flatMap((text) => [...text.matchAll(/\]\((command:[^)]+)\)/g)].map((match) => match[1]!));
      assert.ok(settingLinks.length > 0, 'no setting links another');
      assert.deepEqual(
        settingLinks.filter((key) => !(key in properties)),
        [],
        'a setting link names no setting',
      );
      // The Settings UI makes a link only of a setting id in backticks: a bare one shows as text.
      assert.deepEqual(
        texts.flatMap((text) => text.match(/(?<!`)#plumbLine\.[\w.-]+#(?!`)/g) ?? []),
        [],
        'a setting id outside backticks',
      );
      assert.deepEqual([...new Set(commandLinks)].sort(), RULE_IDS.map(rulePageLink).sort(), 'the command links are not one per rule page');
      for (const id of RULE_IDS) {
        const [command, query] = rulePageLink(id).slice('command:'.length).split('?');
        assert.equal(command, COMMANDS.openRulePage);
        assert.deepEqual(JSON.parse(decodeURIComponent(query!)), [id]);
      }
    });
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

    it('the walkthrough names only those commands and views, and each step has its page', () => {
      // VS Code's own commands that a step may link to: our view container's, and the Settings editor.
      const builtIn = [`workbench.view.extension.${VIEW_CONTAINER}`, 'workbench.action.openSettings'];
      const known = new Set<string>([...Object.values(COMMANDS), ...Object.values(VIEWS), ...builtIn]);
      const steps = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);
      assert.ok(steps.length > 0, 'no walkthrough steps');
      const pages = steps.map((step) => step.media.markdown ?? '');
      assert.deepEqual(
        pages.filter((page) => !/^media\/walkthrough\/[\w-]+\.md$/.test(page) || !existsSync(join(root, page))),
        [],
        'each step shows a page of media/walkthrough/ (the folder .vscodeignore ships)',
      );
      const texts = [...steps.map((step) => step.description), ...pages.map((page) => readFileSync(join(root, page), 'utf8'))];
      const linked = texts.flatMap((text) => [...text.matchAll(/\(command:([\w.-]+)/g)].map((match) => match[1]!));
      const events = steps.flatMap((step) => step.completionEvents ?? []).flatMap((event) => /^on(?:View|Command):(.*)$/.exec(event)?.[1] ?? []);
      assert.ok(linked.length > 0, 'no command links in the walkthrough');
      assert.deepEqual(
        [...linked, ...events].filter((id) => !known.has(id)),
        [],
        drift('walkthroughs'),
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

  it('has one entry for the desktop and the browser, which tells the two hosts apart', () => {
    // One bundle ships the language client once (the VSIX size target of issue 8); it picks the transport at activation.
    assert.equal(manifest.browser, manifest.main);
    assert.equal(onNode({ process: { versions: { node: '20.20.2' } } }), true, "Node's extension host");
    assert.equal(onNode({}), false, 'a web worker with no process');
    assert.equal(onNode({ process: { versions: {} }, importScripts: () => undefined }), false, 'a worker with a process shim');
    assert.equal(onNode({ process: { versions: { node: '20.20.2' } }, importScripts: () => undefined }), false, 'a worker whose shim names Node');
    assert.equal(onNode(), true, 'this test runs on Node');
  });
});
