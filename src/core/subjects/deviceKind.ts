// The kind of device in a reviewer's words ('switch', 'camera'), read from data: the label of the
// catalogue family a model belongs to ("S-series campus switch"), else the product categories the
// vendor makes (vendors.yaml), when there are at most two. Undefined when neither says: never guessed.
import type { Vendor } from '../model';
import { t } from '../l10n';

/** Kind words as catalogue family labels write them; the first one a label holds names the kind. */
const FAMILY_WORDS: ReadonlyArray<readonly [string, () => string]> = [
  ['access point', () => t('access point')],
  ['access controller', () => t('access controller')],
  ['firewall', () => t('firewall')],
  ['router', () => t('router')],
  ['switch', () => t('switch')],
  ['OLT', () => t('OLT')],
  ['ONT', () => t('ONT')],
  ['NVR', () => t('NVR')],
  ['DVR', () => t('DVR')],
  ['XVR', () => t('XVR')],
  ['recorder', () => t('video recorder')],
  ['camera', () => t('camera')],
  ['intercom', () => t('intercom')],
  ['doorbell', () => t('doorbell')],
  ['home gateway', () => t('home gateway')],
  ['gateway', () => t('gateway')],
  ['CPE', () => t('CPE')],
  ['radio', () => t('radio')],
  ['phone', () => t('phone')],
  ['drone', () => t('drone')],
  ['inverter', () => t('inverter')],
];

const FAMILY_PATTERN = new RegExp(`\\b(${FAMILY_WORDS.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** The product categories of vendors.yaml (and of advisories' appliesTo), as a reviewer says them. */
function categoryWord(category: string): string | undefined {
  switch (category) {
    case 'ip-camera':
    case 'camera':
      return t('camera');
    case 'video-recorder':
      return t('video recorder');
    case 'two-way-radio':
      return t('radio');
    case 'telecom-network':
    case 'home-router':
      return t('network device');
    case 'phone':
      return t('phone');
    case 'drone':
      return t('drone');
    case 'pv-inverter':
      return t('inverter');
    default:
      return undefined;
  }
}

/** The kind word a catalogue family label holds, e.g. 'switch' for 'S-series campus switch'. */
export function kindOfFamily(label: string | undefined): string | undefined {
  const m = label ? FAMILY_PATTERN.exec(label) : null;
  if (!m) return undefined;
  const word = m[1]!.replace(/\s+/g, ' ').toLowerCase();
  return FAMILY_WORDS.find(([w]) => w.toLowerCase() === word)?.[1]();
}

/** The vendor's kinds of product, when it makes at most two ('camera or video recorder'). */
export function kindOfVendor(vendor: Vendor): string | undefined {
  const words = [...new Set((vendor.productCategories ?? []).map(categoryWord))];
  if (words.length === 0 || words.length > 2 || words.includes(undefined)) return undefined;
  return words.length === 1 ? words[0] : t('{0} or {1}', words[0]!, words[1]!);
}
