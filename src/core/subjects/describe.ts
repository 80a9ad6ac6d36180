// What a finding is about, in a reviewer's words, for the start of its message: "Huawei switch core-2
// (S6730-H24X6C), LLDP neighbour on Te1/1/1", "This file is a Huawei VRP device configuration",
// "Hikvision camera by its MAC 44:19:B6:C2:7E:15 (ARP 10.20.4.31, Gi1/0/14, VLAN 40)". The matcher's own
// account (prefix registries, families, dialect scores) stays in the evidence detail.
import type { Evidence, EvidenceKind, KnowledgeBase, Subject } from '../model';
import { t } from '../l10n';

const MAX_SHOWN = 60;

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_SHOWN ? `${one.slice(0, MAX_SHOWN - 1)}…` : one;
}

/** The kind of evidence in a word or two, for findings that are about a piece of text. */
export function evidenceKindName(kind: EvidenceKind): string {
  switch (kind) {
    case 'banner':
      return t('version banner');
    case 'vendor-name':
      return t('name');
    case 'model':
      return t('model');
    case 'oem-relabel':
      return t('relabelled model');
    case 'mac-oui':
      return t('MAC address');
    case 'snmp-oid':
      return t('SNMP enterprise OID');
    case 'pon-serial':
      return t('PON serial number');
    case 'domain':
      return t('domain');
    case 'asn':
      return t('AS number');
    case 'cpe':
      return t('CPE name');
    case 'purl':
      return t('package URL');
    case 'dialect':
      return t('configuration dialect');
  }
}

function device(vendor: string, kind: string | undefined): string {
  return kind ? t('{0} {1}', vendor, kind) : t('{0} device', vendor);
}

/** "Huawei S5735-L48T4X-A1", not "Huawei HUAWEI S5735-L48T4X-A1". */
function product(vendor: string, model: string): string {
  return model.toLowerCase().startsWith(vendor.toLowerCase()) ? shorten(model) : t('{0} {1}', vendor, shorten(model));
}

function neighbourPhrase(vendor: string, subject: Subject): string {
  const ids = subject.identifiers;
  let name = device(vendor, subject.deviceKind);
  if (ids.hostname) name = t('{0} {1}', name, shorten(ids.hostname));
  if (ids.model) name = t('{0} ({1})', name, shorten(ids.model));
  const protocol = subject.seenAs ?? 'LLDP';
  return ids.localPort ? t('{0}, {1} neighbour on {2}', name, protocol, ids.localPort) : t('{0}, {1} neighbour', name, protocol);
}

function hostPhrase(vendor: string, subject: Subject): string {
  const ids = subject.identifiers;
  let name = device(vendor, subject.deviceKind);
  if (ids.model) name = t('{0} ({1})', name, shorten(ids.model));
  const details: string[] = [];
  if (ids.ip) details.push(t('{0} {1}', subject.seenAs === 'DHCP binding' ? 'DHCP' : 'ARP', ids.ip));
  if (ids.localPort) details.push(ids.localPort);
  if (ids.vlan) details.push(t('VLAN {0}', ids.vlan));
  const phrase = ids.mac === undefined && ids.serial !== undefined ? t('{0} by its PON serial number {1}', name, ids.serial) : t('{0} by its MAC {1}', name, ids.mac ?? '');
  return details.length > 0 ? t('{0} ({1})', phrase, details.join(', ')) : phrase;
}

function devicePhrase(vendor: string, subject: Subject, evidence: Evidence): string {
  const ids = subject.identifiers;
  let name = ids.label ? t('{0} {1}', ids.label, subject.deviceKind ?? t('device')) : device(vendor, subject.deviceKind);
  if (ids.model) name = t('{0} ({1})', name, shorten(ids.model));
  const phrase =
    evidence.kind !== 'dialect' ? t('This file shows a {0} by its {1}', name, evidence.kind === 'mac-oui' ? t('own MAC address') : evidenceKindName(evidence.kind))
    : subject.seenAs === 'capture' ? t('This file is a capture from a {0}', name)
    : t('This file is a {0} configuration', name);
  return ids.hostname ? t('{0} ({1})', phrase, shorten(ids.hostname)) : phrase;
}

function itemPhrase(vendor: string, subject: Subject, evidence: Evidence): string {
  const ids = subject.identifiers;
  let what = ids.model ? product(vendor, ids.model) : device(vendor, subject.deviceKind);
  const cell = evidence.field.cell;
  if (cell) what = t('{0} in {1} row {2}', what, cell.sheet, cell.row);
  else if (ids.row !== undefined) what = t('{0} in row {1}', what, ids.row);
  // A component's label names it already ('component "DS-2CD2143G2-IU" at line 38').
  else if (ids.label) what = ids.model && ids.label.includes(ids.model) ? t('{0} {1}', vendor, ids.label) : t('{0}, {1}', what, ids.label);
  const maker = evidence.field.row?.maker;
  if (maker && (evidence.kind === 'model' || evidence.kind === 'oem-relabel') && !maker.toLowerCase().includes(vendor.toLowerCase())) {
    what = t('{0} (maker given as {1})', what, shorten(maker));
  }
  return what;
}

function textPhrase(vendor: string, evidence: Evidence): string {
  const phrase = t('{0} {1} "{2}"', vendor, evidenceKindName(evidence.kind), shorten(evidence.matched));
  const where = evidence.field.path?.at(-1);
  return where ? t('{0} in {1}', phrase, shorten(where)) : phrase;
}

/** The start of a finding's message: what the finding is about, and where. */
export function subjectPhrase(kb: KnowledgeBase, evidence: Evidence): string {
  const vendor = kb.vendorById.get(evidence.vendorId)?.displayName ?? evidence.vendorId;
  const subject = evidence.subject;
  switch (subject?.kind) {
    case 'neighbour':
      return neighbourPhrase(vendor, subject);
    case 'host':
      return hostPhrase(vendor, subject);
    case 'device':
      return devicePhrase(vendor, subject, evidence);
    case 'bom-item':
    case 'component':
      return itemPhrase(vendor, subject, evidence);
    default:
      return textPhrase(vendor, evidence);
  }
}
