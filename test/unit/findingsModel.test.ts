// The VendorLens view's grouping and filters, on plain finding records.
import { strict as assert } from 'node:assert';
import { countFindings, FindingsIndex, groupFindings, NO_ADVISORY, type FindingRecord, type FilterState, type Grouping } from '../../src/client/views/findingsModel';

function finding(over: Partial<FindingRecord>): FindingRecord {
  return {
    uri: 'file:///ws/a.cfg',
    path: 'a.cfg',
    line: 0,
    character: 0,
    endLine: 0,
    endCharacter: 1,
    message: 'm',
    severity: 'error',
    vendorId: 'huawei',
    advisoryIds: ['cz', 'us'],
    advisoriesInForce: ['us'],
    accepted: false,
    ...over,
  };
}

const names = { vendor: (id: string) => id.toUpperCase(), advisory: (id: string) => `advisory ${id}` };
const all = { severity: 'all' as const, showAccepted: true };

describe('VendorLens view model', () => {
  const findings = [
    finding({ line: 9 }),
    finding({ line: 2 }),
    finding({ uri: 'file:///ws/b/quote.csv', path: 'b/quote.csv', vendorId: 'zte', severity: 'warning' }),
    finding({ vendorId: 'h3c', advisoryIds: [], advisoriesInForce: [], severity: 'information' }),
    finding({ uri: 'file:///ws/b/quote.csv', path: 'b/quote.csv', severity: 'information', accepted: true }),
  ];

  it('groups by vendor, then file, findings in line order, with counts', () => {
    const groups = groupFindings(findings, 'vendor', all, names);
    assert.deepEqual(groups.map((g) => [g.label, g.count, g.openCount]), [['HUAWEI', 3, 2], ['ZTE', 1, 1], ['H3C', 1, 1]]);
    const huawei = groups[0]!;
    assert.deepEqual(huawei.files.map((f) => f.path), ['a.cfg', 'b/quote.csv']);
    assert.deepEqual(huawei.files[0]!.findings.map((f) => f.line), [2, 9]);
  });

  it('groups by advisory: a finding under every advisory naming its vendor, in-force ones first, unnamed last', () => {
    const groups = groupFindings(findings, 'advisory', all, names);
    assert.deepEqual(groups.map((g) => [g.id, g.inForce, g.count]), [['us', true, 4], ['cz', false, 4], [NO_ADVISORY, false, 1]]);
  });

  it('filters by severity and acceptance', () => {
    const errors = groupFindings(findings, 'vendor', { severity: 'error', showAccepted: false }, names);
    assert.deepEqual(errors.map((g) => [g.id, g.count]), [['huawei', 2]]);
    const warningsUp = groupFindings(findings, 'vendor', { severity: 'warning', showAccepted: true }, names);
    assert.deepEqual(warningsUp.map((g) => [g.id, g.count]), [['huawei', 3], ['zte', 1]]);
  });

  it('counts a file\'s findings for the status bar', () => {
    assert.deepEqual(countFindings(findings), { error: 2, warning: 1, information: 1, accepted: 1 });
  });

  describe('kept up to date file by file', () => {
    /** The view's content in full: groups with counts, their files with counts, each file's finding lines. */
    const snapshot = (index: FindingsIndex) =>
      index.groups(names).map((g) => ({
        ...g,
        files: index.filesOf(g.id).map((f) => ({ ...f, lines: index.findingsOf(g.id, f.uri).map((x) => x.line) })),
      }));
    const fromScratch = (current: Map<string, FindingRecord[]>, grouping: Grouping, filter: FilterState) => {
      const index = new FindingsIndex(grouping, filter, (uri) => current.get(uri) ?? []);
      for (const [uri, list] of current) index.setFile(uri, list);
      return index;
    };
    const file = (uri: string, path: string, over: Partial<FindingRecord>[]) => over.map((o) => finding({ uri, path, ...o }));

    it('after files change, are added and removed, shows what an index built from scratch shows', () => {
      const current = new Map<string, FindingRecord[]>();
      const index = new FindingsIndex('vendor', all, (uri) => current.get(uri) ?? []);
      const set = (uri: string, list: FindingRecord[]) => {
        if (list.length > 0) current.set(uri, list);
        else current.delete(uri);
        index.setFile(uri, list);
      };
      set('file:///ws/a.cfg', file('file:///ws/a.cfg', 'a.cfg', [{ line: 3 }, { line: 1, vendorId: 'zte', severity: 'warning' }]));
      set('file:///ws/b.csv', file('file:///ws/b.csv', 'b.csv', [{ line: 5, accepted: true, severity: 'information' }, { line: 2, vendorId: 'h3c', advisoryIds: [], advisoriesInForce: [] }]));
      set('file:///ws/c.cfg', file('file:///ws/c.cfg', 'c.cfg', [{ line: 7, severity: 'warning' }]));
      assert.deepEqual(snapshot(index), snapshot(fromScratch(current, 'vendor', all)));
      assert.deepEqual(
        index.groups(names).map((g) => [g.id, g.count, g.openCount, g.fileCount]),
        [['huawei', 3, 2, 3], ['zte', 1, 1, 1], ['h3c', 1, 1, 1]],
      );
      assert.deepEqual([index.total, index.openSevere], [5, 4]);

      // A file analysed again: its old counts leave every group, its new ones join.
      set('file:///ws/a.cfg', file('file:///ws/a.cfg', 'a.cfg', [{ line: 4, vendorId: 'zte' }]));
      // A file that lost its findings leaves the view, and a group left empty goes with it.
      set('file:///ws/b.csv', []);
      assert.deepEqual(snapshot(index), snapshot(fromScratch(current, 'vendor', all)));
      assert.deepEqual(index.groups(names).map((g) => [g.id, g.count, g.fileCount]), [['huawei', 1, 1], ['zte', 1, 1]]);
      assert.deepEqual([index.total, index.openSevere], [2, 2]);
      assert.deepEqual(index.filesOf('h3c'), []);
      assert.deepEqual(index.findingsOf('huawei', 'file:///ws/a.cfg'), [], 'a file no longer in the group');

      // Another grouping and filter count every file again, as a fresh index would.
      const warnings = { severity: 'warning' as const, showAccepted: false };
      index.configure('advisory', warnings);
      assert.deepEqual(snapshot(index), snapshot(fromScratch(current, 'advisory', warnings)));
      assert.deepEqual(index.groups(names).map((g) => [g.id, g.inForce, g.count]), [['us', true, 2], ['cz', false, 2]]);
      assert.deepEqual([index.total, index.openSevere], [2, 2], 'the totals ignore the filter');
    });

    it('reads a file\'s findings only when the view opens that file', () => {
      const current = new Map([['file:///ws/a.cfg', file('file:///ws/a.cfg', 'a.cfg', [{ line: 9 }, { line: 2 }])]]);
      const reads: string[] = [];
      const index = new FindingsIndex('vendor', all, (uri) => (reads.push(uri), current.get(uri) ?? []));
      index.setFile('file:///ws/a.cfg', current.get('file:///ws/a.cfg')!);
      assert.deepEqual(index.groups(names).map((g) => g.count), [2]);
      assert.deepEqual(reads, [], 'counting needs no read');
      assert.deepEqual(index.findingsOf('huawei', 'file:///ws/a.cfg').map((f) => f.line), [2, 9]);
      assert.deepEqual(reads, ['file:///ws/a.cfg']);
    });
  });
});
