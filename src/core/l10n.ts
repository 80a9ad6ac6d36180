// Every string the core shows to people goes through t(): the English text is both the key and the
// default. A host that knows the user's language (the language server, from the VS Code client) loads a
// translation bundle once with configureLocalization(); the CLI never does, so it prints English.
// Keep the first argument of t() a string literal: scripts/l10n.ts collects the keys from the source.
export { t, config as configureLocalization } from '@vscode/l10n';
