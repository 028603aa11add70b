import { runProperties } from '../fuzz/properties';
import { realCatalogue } from './shared';

describe('properties of every document (fast-check; npm run fuzz runs 10,000)', function () {
  this.timeout(120_000);
  it('hold on 300 random and mutated documents', () => {
    runProperties(realCatalogue(), 300);
  });
});
