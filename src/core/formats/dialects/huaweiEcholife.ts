// Huawei EchoLife / OptiXstar ONT (HG8xxx, EG8xxx) command line: "WAP>" prompts, "display …" commands
// answered with "key = value" lines and a closing "success!". Neither VRP nor SmartAX syntax.
import type { DialectSpec } from './fingerprint';

export const huaweiEcholife: DialectSpec = {
  id: 'huawei-echolife',
  label: 'Huawei EchoLife ONT',
  commentPrefix: '#',
  fingerprints: [
    { regex: /^[ \t]*(?<anchor>(?:SU_)?WAP>)[ \t]*(?:display|set|get|su|shell|quit)\b/m, weight: 9, reason: 'ONT prompt and echo ("WAP>display version")' },
    { regex: /^[ \t]*(?<anchor>main software version)[ \t]*=[ \t]*V\d+R\d{3}C\d\d/m, weight: 8, reason: '"display version" field "main software version = V3R017C00S100"' },
    { regex: /(?<![\w-])(?<anchor>V\dR\d{3}C\d\dS\d{3})(?![\w-])/, weight: 4, reason: 'ONT software version "V3R017C00S100"' },
    { regex: /^[ \t]*(?<anchor>(?:hardware|standby software|uboot|product) version)[ \t]*=/m, weight: 3, reason: '"display version" field "hardware version = …"' },
    { regex: /^(?<anchor>success!)[ \t]*$/m, weight: 2, reason: 'command result "success!"' },
    { regex: /(?<![\w-])(?<anchor>(?:HG8|EG8|HN8)\d{3}[A-Z]{0,2}\d?)(?![\w-])/, weight: 4, reason: 'EchoLife / OptiXstar ONT model (HG8245H, EG8145V5)' },
  ],
};
