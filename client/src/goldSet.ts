/**
 * *Seed Lens: Export Gold Set (brat)…*: every seed file of the workspace with its annotations,
 * as `NAME.txt` and `NAME.ann` under a folder the user picks, with brat's `annotation.conf`: the
 * same files as `seed-lens export --format brat` (the server makes each `.ann`; this writes them).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type Form = 'all' | 'clean' | 'inception';
type BratFile = { ann: string; left: string[]; conf: string; error?: string };

const FORMS: (vscode.QuickPickItem & { form: Form })[] = [
	{ label: 'Reviewed annotations, for brat', description: 'the gold set: no rejected suggestions, no review state', form: 'clean' },
	{ label: 'Reviewed annotations, for INCEpTION', description: 'also without date values (N lines), which its brat import stops at', form: 'inception' },
	{ label: 'Everything', description: 'the .ann files as they are, then the suggestions nobody reviewed', form: 'all' },
];

const SEEDS = '**/*.{txt,seed}';
const SKIP = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';

/** Runs the command: asks for the form and the folder, then writes each seed and its `.ann`. */
export async function exportGoldSet(client: LanguageClient | undefined): Promise<void> {
	if (!client) return;
	const pick = await vscode.window.showQuickPick(FORMS, { title: 'Export Gold Set (brat)', placeHolder: 'Which annotations?' });
	if (!pick) return;
	const [target] =
		(await vscode.window.showOpenDialog({
			canSelectFolders: true,
			canSelectFiles: false,
			canSelectMany: false,
			openLabel: 'Export Here',
			title: 'Folder for the brat files',
		})) ?? [];
	if (!target) return;
	const files = (await vscode.workspace.findFiles(SEEDS, SKIP, 5000)).sort((a, b) => a.toString().localeCompare(b.toString()));
	const seeds = await client.sendRequest<{ uri: string }[]>('seedLens/reviewStatus', { uris: files.map((f) => f.toString()) });
	const problems: string[] = [];
	let written = 0,
		conf = '';
	for (const { uri } of seeds) {
		const seed = vscode.Uri.parse(uri);
		const rel = vscode.workspace.asRelativePath(seed, false);
		const out = vscode.Uri.joinPath(target, rel);
		const annOut = out.with({ path: out.path.replace(/(\.[^./]*)?$/, '.ann') });
		if (annOut.toString() === seed.with({ path: seed.path.replace(/(\.[^./]*)?$/, '.ann') }).toString()) {
			problems.push(`${rel}: the folder is the workspace's own; nothing written`);
			continue;
		}
		const r = await client.sendRequest<BratFile | null>('seedLens/bratFile', { uri, form: pick.form });
		if (!r) continue;
		if (r.error) {
			problems.push(`${rel}: ${r.error}`);
			continue;
		}
		if (r.left.length) problems.push(`${rel}: left out ${r.left.join(', ')}`);
		await vscode.workspace.fs.copy(seed, out, { overwrite: true });
		await vscode.workspace.fs.writeFile(annOut, Buffer.from(r.ann, 'utf8'));
		conf = r.conf;
		written++;
	}
	if (conf) await writeConf(vscode.Uri.joinPath(target, 'annotation.conf'), conf, problems);
	const where = vscode.workspace.asRelativePath(target);
	const summary = `${written} seed file${written === 1 ? '' : 's'} and their annotations written to ${where}.`;
	if (!problems.length) return void vscode.window.showInformationMessage(summary);
	void vscode.window.showWarningMessage(`${summary} ${problems.join('; ')}.`);
}

// A person's own annotation.conf in the folder is kept.
async function writeConf(file: vscode.Uri, conf: string, problems: string[]): Promise<void> {
	const there = await vscode.workspace.fs.readFile(file).then(
		(b) => Buffer.from(b).toString('utf8'),
		() => undefined,
	);
	if (there === undefined) await vscode.workspace.fs.writeFile(file, Buffer.from(conf, 'utf8'));
	else if (there !== conf) problems.push('annotation.conf exists with other content; kept as it is');
}
