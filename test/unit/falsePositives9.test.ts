// False-positive classes the fp9 held-out round showed: FS.com switches named like Huawei's S-series. The
// rows and sentences are written here; each trap sits next to the real Huawei case it must not lose.
import { strict as assert } from 'node:assert';
import { flaggedInQuoteRow, productMakersInText } from './helpers';

describe('false-positive classes of round fp9', () => {
  it("reads FS.com's S3700/S5300-style switches (ports, T, uplinks after the dash) as not Huawei", () => {
    for (const model of ['S3700-24T4F', 'S3400-48T6SP', 'S5860-20SQ', 'S3410-24TS-P', 'S5300-48T4S']) {
      for (const maker of ['', 'FS', 'FS.com']) assert.deepEqual(flaggedInQuoteRow(maker, model, '24-port switch'), [], `${maker} ${model}`);
    }
    assert.deepEqual(productMakersInText('I ended up with a FS S3700-24T4F fanless switch'), []);
    assert.deepEqual(productMakersInText('| FS S3700-24T4F  | 24 Port Switch - Network |'), []);
  });

  it("still reads Huawei's S3700 and S5700-series switches with Huawei's suffix grammar", () => {
    for (const model of ['S3700-28TP-EI-AC', 'S5735-L24T4S-A', 'S5720-28X-SI-AC', 'S5700-48TP-SI-AC', 'S5720-12TP-PWR-LI-AC']) {
      assert.deepEqual(flaggedInQuoteRow('', model, 'switch'), [['huawei', 'medium']], model);
    }
    assert.deepEqual(productMakersInText('core uplinked to an S3700-28TP-EI-AC in the closet'), ['huawei']);
  });
});
