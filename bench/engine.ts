// What the benchmark times, bundled like the extension: catalogue loading and linting.
export { lintMarkdown } from '../src/core';
export { loadCatalogue } from '../src/corpusFolder';
