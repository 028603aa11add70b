// sales-doing-marketing: the sales function credited with marketing's work. Examples: docs/rules/sales-doing-marketing.md
import { misattributionRule } from './misattribution';

export const salesDoingMarketing = misattributionRule('sales-doing-marketing', 'sales', 'marketing');
