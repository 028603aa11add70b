// What the benchmark times, bundled like the extension: catalogue loading and linting.
export { lintMarkdown } from '../src/core';
export { forgetKept } from '../src/core/kept';
export { loadCatalogue } from '../src/corpusFolder';
