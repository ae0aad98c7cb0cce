/**
 * The review commands of the editor: they take the selection (and, where needed, a type, a date
 * value or a claim's source from a quick pick) and hand them to the server's `seedLens.review`
 * command, which writes the document's `.ann`. Also the walk through the suggestions, the status
 * bar item and the "Seed Lens" view of the workspace's seed files with their review state.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type Action = 'mark' | 'confirm' | 'reject' | 'retype' | 'fix-span' | 'date-value' | 'claim' | 'confirm-paragraph' | 'state';
type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };

interface Suggestion {
	range: LspRange;
	layer: string;
	type: string;
	text: string;
}
interface Suggestions {
	state: 'not-started' | 'in-review' | 'done';
	suggestions: Suggestion[];
}
interface FileStatus {
	uri: string;
	state: Suggestions['state'];
	suggestions: number | null;
}

/** The types offered by Mark as… and Change type…, with the names of their commands. */
export const MARK_TYPES = [
	{ type: 'PERSON', label: 'Person', command: 'seedLens.markAsPerson' },
	{ type: 'ORG', label: 'Organisation', command: 'seedLens.markAsOrganisation' },
	{ type: 'GPE', label: 'Place', detail: 'country, city, state', command: 'seedLens.markAsPlace' },
	{ type: 'LOC', label: 'Location', detail: 'region, river, sea', command: 'seedLens.markAsLocation' },
	{ type: 'NORP', label: 'Group', detail: 'nationality, religious or political group', command: 'seedLens.markAsGroup' },
	{ type: 'FAC', label: 'Facility', command: 'seedLens.markAsFacility' },
	{ type: 'EVENT', label: 'Event', command: 'seedLens.markAsEvent' },
	{ type: 'OTHER', label: 'Other name', command: 'seedLens.markAsOther' },
	{ type: 'DATE', label: 'Date', command: 'seedLens.markAsDate' },
] as const;

const toLsp = (r: vscode.Range): LspRange => ({
	start: { line: r.start.line, character: r.start.character },
	end: { line: r.end.line, character: r.end.character },
});
const fromLsp = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class Review implements vscode.TreeDataProvider<FileStatus> {
	private readonly status = vscode.window.createStatusBarItem('seedLens.review', vscode.StatusBarAlignment.Left, 50);
	private readonly treeChanged = new vscode.EventEmitter<FileStatus | undefined>();
	readonly onDidChangeTreeData = this.treeChanged.event;

	constructor(private readonly client: () => LanguageClient | undefined) {
		this.status.name = 'Seed Lens review';
		this.status.command = 'seedLens.nextSuggestion';
	}

	/** Registers the commands, the view and the status bar item. */
	register(context: vscode.ExtensionContext): void {
		const cmd = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
		context.subscriptions.push(
			this.status,
			this.treeChanged,
			...MARK_TYPES.map((t) => cmd(t.command, () => this.send('mark', { type: t.type }))),
			cmd('seedLens.markAs', (uri?: string, range?: LspRange) => this.markAs(uri, range)),
			cmd('seedLens.changeType', (uri?: string, range?: LspRange) => this.changeType(uri, range)),
			cmd('seedLens.fixSpan', () => this.send('fix-span')),
			cmd('seedLens.confirm', () => this.send('confirm')),
			cmd('seedLens.reject', () => this.send('reject')),
			cmd('seedLens.setDateValue', (uri?: string, range?: LspRange) => this.setDateValue(uri, range)),
			cmd('seedLens.markAsClaim', (uri?: string, range?: LspRange) => this.markAsClaim(uri, range)),
			cmd('seedLens.confirmParagraph', () => this.send('confirm-paragraph')),
			cmd('seedLens.nextSuggestion', () => this.walk(1)),
			cmd('seedLens.previousSuggestion', () => this.walk(-1)),
			cmd('seedLens.markDocumentDone', () => this.markDone()),
			cmd('seedLens.refreshReview', () => this.refresh()),
			cmd('seedLens.learnFromAnnotations', () => this.learn()),
			vscode.window.registerTreeDataProvider('seedLens.documents', this),
			vscode.window.onDidChangeActiveTextEditor(() => void this.updateStatus()),
			vscode.languages.onDidChangeDiagnostics((e) => {
				const active = vscode.window.activeTextEditor?.document.uri.toString();
				if (active && e.uris.some((u) => u.toString() === active)) void this.updateStatus();
			}),
		);
		const watcher = vscode.workspace.createFileSystemWatcher('**/*.ann');
		context.subscriptions.push(
			watcher,
			watcher.onDidChange(() => this.refresh()),
			watcher.onDidCreate(() => this.refresh()),
			watcher.onDidDelete(() => this.refresh()),
		);
		void this.updateStatus();
	}

	private refresh(): void {
		this.treeChanged.fire(undefined);
		void this.updateStatus();
	}

	/** Sends one review action on the active editor's selection (or the given document and range). */
	async send(action: Action, extra: Record<string, unknown> = {}, uri?: string, range?: LspRange): Promise<boolean> {
		const editor = vscode.window.activeTextEditor;
		if (!uri || !range) {
			if (!editor || editor.document.languageId !== 'seed') {
				void vscode.window.showInformationMessage('Open a seed file to annotate it.');
				return false;
			}
			uri = editor.document.uri.toString();
			range = toLsp(editor.selection);
		}
		const result = await vscode.commands.executeCommand<{ changed: boolean; message?: string } | null>('seedLens.review', { uri, action, range, ...extra });
		if (result?.changed) this.refresh();
		return !!result?.changed;
	}

	private async markAs(uri?: string, range?: LspRange): Promise<void> {
		const pick = await vscode.window.showQuickPick(
			MARK_TYPES.map((t) => ({ label: t.label, description: 'detail' in t ? t.detail : undefined, type: t.type })),
			{ placeHolder: 'Mark the selection as…' },
		);
		if (pick) await this.send('mark', { type: pick.type }, uri, range);
	}

	private async changeType(uri?: string, range?: LspRange): Promise<void> {
		const pick = await vscode.window.showQuickPick(
			MARK_TYPES.filter((t) => t.type !== 'DATE').map((t) => ({ label: t.label, type: t.type })),
			{ placeHolder: 'Change the type of this name to…' },
		);
		if (pick) await this.send('retype', { type: pick.type }, uri, range);
	}

	private async setDateValue(uri?: string, range?: LspRange): Promise<void> {
		const value = await vscode.window.showInputBox({
			prompt: 'The date’s TIMEX3 value',
			placeHolder: '2021-11-11, 2021-11, 2021-W45, 2021-Q4, PAST_REF…',
			validateInput: (v) => (/^[\w:.-]+$/.test(v.trim()) ? null : 'A TIMEX3 value such as 2021-11-11, 2021-W45 or PAST_REF'),
		});
		if (value) await this.send('date-value', { value: value.trim() }, uri, range);
	}

	// The selection is what the claim says; the source is picked among the names of its paragraph, or none.
	private async markAsClaim(uri?: string, range?: LspRange): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : editor?.document;
		const selection = range ? fromLsp(range) : editor?.selection;
		if (!doc || !selection || selection.isEmpty) return void vscode.window.showInformationMessage('Select what the claim says first.');
		const symbols = await this.names(doc, selection);
		const source = await vscode.window.showQuickPick(
			[{ label: 'No source', description: 'an unattributed claim', range: undefined as vscode.Range | undefined }, ...symbols],
			{ placeHolder: 'Who makes the claim?' },
		);
		if (!source) return;
		let cue: vscode.Range | undefined;
		if (source.range) {
			const words = [...cueWords(doc, selection, source.range), { label: 'No reporting words', description: 'a quotation', range: undefined }];
			const pick = await vscode.window.showQuickPick(words, { placeHolder: 'Which words report it?' });
			if (!pick) return;
			cue = pick.range;
		}
		await this.send('claim', { source: source.range && toLsp(source.range), cue: cue && toLsp(cue) }, doc.uri.toString(), toLsp(selection));
	}

	// The entity mentions near the selection (its paragraph), nearest first, from the editor's highlights of the Outline.
	private async names(doc: vscode.TextDocument, selection: vscode.Range): Promise<{ label: string; description: string; range: vscode.Range }[]> {
		const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
		const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
		if (!tokens || !legend) return [];
		const out: { label: string; description: string; range: vscode.Range; distance: number }[] = [];
		let line = 0,
			char = 0;
		const d = tokens.data;
		for (let i = 0; i < d.length; i += 5) {
			line += d[i];
			char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
			const type = legend.tokenTypes[d[i + 3]];
			if (type === 'date' || type === 'claimCue') continue;
			const range = new vscode.Range(line, char, line, char + d[i + 2]);
			const distance = Math.abs(line - selection.start.line);
			if (distance <= 3) out.push({ label: doc.getText(range), description: `${type}, line ${line + 1}`, range, distance });
		}
		return out.sort((a, b) => a.distance - b.distance).map(({ label, description, range }) => ({ label, description, range }));
	}

	private async suggestions(doc: vscode.TextDocument): Promise<Suggestions | null> {
		const client = this.client();
		if (!client || doc.languageId !== 'seed') return null;
		return client.sendRequest<Suggestions | null>('seedLens/suggestions', { uri: doc.uri.toString() }).catch(() => null);
	}

	/** Moves the selection to the next (1) or previous (-1) suggestion still to review. */
	async walk(step: 1 | -1): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		if (!editor) return;
		const list = (await this.suggestions(editor.document))?.suggestions ?? [];
		if (!list.length) return void vscode.window.showInformationMessage('No suggestions left to review in this document.');
		const here = editor.selection.start;
		const ranges = list.map((s) => fromLsp(s.range));
		const next =
			step === 1
				? (ranges.find((r) => r.start.isAfter(here)) ?? ranges[0])
				: ([...ranges].reverse().find((r) => r.start.isBefore(here)) ?? ranges[ranges.length - 1]);
		editor.selection = new vscode.Selection(next.start, next.end);
		editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}

	private async markDone(): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		if (!editor || editor.document.languageId !== 'seed') return void vscode.window.showInformationMessage('Open a seed file to mark it done.');
		const left = (await this.suggestions(editor.document))?.suggestions.length ?? 0;
		if (await this.send('state', { state: 'done' }, editor.document.uri.toString(), toLsp(editor.selection)))
			void vscode.window.showInformationMessage(left ? `Marked done, with ${left} suggestions left unreviewed.` : 'Marked done.');
	}

	private async learn(): Promise<void> {
		const result = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: 'Seed Lens: learning from your annotations…' },
			() => vscode.commands.executeCommand<{ message: string } | null>('seedLens.learn'),
		);
		if (result) void vscode.window.showInformationMessage(result.message);
	}

	private async updateStatus(): Promise<void> {
		const doc = vscode.window.activeTextEditor?.document;
		const s = doc && (await this.suggestions(doc));
		if (!s) return void this.status.hide();
		const n = s.suggestions.length;
		this.status.text = s.state === 'done' ? `$(pass) Reviewed${n ? ` (${n} left)` : ''}` : `$(checklist) ${n} suggestion${n === 1 ? '' : 's'} to review`;
		this.status.tooltip = 'Seed Lens: go to the next suggestion (Next Suggestion)';
		this.status.show();
	}

	// The view: one row per seed file of the workspace, with its state and what is left to review.
	async getChildren(element?: FileStatus): Promise<FileStatus[]> {
		const client = this.client();
		if (element || !client) return [];
		const files = await vscode.workspace.findFiles('**/*.{txt,seed}', '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}', 2000);
		const uris = files.map((f) => f.toString()).sort();
		return (await client.sendRequest<FileStatus[]>('seedLens/reviewStatus', { uris }).catch(() => [])) ?? [];
	}

	getTreeItem(s: FileStatus): vscode.TreeItem {
		const uri = vscode.Uri.parse(s.uri);
		const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri), vscode.TreeItemCollapsibleState.None);
		const words = { 'not-started': 'not started', 'in-review': 'in review', done: 'done' }[s.state];
		item.description = s.suggestions === null ? words : `${words} · ${s.suggestions} to review`;
		item.iconPath = new vscode.ThemeIcon(s.state === 'done' ? 'pass' : s.state === 'in-review' ? 'edit' : 'circle-large-outline');
		item.resourceUri = uri;
		item.command = { title: 'Open', command: 'vscode.open', arguments: [uri] };
		item.contextValue = s.state;
		return item;
	}
}

const CUES =
	/\b(?:said|says|say|told|tells|according to|announced|claimed|claims|stated|added|warned|reported|insisted|argued|confirmed|denied|wrote|noted|explained|alleged|accused)\b/gi;

// Reporting words in the lines from the source to the claim: what a claim's cue usually is.
function cueWords(doc: vscode.TextDocument, content: vscode.Range, source: vscode.Range): { label: string; description: string; range?: vscode.Range }[] {
	const from = new vscode.Position(Math.min(content.start.line, source.start.line), 0);
	const to = doc.lineAt(Math.max(content.end.line, source.end.line)).range.end;
	const text = doc.getText(new vscode.Range(from, to));
	const base = doc.offsetAt(from);
	const out: { label: string; description: string; range: vscode.Range }[] = [];
	for (const m of text.matchAll(CUES)) {
		const range = new vscode.Range(doc.positionAt(base + m.index), doc.positionAt(base + m.index + m[0].length));
		out.push({ label: m[0], description: `line ${range.start.line + 1}`, range });
	}
	return out;
}
