// The adversarial shapes of the reliability issue (issue 7), each a function from a size in KB to a document.
/** @type {Record<string, (kb: number) => string>} */
export const shapes = {
  'one long line': (kb) => 'Marketing closed the deal and we met Acme. '.repeat(Math.ceil((kb * 1024) / 43)),
  'a long list': (kb) => '- Marketing closed the deal.\n'.repeat(Math.ceil((kb * 1024) / 29)),
  'nested lists': (kb) => Array.from({ length: Math.ceil((kb * 1024) / 60) }, (_, at) => `${'  '.repeat(at % 40)}- Marketing closed the deal.\n`).join(''),
  'deep block quotes': (kb) => Array.from({ length: Math.ceil((kb * 1024) / 70) }, (_, at) => `${'> '.repeat(at % 30)}Marketing closed the deal.\n`).join(''),
  'quote after quote': (kb) => Array.from({ length: Math.ceil((kb * 1024) / 56) }, (_, at) => `${'> '.repeat(at % 30)}Marketing closed the deal.\n\n`).join(''),
  'lazy quote lines': (kb) => `> Notes from the call.\n${'Marketing closed the deal.\n'.repeat(Math.ceil((kb * 1024) / 27))}`,
  'unclosed inline tags': (kb) => '<b> Marketing closed the deal. '.repeat(Math.ceil((kb * 1024) / 31)),
  'control comments': (kb) => 'Marketing closed the deal. <!-- plumb-line-disable-line conflation -->\n\n'.repeat(Math.ceil((kb * 1024) / 72)),
  'alternating owners': (kb) =>
    Array.from({ length: Math.ceil((kb * 1024) / 26) }, (_, at) => (at % 2 ? 'Sales closes the deal.' : 'Marketing closes the deal.')).join('\n\n'),
  'table rows': (kb) => `| Task | Owner |\n| --- | --- |\n${'| Closing the deal | Marketing |\n'.repeat(Math.ceil((kb * 1024) / 32))}`,
};
