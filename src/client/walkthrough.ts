// What the walkthrough's buttons run: open a bundled example (read-only, so a quick fix cannot edit the
// extension's own copy) and pick a jurisdiction profile.
import * as vscode from 'vscode';
import type { KnowledgeSummary } from '../shared/protocol';

/** The examples the VSIX ships (examples/), relative to that folder. */
export const EXAMPLES = ['configs/dc1-core-sw1.ios.cfg', 'configs/dc1-core-sw1_show-lldp-neighbors-detail.txt', 'configs/bldg2-access-sw4_show-mac-arp.txt', 'boms/branch-refresh-quote.csv'];

export function registerWalkthroughCommands(context: vscode.ExtensionContext, summary: () => Promise<KnowledgeSummary | undefined>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('vendorlens.openExample', async (example?: string) => {
      example ??= (await vscode.window.showQuickPick(EXAMPLES, { title: vscode.l10n.t('Open a VendorLens example') })) ?? undefined;
      if (!example || !EXAMPLES.includes(example)) return undefined;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(context.extensionUri, 'examples', ...example.split('/')));
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession').then(undefined, () => undefined);
      return editor.document.uri.toString();
    }),
    vscode.commands.registerCommand('vendorlens.selectProfile', async () => {
      const loaded = await summary();
      const profiles = loaded?.profiles ?? [];
      const configuration = vscode.workspace.getConfiguration('vendorlens');
      const current = configuration.get<string>('profile', '');
      const hasPolicy = await policyFileExists();
      const items: (vscode.QuickPickItem & { id: string })[] = [
        hasPolicy
          ? { id: '', label: vscode.l10n.t('From the policy file'), detail: vscode.l10n.t("The profiles of the workspace's .vendorlens.yaml") }
          : { id: '', label: vscode.l10n.t('Default (no policy file)'), detail: vscode.l10n.t('All jurisdictions, until a profile is chosen here or in a .vendorlens.yaml') },
        ...profiles.map((p) => ({ id: p.id, label: p.title, description: p.id })),
      ];
      // What is in effect is preselected: the setting's profile, else the policy file, else the default's own entry.
      const inEffect = current || (hasPolicy ? '' : (loaded?.activeProfiles?.[0]?.id ?? ''));
      const picker = vscode.window.createQuickPick<(typeof items)[number]>();
      picker.title = vscode.l10n.t('VendorLens profile: which advisories are in force');
      picker.items = items;
      picker.activeItems = items.filter((item) => item.id === inEffect).slice(0, 1);
      const picked = await new Promise<(typeof items)[number] | undefined>((resolve) => {
        picker.onDidAccept(() => resolve(picker.selectedItems[0] ?? picker.activeItems[0]));
        picker.onDidHide(() => resolve(undefined));
        picker.show();
      });
      picker.dispose();
      if (!picked) return;
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await configuration.update('profile', picked.id || undefined, target);
    }),
  );
}

const ASKED_KEY = 'vendorlens.jurisdictionAsked';

/**
 * Once per installation: when neither the setting nor a policy file chose a profile (the default, every
 * jurisdiction's bans as errors, is in effect), ask which jurisdiction applies; the choice is written to
 * the settings by vendorlens.selectProfile.
 */
export async function askJurisdictionOnce(context: vscode.ExtensionContext, summary: KnowledgeSummary | undefined): Promise<void> {
  if (!summary || context.globalState.get<boolean>(ASKED_KEY)) return;
  const chosen = vscode.workspace.getConfiguration('vendorlens').get<string>('profile', '');
  const active = summary.activeProfiles ?? [];
  if (chosen || active.some((p) => p.id !== 'global')) return;
  await context.globalState.update(ASKED_KEY, true);
  const choose = vscode.l10n.t('Choose Jurisdiction');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t("Which jurisdiction applies to you? Until you choose, VendorLens counts every country's bans as errors."), choose);
  if (answer === choose) await vscode.commands.executeCommand('vendorlens.selectProfile');
}

/** Whether a workspace folder has a policy file (.vendorlens.yaml at its root). */
async function policyFileExists(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.vendorlens.yaml'));
      return true;
    } catch {
      // none in this folder
    }
  }
  return false;
}
