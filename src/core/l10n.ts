// Every string the core shows to people goes through t(): the English text is both the key and the
// default. A host that knows the user's language (the language server, from the VS Code client) loads a
// translation bundle once with configureLocalization(); the CLI never does, so it prints English.
// Keep the first argument of t() a string literal: scripts/l10n.ts collects the keys from the source.
import { config, t as translate, type l10nJsonFormat, type L10nReplacement } from '@vscode/l10n';

let bundleLoaded = false;

export function configureLocalization(options: { contents: string | l10nJsonFormat }): void {
  bundleLoaded = true;
  config(options);
}

/**
 * The message in the user's language with `{0}`, `{1}`… replaced by the arguments. Without a bundle the
 * English text is filled in here: a scan makes several messages per finding, and @vscode/l10n's general
 * path (a lookup, then a regex replace with a callback) cost 2 µs each.
 */
export function t(message: string, ...args: L10nReplacement[]): string {
  if (bundleLoaded) return translate(message, ...args);
  return args.length === 0 ? message : fillPlaceholders(message, args);
}

/**
 * Replaces each `{n}` that names an argument, as @vscode/l10n does; any other brace is left as it is
 * (where @vscode/l10n would read `{length}` from its array of arguments: no message has such a brace).
 */
export function fillPlaceholders(template: string, args: readonly L10nReplacement[]): string {
  let filled = '';
  let copied = 0;
  let from = 0;
  // A placeholder runs from a '{' to the next '}' (as /{([^}]+)}/g reads it), holding at least one character.
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    if (close === open + 1) {
      from = open + 1;
      continue;
    }
    from = close + 1;
    const index = template.slice(open + 1, close);
    // As a property of the argument array: only a canonical index ('1', not '01' or '1.0') names one.
    if (!/^(0|[1-9]\d*)$/.test(index)) continue;
    const value = args[Number(index)];
    if (value === undefined) continue;
    filled += template.slice(copied, open) + String(value);
    copied = close + 1;
  }
  return copied === 0 ? template : filled + template.slice(copied);
}
