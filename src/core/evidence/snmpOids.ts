// Evidence kind 'snmp-oid': an SNMP object identifier under a vendor's IANA enterprise number
// (1.3.6.1.4.1.<PEN>…), e.g. a sysObjectID in a capture or a MIB view in a config. Anchored on the
// arc: 1.3.6.1.4.1.2011 and .2011.2.23 are Huawei, 1.3.6.1.4.1.20110 is not.
// Also an object named through a vendor's MIB module whose name does not name the vendor (HIK-DEVICE-MIB::memUsed.0).
import type { Evidence, Field, KnowledgeBase } from '../model';
import { evidenceAt, NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { t } from '../l10n';

// Dotted numeric, with or without the leading dot, or the symbolic "enterprises." / "SNMPv2-SMI::enterprises." form.
// net-snmp without a MIB for the object names only the root it knows: "iso.3.6.1.4.1.2011…" (default output),
// ".iso.org.dod.internet.private.enterprises.2011…" (-Of).
const OID =
  /(?<![\w.])(?:\.?1\.3\.6\.1\.4\.1|\.?iso\.3\.6\.1\.4\.1|\.?iso\.org\.dod\.internet\.private\.enterprises|(?:SNMPv2-SMI::)?enterprises)\.(\d{1,10})((?:\.\d{1,10})*)(?![\w.]|\.\d)/g;
/** What every OID above contains ("iso.3.6.1.4.1" does not contain "1.3.6.1.4.1"). */
const OID_LITERALS = ['1.3.6.1.4.1', 'iso.3.6.1.4.1', 'enterprises.'];

/** An object named through its module, as net-snmp prints it with the MIB loaded: HIK-DEVICE-MIB::memUsed.0. */
function moduleObjectPattern(modules: readonly string[]): RegExp | undefined {
  if (modules.length === 0) return undefined;
  const alternation = [...modules].sort((a, b) => b.length - a.length).map((m) => m.replace(/[^A-Z0-9-]/g, '')).join('|');
  return new RegExp(`(?<![\\w-])(?:${alternation})::(?=[A-Za-z])`, 'g');
}

export function createSnmpOidMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const vendorByPen = new Map<number, string>();
  for (const vendor of kb.vendors) for (const pen of vendor.enterpriseNumbers ?? []) vendorByPen.set(pen, vendor.id);
  const vendorByModule = new Map<string, string>();
  for (const vendor of kb.vendors) for (const module of vendor.mibModules ?? []) vendorByModule.set(module, vendor.id);
  const moduleObject = moduleObjectPattern([...vendorByModule.keys()]);
  const moduleLiterals = [...vendorByModule.keys()].map((module) => `${module}::`);
  const literals = [...(vendorByPen.size > 0 ? OID_LITERALS : []), ...moduleLiterals];
  return {
    kind: 'snmp-oid',
    trigger: literals.length === 0 ? NEVER : { literals },
    match(field: Field): readonly Evidence[] {
      const found: Evidence[] = [];
      if (moduleObject && field.text.includes('::')) {
        moduleObject.lastIndex = 0;
        for (let m = moduleObject.exec(field.text); m; m = moduleObject.exec(field.text)) {
          const module = m[0].slice(0, -2);
          const vendorId = vendorByModule.get(module);
          if (!vendorId) continue;
          found.push(
            evidenceAt(field, m.index, module, {
              kind: 'snmp-oid',
              vendorId,
              confidence: field.role === 'comment' ? 'low' : 'high',
              detail: t('SNMP object of the MIB module {0}', module),
            }),
          );
        }
      }
      if (!OID_LITERALS.some((literal) => field.text.includes(literal))) return found.length > 0 ? found : NO_EVIDENCE;
      OID.lastIndex = 0;
      for (let m = OID.exec(field.text); m; m = OID.exec(field.text)) {
        const pen = Number(m[1]);
        const vendorId = vendorByPen.get(pen);
        if (!vendorId) continue;
        const subtree = m[2] !== '';
        found.push(
          evidenceAt(field, m.index, m[0], {
            kind: 'snmp-oid',
            vendorId,
            // An object under the arc (a sysObjectID, a vendor MIB object) says more than the bare arc.
            confidence: field.role === 'comment' ? 'low' : subtree ? 'high' : 'medium',
            detail: t('SNMP OID under IANA enterprise number {0}', pen),
          }),
        );
      }
      return found;
    },
  };
}
