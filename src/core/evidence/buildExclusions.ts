// A dependency exclusion names an artifact to keep it out, on one line or over several: no evidence of the maker's
// component, for the package matcher and the name matcher alike. Over several lines (a POM's
// <exclusions><exclusion><groupId>com.huawei.hms</groupId>…, Gradle's `exclude(` with `group = "…"` on the lines
// below it) the format modules give a field the sections around it (its path): a group, module or artifact line
// whose innermost section is such an exclusion.
import type { Field } from '../model';

const EXCLUSION_SECTION = /^(?:<exclusions?>|exclude(?:All)?\b|ExclusionRule\b)/;
const COORDINATE_LINE = /^\s*(?:<(?:groupId|artifactId)>|["']?(?:group|module|name|organization)["']?\s*(?:[:=]|to)\s*["'])/;

/** Whether the field is a coordinate line inside a multi-line dependency exclusion. */
export function isInsideBuildExclusion(field: Field): boolean {
  const innermost = field.path?.[field.path.length - 1];
  return innermost !== undefined && EXCLUSION_SECTION.test(innermost.trim()) && COORDINATE_LINE.test(field.text);
}

/**
 * A build file's dependency exclusion names an artifact to keep it out: Gradle `exclude(group = "com.huawei.hms",
 * module = "push")` (Kotlin), `exclude group: 'com.huawei.hms'` (Groovy), `exclude(mapOf("group" to "…"))`, sbt
 * `exclude("org", "name")` and `ExclusionRule(organization = "…")`. A name inside the first quoted argument of
 * such a call, on the same line, is no evidence of the maker's component.
 */
const BUILD_EXCLUSION_BEFORE =
  /(?:\bexclude(?:All)?\s*\(?\s*(?:(?:mapOf\s*\(\s*)?["']?(?:group|module|organization)["']?\s*(?:[:=]|to)\s*)?|\bExclusionRule\s*\(\s*(?:organization\s*=\s*)?)["'][^"'\r\n]*$/;
const EXCLUSION_LOOK_BEHIND = 96;

/** Reads a bounded window only: a field can be one long line with a name thousands of times. */
export function isBuildExclusionArgument(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - EXCLUSION_LOOK_BEHIND), start);
  return BUILD_EXCLUSION_BEFORE.test(window.slice(window.lastIndexOf('\n') + 1));
}
