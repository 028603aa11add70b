// textlint-rule-terminology ships no type declarations; the bench only hands its default export to textlint's kernel.
declare module 'textlint-rule-terminology' {
  const rule: import('@textlint/kernel').TextlintRuleModule;
  export default rule;
}
