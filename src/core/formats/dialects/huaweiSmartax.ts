// Huawei SmartAX access (MA56xx/MA58xx/EA5800 OLT) configs and `display` captures: not VRP syntax.
// OLTs of other makers (C-Data, V-SOL, TP-Link, BDCOM …) copy this CLI's commands and table layouts:
// those signals are marked `imitated` and alone make at most a low-confidence claim; only what names
// Huawei's products (MA5xxx, Huawei board names, the banner) can raise it.
import type { DialectSpec } from './fingerprint';

export const huaweiSmartax: DialectSpec = {
  id: 'huawei-smartax',
  label: 'Huawei SmartAX',
  commentPrefix: '#',
  fingerprints: [
    { regex: /^[ \t]*PRODUCT[ \t]*:[ \t]*(?<anchor>MA5\d{3}\w*)/m, weight: 12, reason: '"PRODUCT : MA5xxx" in display version' },
    { regex: /^[ \t]*(?<anchor>SlotID[ \t]+BoardName[ \t]+Status[ \t]+SubType0)/m, weight: 12, reason: '"display board" table header' },
    { regex: /^(?<anchor>\[MA5\d{3}V\d{3}R\d{3})/m, weight: 12, reason: 'SmartAX configuration header "[MA5600V800R…"' },
    { regex: /(?<anchor>Huawei Integrated Access Software)/i, weight: 12, reason: '"Huawei Integrated Access Software" banner' },
    { regex: /(?<anchor>Active Mainboard Running Area Information)/, weight: 9, reason: '"Active Mainboard Running Area Information"' },
    { regex: /^[ \t]*(?<anchor>MA5[68]\d{2}[A-Z]?|EA5800-X\d+)(?:\([\w-]+\))?[#>]/m, weight: 9, reason: 'SmartAX prompt ("MA5600T(config)#")' },
    { regex: /^[ \t]*(?<anchor>Program Area [AB] Version)/m, weight: 5, reason: '"Program Area A Version"' },
    { regex: /(?<![\w-])(?<anchor>(?:MA56\d{2}T?|MA58\d{2}|EA5800))(?![\w-])/, weight: 5, reason: 'SmartAX OLT model name' },
    // Huawei access board names: H80x/H90x + four letters (H802SCUN, H805GPFD, H901MPLA).
    { regex: /(?<![\w-])(?<anchor>H[89]0\d[A-Z][A-Z0-9]{3})(?![\w-])/, weight: 5, reason: 'SmartAX board name (H802SCUN, H805GPFD)' },
    { regex: /\((?<anchor>HWTC-[0-9A-F]{8})\)/, weight: 4, reason: 'GPON serial number of a Huawei ONT ("HWTC-…")' },
    // Written whole, as OLT commands take it ("display ont info by-sn HWTC1A2B3C4D"), like ZTE's "ZTEG…".
    { regex: /(?<![\w-])(?<anchor>HWTC[0-9A-F]{8})(?![\w-])/, weight: 6, reason: 'Huawei ONT serial number ("HWTC1A2B3C4D")' },
    // The OLT CLI lookalikes copy: commands, fields and table layouts.
    { regex: /^[ \t]*(?<anchor>interface gpon) \d+\/\d+/m, weight: 6, reason: '"interface gpon 0/1"', imitated: true },
    { regex: /^[ \t]*(?<anchor>ont add) \d+ \d+/m, weight: 7, reason: '"ont add" ONT provisioning', imitated: true },
    { regex: /^[ \t]*(?<anchor>service-port) \d+ vlan \d+/m, weight: 6, reason: '"service-port N vlan N"', imitated: true },
    { regex: /(?<![\w/])(?<anchor>F\/ ?S\/ ?P)(?![\w/])/, weight: 3, reason: '"F/S/P" (frame/slot/port) field', imitated: true },
    { regex: /^[ \t]*(?<anchor>Control flag)[ \t]*:/m, weight: 2, reason: '"display ont info" field "Control flag"', imitated: true },
    { regex: /(?<anchor>the total of ONTs are):/, weight: 4, reason: '"display ont info summary" ("the total of ONTs are:")', imitated: true },
    { regex: /(?<anchor>The number of configured ONT)/, weight: 6, reason: '"display ont version summary"', imitated: true },
    { regex: /(?<anchor>Switch-Oriented Flow List)/, weight: 6, reason: '"display service-port" heading', imitated: true },
    { regex: /(?<anchor>Profile-ID[ \t]+Profile-name[ \t]+Binding times)/, weight: 6, reason: '"display ont-lineprofile" header', imitated: true },
    { regex: /(?<anchor>GEM port[ \t]+T-CONT)/, weight: 3, reason: '"display ont gemport" header', imitated: true },
    { regex: /(?<anchor>Number of T-CONTs)/, weight: 3, reason: '"display port info" field', imitated: true },
    { regex: /(?<anchor>C-VLAN[ \t]+C-PRI[ \t]+ETH-type)/, weight: 6, reason: '"display ont port vlan" header', imitated: true },
    { regex: /(?<anchor>Solt ID[ \t]+Board Name[ \t]+Serial Number)/, weight: 6, reason: '"display board serial-number" header', imitated: true },
    { regex: /^[ \t]*(?<anchor>SlotID:)[ \t]*\d+[ \t]+BoardName:/m, weight: 3, reason: '"display temperature" lines ("SlotID: 4 BoardName:")', imitated: true },
    { regex: /(?<anchor>ONTID[ \t]+ONT[ \t]+ONT[ \t]+MAC-ADDRESS)/, weight: 3, reason: '"display mac-address ont" header', imitated: true },
    { regex: /^[ \t]*(?<anchor>ONT[- ]?ID)[ \t]*:/m, weight: 2, reason: '"ONT ID :" field', imitated: true },
    { regex: /^[ \t]*(?<anchor>Command is being executed\. Please wait)/m, weight: 2, reason: '"Command is being executed. Please wait"', imitated: true },
    { regex: /^[ \t]*(?<anchor>CPU occupancy):[ \t]*\d+%/m, weight: 6, reason: '"display cpu" output ("CPU occupancy: 17%")', imitated: true },
    { regex: /^[ \t]*(?<anchor>Memory occupancy):[ \t]*\d+%/m, weight: 6, reason: '"display mem" output ("Memory occupancy: 79%")', imitated: true },
    { regex: /^[ \t]*(?<anchor>Network service)[ \t]{2,}Port[ \t]{2,}State[ \t]*$/m, weight: 6, reason: '"display sysman service state" output ("Network service  Port  State")', imitated: true },
    { regex: /^[ \t]*(?<anchor>System up time): \d+ days? \d+ hours?/m, weight: 6, reason: '"display sysuptime" output ("System up time: 11 day 22 hour")', imitated: true },
    { regex: /(?<anchor>Rx power[ \t]+Tx power[ \t]+OLT Rx)/, weight: 7, reason: '"display ont optical-info" header ("Rx power Tx power OLT Rx ONT")', imitated: true },
    { regex: /(?<anchor>Speed\(Mbps\)[ \t]+Duplex[ \t]+LinkState)/, weight: 6, reason: '"display ont port state" header ("Speed(Mbps) Duplex LinkState")', imitated: true },
    { regex: /^[ \t]*(?<anchor>(?:F\/S\/P[ \t]+)?ONT[- ]?ID)[ \t]{2,}[A-Z]/m, weight: 5, reason: 'a table headed "ONT ID" / "ONT-ID" (display ont … tables)', imitated: true },
    { regex: /(?<anchor>SNMP profile ID[ \t]+SNMP profile name)/, weight: 6, reason: '"display ont snmp-profile" header', imitated: true },
    { regex: /(?<anchor>SRV-P[ \t]+BUNDLE[ \t]+TYPE[ \t]+MAC)/, weight: 7, reason: '"display mac-address" / "display location" header ("SRV-P BUNDLE TYPE MAC")', imitated: true },
    { regex: /(?<anchor>Note: F--Frame, S--Slot, P--Port)/, weight: 7, reason: 'table note "F--Frame, S--Slot, P--Port"', imitated: true },
    { regex: /(?<anchor>VPI indicates ONT ID for PON)/, weight: 6, reason: 'table note "VPI indicates ONT ID for PON"', imitated: true },
    { regex: /^[ \t]*(?<anchor>Ont (?:SN|EquipmentID|SoftwareVersion|autofind time|Equipment SN))[ \t]*:/m, weight: 6, reason: '"display ont autofind" fields ("Ont SN", "Ont EquipmentID")', imitated: true },
    { regex: /^[ \t]*(?<anchor>VendorID)[ \t]*:[ \t]*HWTC\b/m, weight: 6, reason: 'ONT vendor ID "HWTC" (Huawei)' },
    { regex: /(?<anchor>Number of ONTs that can be added): ?\d+, ?success: ?\d+/, weight: 7, reason: '"ont add" result ("Number of ONTs that can be added: 1, success: 1")', imitated: true },
    { regex: /(?<anchor>PortID ?: ?\d+, ?ONTID ?: ?\d+)/, weight: 6, reason: '"ont add" / "ont confirm" result ("PortID :0, ONTID :1")', imitated: true },
    { regex: /^[ \t]*(?<anchor>Failure: The ONT (?:does not exist|is not online|already exists))/m, weight: 5, reason: 'SmartAX ONT failure message ("Failure: The ONT does not exist")', imitated: true },
    { regex: /(?<anchor>It will take several minutes, and console may be timeout)/, weight: 6, reason: 'SmartAX long-command notice ("It will take several minutes, and console may be timeout")', imitated: true },
    { regex: /(?<anchor>Distance\(m\)|OLT Rx ONT power\(dBm\))/, weight: 3, reason: 'ONT optics units ("Distance(m)", "OLT Rx ONT power(dBm)")', imitated: true },
    // Profile and service-port configuration: the blocks an OLT's config (or a provisioning note) is made of.
    { regex: /^[ \t]*(?<anchor>ont-(?:line|srv)profile gpon) profile-id \d+/m, weight: 6, reason: '"ont-lineprofile gpon profile-id N" / "ont-srvprofile gpon profile-id N"', imitated: true },
    { regex: /^[ \t]*(?<anchor>dba-profile add) profile-id \d+/m, weight: 5, reason: '"dba-profile add profile-id N"', imitated: true },
    { regex: /^[ \t]*(?<anchor>gem add) \d+ eth tcont \d+/m, weight: 5, reason: 'line-profile "gem add N eth tcont N"', imitated: true },
    { regex: /^[ \t]*(?<anchor>gem mapping) \d+ \d+ (?:vlan|eth|priority) /m, weight: 4, reason: 'line-profile "gem mapping N N vlan N"', imitated: true },
    { regex: /^[ \t]*(?<anchor>tcont) \d+ dba-profile-id \d+/m, weight: 4, reason: 'line-profile "tcont N dba-profile-id N"', imitated: true },
    { regex: /^[ \t]*(?<anchor>service-port)(?: \d+)? vlan \d+ gpon \d+\/\d+\/\d+ ont \d+ gemport \d+/m, weight: 6, reason: '"service-port vlan N gpon F/S/P ont N gemport N"', imitated: true },
  ],
};
