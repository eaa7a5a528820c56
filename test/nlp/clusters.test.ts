import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadClusters, clusterPrefixes, sharedPrefix } from '../../src/nlp/clusters.js';

test('the committed clusters load once and look words up exactly, then in lower case', () => {
  const lookup = loadClusters();
  assert.equal(loadClusters(), lookup, 'cached per process');
  const said = lookup('said');
  assert.ok(said && /^[01]+$/.test(said), 'a bit string');
  assert.equal(lookup('SaId'), said, 'falls back to the lower-case form');
  assert.equal(lookup('n’t'), lookup("n't"), 'curly apostrophes read as straight ones');
  assert.ok(lookup("n't"));
  assert.equal(lookup('qzxqzxqzx'), null);
  assert.deepEqual(clusterPrefixes('0101', [2, 6]), ['01', '0101']);
  assert.deepEqual(clusterPrefixes(null), []);
});

test('words of a kind share longer prefixes than words of different kinds', () => {
  const lookup = loadClusters();
  const bits = (w: string) => {
    const b = lookup(w);
    assert.ok(b, `${w} has a cluster`);
    return b;
  };
  const near = (a: string, b: string, c: string) => {
    assert.ok(sharedPrefix(bits(a), bits(b)) > sharedPrefix(bits(a), bits(c)), `${a} is nearer ${b} than ${c}`);
  };
  near('Baghdad', 'Tehran', 'said');
  near('Baghdad', 'Damascus', 'militia');
  near('Monday', 'Tuesday', 'Iran');
  near('said', 'added', 'the');
  near('minister', 'president', 'oil');
  near('the', 'a', 'of');
});
