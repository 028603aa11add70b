// The commonmark-spec package ships its examples without type declarations.
declare module 'commonmark-spec' {
  export interface Example {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  const spec: { text: string; tests: Example[] };
  export default spec;
}
