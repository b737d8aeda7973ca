import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareQuantities, exactQuantity, parseQuantity } from '../../server/src/rules/quantity';

const q = (text: string) => {
  const parsed = exactQuantity(text);
  assert.ok(parsed, `${text} is a quantity`);
  return parsed;
};
const sign = (a: string, b: string) => Math.sign(compareQuantities(q(a), q(b)));

describe('resource quantities', () => {
  test('compare exactly across suffixes, fractions and exponents', () => {
    assert.equal(sign('1100m', '1.1'), 0);
    assert.equal(sign('1Gi', '1024Mi'), 0);
    assert.equal(sign('1e3', '1k'), 0);
    assert.equal(sign('500m', '1'), -1);
    assert.equal(sign('2', '1500m'), 1);
    assert.equal(sign('1G', '1Gi'), -1);
  });

  test('compare quantities written in the same unit by their digits, signs included', () => {
    assert.equal(sign('128Mi', '256Mi'), -1);
    assert.equal(sign('256Mi', '128Mi'), 1);
    assert.equal(sign('256Mi', '256Mi'), 0);
    assert.equal(sign('-2', '1'), -1);
    assert.equal(sign('-1', '-2'), 1);
    assert.equal(sign('100m', '99m'), 1);
  });

  test('parse each text once and share a frozen result', () => {
    const first = q('750m');
    assert.equal(q('750m'), first);
    assert.ok(Object.isFrozen(first));
    assert.deepEqual({ ...first }, { digits: 750n, exp10: -3, exp2: 0 });
    assert.equal(exactQuantity('12 apples'), undefined);
    assert.equal(exactQuantity('12 apples'), undefined);
    assert.equal(parseQuantity('2Gi'), 2 * 2 ** 30);
    assert.equal(parseQuantity('250m'), 0.25);
  });
});
