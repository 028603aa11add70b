// The ids the extension contributes in package.json, named once: the code uses these, and test/unit/manifest.test.ts
// checks package.json's contributes against them. The two a hover card links to are the protocol's (LINKED_COMMANDS).
import { LINKED_COMMANDS, TEACH_COMMAND } from '../server/protocol';

export const COMMANDS = {
  checkTerminology: 'plumbLine.checkTerminology',
  ...LINKED_COMMANDS,
  toggleLinting: 'plumbLine.toggleLinting',
  openSample: 'plumbLine.openSample',
  nextOccurrence: 'plumbLine.nextOccurrence',
  teachTeam: TEACH_COMMAND,
  addTeamConcept: 'plumbLine.addTeamConcept',
  openRulePage: 'plumbLine.openRulePage',
} as const;

/** The commands a hover card may run (each takes the id of what it opens); no other command link is trusted. */
export const HOVER_COMMANDS: string[] = [COMMANDS.openPassage, COMMANDS.revealConcept];

/** The commands that take an argument (the tree, the hover cards and the settings' links run them): hidden from the command palette. */
export const ARGUMENT_COMMANDS: string[] = [...HOVER_COMMANDS, COMMANDS.nextOccurrence, COMMANDS.teachTeam, COMMANDS.openRulePage];

/** The activity-bar container and the views in it. */
export const VIEW_CONTAINER = 'plumbLine';
export const VIEWS = {
  sources: 'plumbLine.sources',
  concepts: 'plumbLine.concepts',
} as const;
