// The document-level prefilter: matchers only see fields where one of their triggers occurs, and a
// plain-text document only makes fields of such lines. It must change how fast, never what is found:
// every test here compares the analysis with the prefilter against the same analysis without it.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeDocument, createMatchers, type AnalysisOptions, type Matchers } from '../../src/core/analyze';
import { plainTextFormat } from '../../src/core/formats/plainText';
import { canWalkBack } from '../../src/core/formats/sections';
import { createLineLocator } from '../../src/core/text';
import { phraseTrigger } from '../../src/core/evidence/patterns';
import type { LineFilter } from '../../src/core/formats/format';
import type { DocumentAnalysis } from '../../src/core/model';
import { createLiteralSearch } from '../../src/core/regex/literalSearch';
import { requiredLiteralSets, requiredLiterals } from '../../src/core/regex/requiredLiteral';
import { DIALECTS } from '../../src/core/formats/dialects/detect';
import { documentText, runOptions, seedDocuments } from './fuzzSupport';
import { knowledge, textDocument } from './helpers';

const OPTIONS: AnalysisOptions = { profiles: [], overrides: {}, policyAcceptances: [], trusted: true, today: '2026-11-29', maxFindings: 10_000 };

function both(text: string, uri = 'file:///ws/x.cfg', languageId = 'plaintext'): [DocumentAnalysis, DocumentAnalysis] {
  const kb = knowledge();
  const withTriggers = createMatchers(kb);
  const without: Matchers = { ...withTriggers, trigger: undefined };
  const document = textDocument(text, uri, languageId);
  const fast = analyzeDocument(document, kb, withTriggers, OPTIONS);
  // Positions are worked out without the document's line table where a field knows its line: they must be the table's.
  for (const f of fast.findings) {
    assert.deepEqual([f.range.start, f.range.end], [document.positionAt(f.evidence.start), document.positionAt(f.evidence.end)], f.id);
  }
  return [fast, analyzeDocument(document, kb, without, OPTIONS)];
}

const summary = (a: DocumentAnalysis) => ({
  findings: a.findings.map((f) => [f.id, f.range, f.message, f.severity, f.accepted?.reason, f.related.map((r) => r.range)]),
  problems: a.problems.map((p) => [p.code, p.range, p.message]),
  dialect: a.dialect.id,
});

describe('document-level triggers', () => {
  it('every bundled field matcher has a trigger, so the prefilter is on for the bundled knowledge', () => {
    const matchers = createMatchers(knowledge());
    assert.deepEqual(matchers.fields.filter((m) => m.trigger === undefined).map((m) => m.kind), []);
    assert.ok(matchers.trigger);
  });

  it('turns the prefilter off when a name (from a policy file, say) has nothing to search for', () => {
    assert.equal(phraseTrigger(['Huawei', ' . , ']), undefined);
    assert.ok(phraseTrigger(['Huawei', '   ']), 'a blank name matches nothing and needs no trigger');
    const kb = knowledge();
    const odd = { ...kb.vendorById.get('zte')!, id: 'odd', names: [{ text: '.,', kind: 'brand' as const }] };
    assert.equal(createMatchers({ ...kb, vendors: [...kb.vendors, odd] }).trigger, undefined);
  });

  it('runs on a field only the matchers whose own trigger occurs in it (and those looking for shapes)', () => {
    const matchers = createMatchers(knowledge());
    const bits = (text: string) => matchers.fields.filter((_, k) => (matchers.trigger!.matchersIn(text) & (1 << k)) !== 0).map((m) => m.kind);
    const macLine = bits('mac address-table static 4419.b6c2.7e15 vlan 40 interface GigabitEthernet1/0/17');
    assert.ok(macLine.includes('mac-oui'));
    assert.ok(!macLine.includes('vendor-name') && !macLine.includes('domain'), macLine.join());
    const named = bits(' description uplink to HUAWEI core');
    assert.ok(named.includes('vendor-name'), named.join());
  });

  it('finds exactly what the full analysis finds in every fixture and example', () => {
    for (const seed of seedDocuments()) {
      const [fast, full] = both(seed.text, seed.uri, seed.languageId);
      assert.deepEqual(summary(fast), summary(full), seed.name);
    }
  });

  for (const [format, uri, languageId] of [
    ['plain text', 'file:///ws/x.cfg', 'plaintext'],
    ['CSV', 'file:///ws/quote.csv', 'csv'],
  ] as const) {
    it(`finds exactly what the full analysis finds in mutated and random documents read as ${format}`, () => {
      const seeds = seedDocuments();
      fc.assert(
        fc.property(documentText(seeds), (text) => {
          const [fast, full] = both(text, uri, languageId);
          assert.deepEqual(summary(fast), summary(full));
        }),
        runOptions(),
      );
    });
  }

  it('a CSV row is read when any of its cells holds a trigger, with the row as context', () => {
    const text = 'Item;Manufacturer;Part Number;Description;Qty\n1;Cisco;C9300-48P;switch;2\n2;Reseller GmbH;S5720-28X-SI-AC;access switch;4\n3;Aztech;X;adapter;1\n';
    const [fast, full] = both(text, 'file:///ws/quote.csv', 'csv');
    assert.deepEqual(summary(fast), summary(full));
    assert.deepEqual(fast.findings.map((f) => [f.vendorId, f.evidence.field.row?.maker]), [['huawei', 'Reseller GmbH']]);
  });

  it('keeps Unicode case folds, CR line ends, notes over skipped lines and names split across lines', () => {
    const text = [
      'interface Gi0/1',
      ' description HUAWEI ne40e-x8a',
      ' description uplink \u212Aaspersky', // KELVIN SIGN: folds onto "k" only under Unicode case folding
      '! vendorlens-accept: zte | reason: lab unit | expires: 2030-01-01',
      '',
      ' description ZTE ZXR10 5960',
      ' arp 10.0.0.9 00e0.fc12.3456 Vlan10\r description Hikvision camera\r\n description Zhejiang',
      ' Dahua Technology',
      ' snmp-server view v 1.3.6.1.4.1.2011 included',
      ' neighbor 10.1.1.1 remote-as 4134',
    ].join('\n');
    const [fast, full] = both(text);
    assert.deepEqual(summary(fast), summary(full));
    assert.ok(fast.findings.some((f) => f.accepted?.reason === 'lab unit'), 'the note still covers the line below it');
    assert.ok(fast.findings.length >= 7, `found ${fast.findings.length}`);
  });

  it('a plain-text document makes fields of the wanted lines only, with the section path of the full parse', () => {
    const text = 'interface Gi0/1\n description HUAWEI\n mtu 9000\n!\ninterface Gi0/2\n description plain\n';
    const full = plainTextFormat.parse(text).fields;
    const wanted = plainTextFormat.parse(text, { wants: (start, end) => text.slice(start, end).includes('HUAWEI'), lastWanted: text.length }).fields;
    assert.deepEqual(wanted, full.filter((f) => f.text.includes('HUAWEI')));
    assert.deepEqual(wanted[0]!.path, ['interface Gi0/1']);
  });
});

describe('required literals of regular expressions', () => {
  const cases: [RegExp, string[] | undefined][] = [
    [/^[ \t]*(?<anchor>vlan batch) \d/m, ['vlan batch ']],
    [/(?<![\w-])(?<anchor>Eth-Trunk\d+)/, ['Eth-Trunk']],
    [/abc(?:def|deg)x/, ['abcde']],
    [/(?:ab){2}c/, ['ababc']],
    [/x+yz/, ['xyz']],
    [/a(?:bc)?d/, ['a']],
    [/(?:huawei|zte)/, ['huawei', 'zte']],
    [/(?:display|dis) /, ['dis']],
    [/(?:MA56\d{2}T?|MA58\d{2}|EA5800)/, ['MA56', 'MA58', 'EA5800']],
    [/Comware (?:Platform )?Software/i, ['Comware ']],
    [/[\da-f]{4}\.[\da-f]{4}/, ['.']],
    [/Huawei/iu, undefined],
    [/(a)\1bcd/, undefined],
    [/[ab]+/, undefined],
  ];
  for (const [regex, expected] of cases) {
    it(`${regex} → ${JSON.stringify(expected)}`, () => assert.deepEqual(requiredLiterals(regex), expected));
  }

  it('every dialect fingerprint that matches a seed document contains one literal of each of its sets there', () => {
    for (const seed of seedDocuments()) {
      for (const { regex } of DIALECTS.flatMap((d) => d.fingerprints)) {
        const sets = requiredLiteralSets(regex);
        regex.lastIndex = 0;
        if (!sets || !regex.test(seed.text)) continue;
        for (const set of sets) assert.ok(createLiteralSearch(set, { ignoreCase: regex.flags.includes('i') }).test(seed.text), `${regex} ${JSON.stringify(set)} in ${seed.name}`);
      }
    }
  });

  const setCases: [RegExp, string[][] | undefined][] = [
    // Each run of fixed text between classes is needed: the text must hold all of them.
    [/^[ \t]*(?<anchor>Interface[ \t]+Status[ \t]+Protocol)/m, [['Interface'], ['Protocol'], ['Status']]],
    // An alternation's options count as one set; the fixed text after it as another.
    [/(?:huawei|zte) router/, [[' router'], ['huawei', 'zte']]],
    // Sets of one character tell nothing, and lookarounds need nothing.
    [/(?<![\w-])ab\d+c(?=x)/, [['ab']]],
    [/a(?:bc)?d/, [['a']]],
    [/[ab]+/, undefined],
  ];
  for (const [regex, expected] of setCases) {
    it(`${regex} needs one of each of ${JSON.stringify(expected)}`, () => assert.deepEqual(requiredLiteralSets(regex), expected));
  }

  it('a text missing every literal of one set is never matched, on random texts', () => {
    const regexes = [...new Set(DIALECTS.flatMap((d) => d.fingerprints.map((f) => f.regex)))].flatMap((regex) => {
      const sets = requiredLiteralSets(regex);
      return sets ? [{ regex, sets, searches: sets.map((set) => createLiteralSearch(set, { ignoreCase: regex.flags.includes('i') })) }] : [];
    });
    const pieces = [...new Set(regexes.flatMap((r) => r.sets).flat())];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const fillers = [' ', '\n', '\t', '0', '1/0/1', '.', '-', ':', '#', '!', 'a', 'Z', '[', ']', '<', '>'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let k = 0; k < 60; k++) text += random(3) === 0 ? pieces[random(pieces.length)]! : fillers[random(fillers.length)]!;
      for (const { regex, sets, searches } of regexes) {
        if (searches.every((search) => search.test(text))) continue;
        regex.lastIndex = 0;
        assert.ok(!regex.test(text), `${regex} matched ${JSON.stringify(text)} without all of ${JSON.stringify(sets)}`);
      }
    }
  });
});

describe('plain text read straight at the wanted lines', () => {
  /** Two filters wanting the same lines (those holding one of the offsets): one lets the module go straight to them. */
  function filters(offsets: number[]): [LineFilter, LineFilter] {
    const lineByLine = (): LineFilter['wants'] => {
      let next = 0;
      return (start, end) => {
        while (next < offsets.length && offsets[next]! < start) next++;
        return next < offsets.length && offsets[next]! < end;
      };
    };
    const lastWanted = offsets.at(-1) ?? -1;
    return [{ wants: lineByLine(), lastWanted }, { wants: lineByLine(), lastWanted, only: offsets }];
  }
  const fieldsOf = (text: string, filter: LineFilter) => plainTextFormat.parse(text, filter).fields.map((f) => [f.offset, f.text, f.role, f.path, f.line]);
  const picks: ((c: string, i: number) => boolean)[] = [(c) => /[A-Z]/.test(c), (_, i) => i % 37 === 0, (c) => c === 'H' || c === '!', () => true];
  const check = (text: string, pick: (c: string, i: number) => boolean) => {
    const offsets: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] !== '\n' && text[i] !== '\r' && pick(text[i]!, i)) offsets.push(i);
    const [everyLine, straight] = filters(offsets);
    assert.deepEqual(fieldsOf(text, straight), fieldsOf(text, everyLine));
  };

  it('gives the fields, line numbers and section paths that reading every line gives, on the fixtures', () => {
    for (const seed of seedDocuments()) for (const pick of picks) check(seed.text, pick);
  });

  it('gives the same on mutated documents and on generated indentation, separators and comments', () => {
    const indented = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('interface X', '!', '#', '!!', '# c', '! comment', 'description HUAWEI', 'x', '', '  ', '#!#', '\t', '$x', '$', '$ \t', '!<if-intf>'), fc.constantFrom('\n', '\r\n', '\n', '\r\n', '\r')), { maxLength: 60 })
      .map((lines) => lines.map(([indent, text, end]) => ' '.repeat(indent) + text + end).join(''));
    fc.assert(
      fc.property(fc.oneof(documentText(seedDocuments()), indented, indented.map((t) => `version 15.2\nhostname x\n${t}`)), fc.integer({ min: 0, max: 3 }), (text, k) => check(text, picks[k]!)),
      runOptions(),
    );
  });
});

describe('when a walk back is exact', () => {
  // What the forward tracker reads differently: a ZXROS marker, a line of '$' alone, a lone \r line break.
  const needsTracker = (text: string) => text.includes('!<') || text.split(/\r\n|\r|\n/).some((line) => line.trim() === '$') || /\r(?!\n)/.test(text);

  it('is refused for every document holding what only the forward tracker reads', () => {
    const piece = fc.constantFrom('$', ' ', '\t', '\u00a0', '\u2028', '\n', '\r', '\r\n', 'x', '!', '<', 'a$', '$$');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(canWalkBack(text), !needsTracker(text), JSON.stringify(text));
      }),
      runOptions(),
    );
    for (const seed of seedDocuments()) assert.equal(canWalkBack(seed.text), !needsTracker(seed.text), seed.name);
  });
});

describe('positions counted in order', () => {
  it('are those of the document\'s positionAt, for offsets in any order and any line breaks', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', 'Huawei', '\u00e9');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: -2, max: 200 }), { maxLength: 12 }), fc.boolean(), (pieces, asked, sorted) => {
        const document = textDocument(pieces.join(''));
        const offsets = sorted ? [...asked].sort((a, b) => a - b) : asked;
        const locate = createLineLocator(document.getText(), (offset) => document.positionAt(offset));
        for (const offset of offsets) assert.deepEqual(locate(offset), document.positionAt(offset), `${offset} in ${JSON.stringify(document.getText())}`);
      }),
      runOptions(),
    );
  });
});

describe('dialect fingerprint gates', () => {
  it('every text a gated fingerprint matches, its gate matches too', () => {
    const gated = DIALECTS.flatMap((d) => d.fingerprints).filter((f) => f.gate);
    assert.ok(gated.length >= 2);
    const hexish = fc.stringMatching(/^[0-9a-fA-FxX.:\- \n]{0,60}$/);
    fc.assert(
      fc.property(fc.oneof(hexish, fc.constantFrom(...seedDocuments().map((s) => s.text))), (text) => {
        for (const { regex, gate } of gated) if (regex.test(text)) assert.ok(gate!.test(text), `${gate} misses what ${regex} matches in ${JSON.stringify(text.slice(0, 80))}`);
      }),
      runOptions(),
    );
  });
});

describe('literal search', () => {
  it('reports every literal present, overlapping and nested ones included, at its last character', () => {
    const search = createLiteralSearch(['vlan batch', 'batch', 'vlan', 'atch 1', 'absent'], { ignoreCase: false });
    const text = '  vlan batch 10\n';
    assert.deepEqual(search.ends(text), [5, 11, 13]);
    assert.deepEqual([...search.present(text)].sort(), [0, 1, 2, 3]);
    assert.deepEqual([...search.present('vlanbatc')], [2]);
    assert.equal(search.test('nothing here'), false);
  });

  it('ignores case as a regex with the i flag does, and no further', () => {
    const literals = ['huawei', 'ЛАБОРАТОРИЯ', 'ſ', 'k', 'ß'];
    const search = createLiteralSearch(literals, { ignoreCase: true });
    for (const text of ['HuAwEi', 'лаборатория', 'ſ', 'S', 'K', '\u212a', 'ß', 'SS', 'ẞ', 'x']) {
      const byRegex = literals.some((l) => new RegExp(l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i').test(text));
      assert.equal(search.test(text), byRegex, JSON.stringify(text));
    }
  });

  it('finds shapes beside the literals, overlapping ones included, as a regex of each shape finds them', () => {
    const hex = '0123456789abcdefABCDEF';
    const shapes = [['.-', hex, hex, '.-'], [':', hex, ':']];
    const text = fc.array(fc.constantFrom('.', '-', ':', 'a', 'F', '0', '9', 'g', ' ', '\n', 'ab', '华', 'mac'), { maxLength: 40 }).map((p) => p.join(''));
    const literalSets = fc.constantFrom(['mac'], ['ab', 'b-'], [], ['华a']);
    fc.assert(
      fc.property(text, literalSets, (t, literals) => {
        const expected = new Set<number>();
        const regexes = [/(?=([.-][0-9a-fA-F]{2}[.-]))/g, /(?=(:[0-9a-fA-F]:))/g, ...literals.map((l) => new RegExp(`(?=(${l}))`, 'gi'))];
        for (const regex of regexes) for (let m = regex.exec(t); m; m = regex.exec(t)) {
          expected.add(m.index + m[1]!.length - 1);
          regex.lastIndex = m.index + 1;
        }
        const search = createLiteralSearch(literals, { ignoreCase: true, shapes });
        assert.deepEqual(search.ends(t), [...expected].sort((a, b) => a - b), JSON.stringify(t));
        assert.equal(search.test(t), expected.size > 0);
      }),
      runOptions(),
    );
  });

  it('finds shapes with a regex where the literals are too many for the ASCII table', () => {
    const hex = '0123456789abcdefABCDEF';
    const shapes = [['.-', hex, hex, hex, hex, '.-']];
    // Over 32,768 states: literals of letters the text never holds.
    const junk = Array.from({ length: 5000 }, (_, i) => `qz${i.toString(36).padStart(4, 'q')}zq`.replace(/[0-9a-f]/g, 'x'));
    const text = 'arp 0011.22ab.cdef vlan-0101-0202-x ZTE\n';
    const small = createLiteralSearch(['zte'], { ignoreCase: true, shapes });
    const large = createLiteralSearch(['zte', ...junk], { ignoreCase: true, shapes });
    assert.deepEqual(large.ends(text), small.ends(text));
    assert.deepEqual(small.ends(text), [13, 28, 33, 38]);
    assert.equal(large.test('no shape here'), false);
  });

  // Literals with a non-ASCII character are searched only around the text's non-ASCII characters, so
  // some mix ASCII context into them ('x华', 'a为b').
  it('finds what a case-insensitive regex of the literals finds, where it ends, on random text', () => {
    const escape = (l: string) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const piece = fc.oneof(fc.string({ minLength: 1, maxLength: 4, unit: 'binary' }), fc.constantFrom('ab', 'AB', 'b', 'aba', '华为', 'ſ', 'K', 'x华', '华x', 'a为b'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 20 }), (literals, parts) => {
        const text = parts.join('');
        const search = createLiteralSearch(literals, { ignoreCase: true });
        assert.equal(search.test(text), new RegExp(literals.map(escape).join('|'), 'i').test(text));
        // Every end of every (overlapping) occurrence, by brute force.
        const ends = new Set<number>();
        literals.forEach((l, i) => {
          const at = new RegExp(`(?=(${escape(l)}))`, 'gi');
          for (let m = at.exec(text); m; m = at.exec(text)) {
            ends.add(m.index + m[1]!.length - 1);
            at.lastIndex = m.index + 1;
          }
          assert.equal(search.present(text).has(i), new RegExp(escape(l), 'i').test(text), `present ${JSON.stringify(l)}`);
        });
        assert.deepEqual(search.ends(text), [...ends].sort((a, b) => a - b));
        // The union of values over the literals present, each literal a bit of its own and one a shared bit.
        const values = Int32Array.from(literals, (_, i) => (1 << (i % 30)) | (i === 0 ? 1 << 30 : 0));
        let expected = 0;
        literals.forEach((l, i) => {
          if (new RegExp(escape(l), 'i').test(text)) expected |= values[i]!;
        });
        assert.equal(search.union(text, values), expected, 'union');
      }),
      runOptions(),
    );
  });
});
