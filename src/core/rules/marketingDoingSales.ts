// marketing-doing-sales: the marketing function credited with sales' work. Examples: docs/rules/marketing-doing-sales.md
import { misattributionRule } from './misattribution';

export const marketingDoingSales = misattributionRule('marketing-doing-sales', 'marketing', 'sales');
