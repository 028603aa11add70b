import type { ActivityIndex } from '../activities';
import type { Credit } from '../attribution';
import type { Catalogue } from '../catalogue';
import type { ProseDocument } from '../prose';
import type { Finding, RuleId } from '../types';

/** What every rule sees: the analysed document, the credits found in it, the catalogue. */
export interface RuleContext {
  doc: ProseDocument;
  credits: Credit[];
  catalogue: Catalogue;
  activities: ActivityIndex;
}

/** A finding before options give it a severity. */
export type Draft = Omit<Finding, 'severity'>;

export interface Rule {
  id: RuleId;
  check(context: RuleContext): Draft[];
}

/** A concept label inside a sentence: "Closing the sale" → "closing the sale", "Advertising and PR" keeps its acronym. */
export function activityName(label: string): string {
  return label[0].toLowerCase() + label.slice(1);
}
