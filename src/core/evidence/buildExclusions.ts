// A dependency exclusion written over several lines names an artifact to keep it out: a POM's
// <exclusions><exclusion><groupId>com.huawei.hms</groupId>…, Gradle's `exclude(` with `group = "…"` on the lines
// below it. The format modules give a field the sections around it (its path); a group, module or artifact
// line whose innermost section is such an exclusion is no evidence of the maker's component.
import type { Field } from '../model';

const EXCLUSION_SECTION = /^(?:<exclusions?>|exclude(?:All)?\b|ExclusionRule\b)/;
const COORDINATE_LINE = /^\s*(?:<(?:groupId|artifactId)>|["']?(?:group|module|name|organization)["']?\s*(?:[:=]|to)\s*["'])/;

/** Whether the field is a coordinate line inside a multi-line dependency exclusion. */
export function isInsideBuildExclusion(field: Field): boolean {
  const innermost = field.path?.[field.path.length - 1];
  return innermost !== undefined && EXCLUSION_SECTION.test(innermost.trim()) && COORDINATE_LINE.test(field.text);
}
