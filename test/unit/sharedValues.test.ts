// The workspace review keeps one copy of the advisory lists its findings repeat (src/client/review/sharedValues.ts).
import { strict as assert } from 'node:assert';
import { SharedValues, shareFindingLists } from '../../src/client/review/sharedValues';

describe('values shared between the findings of a review', () => {
  const finding = (advisoryIds: string[], advisoriesInForce: string[]) => ({ data: { findingId: 'x', vendorId: 'hikvision', advisoryIds, advisoriesInForce, accepted: false } });

  it('gives equal lists one copy, across responses, and leaves their content and other data alone', () => {
    const lists = new SharedValues<string[]>();
    const first = [finding(['us-ndaa-889', 'cz-nukib'], ['us-ndaa-889']), finding(['us-ndaa-889', 'cz-nukib'], ['us-ndaa-889'])];
    const second: { data?: unknown }[] = [finding(['us-ndaa-889', 'cz-nukib'], []), { data: undefined }, { data: 'not an object' }, { data: { advisoryIds: [1, 2] } }];
    const dataOf = (i: number) => second[i]!.data as { advisoryIds: unknown; advisoriesInForce: unknown };
    shareFindingLists(first, lists);
    shareFindingLists(second, lists);
    assert.equal(first[0]!.data.advisoryIds, first[1]!.data.advisoryIds);
    assert.equal(first[0]!.data.advisoriesInForce, first[1]!.data.advisoriesInForce);
    assert.equal(dataOf(0).advisoryIds, first[0]!.data.advisoryIds, 'the same list in a later response');
    assert.notEqual(first[0]!.data.advisoryIds, first[0]!.data.advisoriesInForce);
    assert.deepEqual(first[0]!.data, { findingId: 'x', vendorId: 'hikvision', advisoryIds: ['us-ndaa-889', 'cz-nukib'], advisoriesInForce: ['us-ndaa-889'], accepted: false });
    assert.deepEqual(dataOf(0).advisoriesInForce, []);
    assert.deepEqual(dataOf(3).advisoryIds, [1, 2], 'not a list of ids: left as it is');
  });

  it('lists that differ only in order stay apart', () => {
    const lists = new SharedValues<string[]>();
    const both = [finding(['a', 'b'], []), finding(['b', 'a'], [])];
    shareFindingLists(both, lists);
    assert.deepEqual(both.map((f) => f.data.advisoryIds), [['a', 'b'], ['b', 'a']]);
  });

  it('forgets everything past its size, so it never grows without bound', () => {
    const values = new SharedValues<number>(3);
    let made = 0;
    const share = (key: string) => values.share(key, () => ++made);
    assert.deepEqual([share('a'), share('b'), share('a'), share('c')], [1, 2, 1, 3]);
    assert.equal(share('d'), 4, 'a fourth key starts afresh');
    assert.equal(share('a'), 5, 'made again after the reset');
  });
});
