// The knowledge base and analysis model shared by every host (editor, LSP server, CLI).
// Pure types: no behaviour, no imports from hosts.
import type { Range } from 'vscode-languageserver-types';

export type Confidence = 'high' | 'medium' | 'low';
export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface SourceRef {
  url: string;
  checked: 'official' | 'secondary' | 'data';
  note?: string;
}

export type NameKind = 'legal' | 'brand' | 'alias' | 'subsidiary' | 'former' | 'local-script';

export interface VendorName {
  text: string;
  kind: NameKind;
  caseSensitive?: boolean;
  /** Also a personal given name: next to a surname (data/namesakes.json) it names a person. */
  givenName?: boolean;
  note?: string;
}

export interface ProductPattern {
  pattern: string;
  family: string;
  collidesWith?: string[];
  note?: string;
}

export interface Vendor {
  id: string;
  displayName: string;
  status: 'flagged' | 'borderline';
  statusNote?: string;
  kind?: 'equipment' | 'software' | 'service';
  /** ISO 3166-1 alpha-2 code (lower case) of the headquarters' country. */
  country?: string;
  /** Kinds of product the vendor makes, which an advisory's appliesTo can name. */
  productCategories?: string[];
  names: VendorName[];
  exclusions?: string[];
  /** Other companies sharing the vendor's name: a document naming one means it by the bare name too. */
  namesakeCompanies?: string[];
  relatedTo?: string[];
  enterpriseNumbers?: number[];
  /** The four letters that open the serial numbers of the vendor's PON terminals (GPON ONTs), e.g. HWTC. */
  ponVendorIds?: string[];
  ouiOrganizations?: string[];
  /** Wireshark's short names for the vendor's MAC prefixes, as tshark prints a resolved address: HuaweiTe_cc:7d:07. */
  wiresharkNames?: string[];
  /** The word opening the marketing names of the vendor's Android devices, as their DHCP host names start (HUAWEI_P30_Pro-9f13d2ee6f). */
  androidHostNamePrefixes?: string[];
  /** SNMP MIB modules under the vendor's enterprise numbers whose names do not name it (HIK-DEVICE-MIB). */
  mibModules?: string[];
  domains?: string[];
  cpeVendors?: string[];
  purlNamespaces?: string[];
  /** Packages of registries without namespaces, "type/name" or "type/prefix*" (pypi/huaweicloudsdk*, pub/huawei_*). */
  packageNames?: string[];
  /** Base names of the vendor's native SDK libraries as build files link them (hcnetsdk: -lhcnetsdk, HCNetSDK.dll). */
  sdkLibraries?: string[];
  asns?: number[];
  dialects?: string[];
  /** Phrases of the vendor's version banners, e.g. "Huawei Versatile Routing Platform". */
  banners?: string[];
  productPatterns?: ProductPattern[];
  sources: SourceRef[];
}

/** A model family of the product catalogue (data/catalogue/<maker>.yaml): one anchored pattern, what it covers, why it is safe. */
export interface CatalogueFamily {
  id: string;
  vendor: string;
  family: string;
  pattern: string;
  covers: string;
  collisions: string;
  /** Vendors with look-alike numbers: a maker column naming one of them decides against this family. */
  collidesWith?: string[];
  confidence: 'medium' | 'low';
  /** A shape other makers use too: a finding only inside a BOM row (a quantity or description beside it). */
  corroboration?: 'required';
  /** A brand word followed by anything ("SmartAX …"): in free text used only when nothing specific matches. */
  catchAll?: boolean;
  /** 'part': only a whole value of a part/model column (numeric BOM codes). */
  where?: 'part';
  examples?: string[];
  counterExamples?: string[];
  source: SourceRef;
}

/** A model listed by a device-type library (NetBox), with the file and commit it was read from. */
export interface CatalogueModel {
  vendor: string;
  model: string;
  partNumber?: string;
  /** The catalogue family the model belongs to, when one matches it. */
  family?: string;
  source: { library: string; file: string; commit: string; url: string };
}

/** A brand selling products made by a flagged maker (NDAA §889 covers equipment produced by the maker). */
export interface CatalogueRelabel {
  id: string;
  brand: string;
  names: string[];
  maker: string;
  from?: string;
  until?: string;
  /** The brand's own model scheme, for the products the maker made. */
  models?: string;
  /** The brand also sells other makers' products under this name: only a model names the maker. */
  modelsOnly?: boolean;
  /** The brand's own short model names are read only when the brand is the row's maker. */
  brandOnlyModels?: boolean;
  covers: string;
  note: string;
  source: SourceRef;
}

/** Another maker's product that resembles a flagged maker's: never a finding for that maker. */
export interface CatalogueLookalike {
  id: string;
  maker: string;
  names: string[];
  looksLike: string;
  pattern: string;
  why: string;
  examples?: string[];
  source: SourceRef;
}

/** data/generated/catalogue.json: made by scripts/generate-catalogue.mjs from data/catalogue and data/sources. */
export interface ProductCatalogue {
  generatedFrom: string[];
  families: CatalogueFamily[];
  models: CatalogueModel[];
  relabels: CatalogueRelabel[];
  lookalikes: CatalogueLookalike[];
}

/** The IEEE MAC-prefix assignments of the listed organisations (data/generated/oui.json). */
export interface OuiRegistrySubset {
  /** The npm package the IEEE registry was read from, e.g. 'oui-data'. */
  source: string;
  version: string;
  organizations: string[];
  /** Upper-case prefix (6, 7 or 9 hex digits) → index into organizations. */
  prefixes: Record<string, number>;
}

export interface MacPrefixOwner {
  vendorId: string;
  /** The organisation as the IEEE registry writes it. */
  organization: string;
}

export type Measure = 'ban' | 'restriction' | 'warning' | 'guidance' | 'listing';

export interface Deadline {
  date: string;
  what: string;
}

export interface Advisory {
  id: string;
  issuer: string;
  jurisdiction: string;
  date: string;
  instrument: string;
  shortTitle?: string;
  measure: Measure;
  vendors: string[];
  scope: string;
  requires: string;
  deadlines?: Deadline[];
  url: string;
  status?: 'in-force' | 'superseded' | 'historical';
  sources: SourceRef[];
  note?: string;
  /** When the entry was last checked against its sources (every bundled advisory has one). */
  reviewed?: string;
  /** An instrument naming product categories rather than makers. */
  appliesTo?: ProductCategoryRule;
}

export interface ProductCategoryRule {
  productCategories: string[];
  makerCountries: string[];
  /** What the instrument says about the categories, shown with each linked finding. */
  why?: string;
}

/** Why an advisory that names no vendor is linked to one: the categories it names that the vendor makes. */
export interface CategoryLink {
  categories: string[];
  country: string;
}

export interface Profile {
  id: string;
  title: string;
  /** Advisory jurisdictions in force; '*' means every jurisdiction. */
  jurisdictions: string[];
  /** When given, only these advisories count as in force. */
  advisories?: string[];
}

export interface KnowledgeBase {
  vendors: readonly Vendor[];
  advisories: readonly Advisory[];
  profiles: readonly Profile[];
  vendorById: ReadonlyMap<string, Vendor>;
  advisoryById: ReadonlyMap<string, Advisory>;
  profileById: ReadonlyMap<string, Profile>;
  /** Advisories naming each vendor (or linked to it by product category), newest first. */
  advisoriesByVendor: ReadonlyMap<string, readonly Advisory[]>;
  /** vendor id → advisory id → why a category rule links them; absent where the advisory names the vendor. */
  categoryLinks: ReadonlyMap<string, ReadonlyMap<string, CategoryLink>>;
  /** Version of the data (advisories.yaml `version`), e.g. '2026.12.1'. */
  dataVersion?: string;
  /** When the data was last reviewed as a whole (YYYY-MM-DD). */
  reviewedOn?: string;
  /** MAC prefix (6, 7 or 9 upper-case hex digits) → owner; empty without a registry subset. */
  macPrefixes: ReadonlyMap<string, MacPrefixOwner>;
  /** Where the MAC prefixes come from, e.g. 'oui-data 2.1.9'. */
  macRegistry?: string;
  /** The product catalogue (model families, listed models, relabels, lookalikes); empty without one. */
  catalogue: ProductCatalogue;
}

/** What kind of proof ties a piece of text to a vendor. One matcher module per kind. */
export type EvidenceKind =
  | 'vendor-name'
  | 'dialect'
  | 'banner'
  | 'model'
  | 'oem-relabel'
  | 'mac-oui'
  | 'snmp-oid'
  | 'pon-serial'
  | 'domain'
  | 'asn'
  | 'cpe'
  | 'purl';

/**
 * The role a field plays in its document; matchers weigh confidence by it. 'path': a file's path inside an SBOM
 * (an SPDX FileName, a CycloneDX occurrence): it says where a file is, so a maker's name as a directory or
 * file-name word is no evidence, while a maker's own library file (libhcnetsdk.so) still is.
 */
export type FieldRole = 'maker' | 'part' | 'description' | 'quantity' | 'text' | 'comment' | 'other' | 'path';

export interface RowContext {
  /** 1-based row number as a spreadsheet would show it; in JSON/YAML/XML the item's ordinal in the document. */
  row: number;
  /** How a person finds an item that is not a spreadsheet row, e.g. 'component "S5720-28X" at line 14'. */
  label?: string;
  maker?: string;
  part?: string;
  description?: string;
  quantity?: string;
}

/** A cell of a spreadsheet (XLSX, ODS); row and column are 1-based (column 2 is B). */
export interface CellAddress {
  sheet: string;
  row: number;
  column: number;
}

/** Where a spreadsheet problem sits: a sheet, or one of its cells. */
export interface SheetPlace {
  sheet: string;
  row?: number;
  column?: number;
}

/** A located piece of text handed from a format module to the evidence matchers. */
export interface Field {
  /** Offset of `text` in the document (for a spreadsheet: in its text view, see formats/spreadsheet.ts). */
  offset: number;
  text: string;
  role: FieldRole;
  /** Where the field sits: a config section path, or a column name. */
  path?: readonly string[];
  row?: RowContext;
  /** The spreadsheet cell the text comes from: what reports locate it by (`Parts!B7`). */
  cell?: CellAddress;
  /** For a field that is a whole line (plain text): its 0-based line number, counted by the format module. */
  line?: number;
}

export interface Evidence {
  kind: EvidenceKind;
  vendorId: string;
  start: number;
  end: number;
  matched: string;
  confidence: Confidence;
  /** Human-readable why, e.g. 'legal name', 'brand given as the maker'. */
  detail: string;
  field: Field;
  /** Evidence about the whole document (e.g. its dialect), with the reasons that decided it. */
  documentLevel?: boolean;
  reasons?: string[];
  /** Weaker evidence of the same vendor in the same place, folded into this one. */
  also?: Evidence[];
  /**
   * What each folding said about the evidence it folded in, turned into reason lines only when read
   * (reasonsOf in evidence/matcher.ts): a scan writes none of them, a hover a few.
   */
  folded?: readonly FoldedEvidence[];
  /** For a low-confidence finding: what would confirm it, when the matcher knows better than its kind does. */
  wouldConfirm?: string;
  /** For a catalogue identification: the family's label (e.g. 'S-series campus switch'), which names the kind of device. */
  family?: string;
  /** The device or product the evidence is grouped under (subjects/group.ts). */
  subject?: Subject;
}

/** Evidence folded into a stronger one: the first ones, each a reason line, and how many more there were. */
export interface FoldedEvidence {
  shown: readonly Evidence[];
  more: number;
}

/** What a finding is about: one device, host, BOM row or component, not one matched token. */
export type SubjectKind = 'device' | 'neighbour' | 'host' | 'bom-item' | 'component' | 'text';

/** How a reviewer finds the subject: whatever the file says about it. */
export interface SubjectIdentifiers {
  hostname?: string;
  model?: string;
  /** Normalised: 12 upper-case hex digits written XX:XX:XX:XX:XX:XX. */
  mac?: string;
  ip?: string;
  localPort?: string;
  remotePort?: string;
  vlan?: string;
  serial?: string;
  /** A BOM row number (1-based, as a spreadsheet shows it). */
  row?: number;
  /** A component's name, version or bom-ref, or a dialect's label. */
  label?: string;
  version?: string;
  ref?: string;
}

export interface Subject {
  kind: SubjectKind;
  identifiers: SubjectIdentifiers;
  /** The kind of device in a reviewer's words ('switch', 'camera'), when data says; undefined when unknown. */
  deviceKind?: string;
  /** How the file presents it: 'LLDP', 'CDP', 'MAC table', 'ARP', 'configuration', 'capture'. */
  seenAs?: string;
}

export interface AcceptanceNote {
  vendors: string[];
  reason: string;
  ticket?: string;
  expires?: string;
  by?: string;
  on?: string;
  /** The note's own location (0-based line); -1 for a decision kept in the policy file. */
  line: number;
  /** 'policy': kept in the policy file's acceptances, for files without comments. */
  scope: 'line' | 'file' | 'policy';
  expired: boolean;
}

export interface Finding {
  id: string;
  range: Range;
  vendorId: string;
  evidence: Evidence;
  severity: FindingSeverity;
  /** Ids of the advisories that name the vendor: those in force under the profile first. */
  advisoryIds: string[];
  /** The subset of advisoryIds in force under the active profile. */
  advisoriesInForce: string[];
  message: string;
  /** Stable across edits elsewhere in the file: what policy-file acceptances and baselines key on. */
  fingerprint: string;
  accepted?: AcceptanceNote;
  /** A note that matched but has expired: the finding is open again. */
  expiredNote?: AcceptanceNote;
  /** A note that matched but cannot take effect (Restricted Mode): shown, not applied. */
  untrustedNote?: AcceptanceNote;
  /** Set when the policy file's severity overrides decided the severity. */
  severityNote?: string;
  /** Where the folded-in weaker evidence (Evidence.also) sits. */
  related: { range: Range; message: string }[];
  /** The device or product the finding is about, with its identifiers. */
  subject?: Subject;
}

/** Document formats; each has one module in formats/. */
export type FormatId =
  | 'text'
  /** Structured data (JSON, YAML, XML) in an editor that is no BOM or inventory: not analysed. */
  | 'unrelated'
  | 'csv'
  | 'cyclonedx-json'
  | 'cyclonedx-xml'
  | 'spdx-tag-value'
  | 'spdx-json'
  | 'spdx-yaml'
  | 'spdx3-json'
  | 'inventory-json'
  | 'inventory-yaml'
  | 'inventory-xml'
  /** Spreadsheets: ZIP archives read from their bytes by the CLI, never opened as text. */
  | 'xlsx'
  | 'ods';

export type SpreadsheetFormatId = Extract<FormatId, 'xlsx' | 'ods'>;
/** The formats read from text, chosen by formats/detect.ts. */
export type TextFormatId = Exclude<FormatId, SpreadsheetFormatId>;

/** A config dialect recognised by content, with the evidence that decided it. */
export interface DialectDetection {
  /** e.g. 'huawei-vrp', 'cisco-ios', 'unknown'. */
  id: string;
  confidence: Confidence;
  reasons: string[];
  /** The most telling token: where a document-level finding is placed. */
  anchor?: { start: number; end: number };
  /**
   * When the text holds captures of several devices (prompts naming different hosts) whose dialects
   * differ: each device's stretch of text, with its own detection (anchors are offsets in the whole text).
   */
  sections?: DialectSection[];
}

/** One device's captures in a text that holds several. */
export interface DialectSection {
  start: number;
  end: number;
  /** The host its prompts name. */
  host: string;
  detection: DialectDetection;
}

export interface DocumentProblem {
  range: Range;
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
  /** In a spreadsheet: the sheet or cell the problem is about (the range then means nothing to a person). */
  place?: SheetPlace;
}

export interface DocumentAnalysis {
  uri: string;
  version: number;
  format: FormatId;
  /** The config dialect where one is recognised; id 'unknown' otherwise. */
  dialect: DialectDetection;
  findings: Finding[];
  problems: DocumentProblem[];
  /** The comment prefix used for inline review notes; undefined when the format has no comments. */
  commentPrefix?: string;
}
