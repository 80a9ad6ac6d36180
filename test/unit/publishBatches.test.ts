// The workspace review publishes its results in batches that grow with the run (src/client/review/publishBatches.ts).
import { strict as assert } from 'node:assert';
import { MAX_BATCH_FILES, PublishBatches } from '../../src/client/review/publishBatches';

describe('review results published in growing batches', () => {
  it('publishes the first result alone, then batches growing by one per four published, up to the maximum', () => {
    const sizes: number[] = [];
    const seen: number[] = [];
    const batches = new PublishBatches<number>((items) => (sizes.push(items.length), seen.push(...items)), 8);
    for (let i = 0; i < 200; i++) batches.add(i);
    assert.deepEqual(sizes.slice(0, 8), [1, 1, 1, 1, 2, 2, 3, 3]);
    assert.ok(sizes.every((n) => n <= 8));
    assert.deepEqual(sizes.slice(-3), [8, 8, 8]);
    const pending = 200 - seen.length;
    assert.ok(pending < 8, `${pending} results waiting for a full batch`);
    batches.flush();
    assert.deepEqual(seen, Array.from({ length: 200 }, (_, i) => i), 'every result once, in order');
    batches.flush();
    assert.equal(seen.length, 200, 'nothing published twice');
  });

  it('turns a review of 12,000 files into a few hundred updates', () => {
    let updates = 0;
    const batches = new PublishBatches<number>(() => updates++);
    for (let i = 0; i < 12_000; i++) batches.add(i);
    batches.flush();
    assert.equal(MAX_BATCH_FILES, 64);
    assert.ok(updates < 400, `${updates} updates`);
  });
});
