/**
 * The cross-document views: *Show Entity* and *Show Timeline* as webviews. The
 * server answers the data (`seedLens/entityPage`, `seedLens/timeline`); the page
 * scripts in dist/webview render it. No network: a Content Security Policy that
 * allows only this extension's own files and scripts carrying this page's nonce.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Range {
	start: { line: number; character: number };
	end: { line: number; character: number };
}
type Message =
	| { type: 'ready'; filter?: unknown }
	| { type: 'open'; uri: string; range: Range }
	| { type: 'entity'; name: string }
	| { type: 'filter'; filter: TimelineFilter };
interface TimelineFilter {
	entity: string;
	from: string;
	to: string;
	groupBy: string;
}

const panels = new Map<string, vscode.WebviewPanel>();
/** The timeline's folder and filters, kept while its panel lives. */
const state: { under?: string; filter: TimelineFilter } = { filter: { entity: '', from: '', to: '', groupBy: 'document' } };
/** The timeline's folder and filters, kept while its panel lives. */

/** The HTML of a view: its script and style from dist/webview, and nothing from anywhere else. */
function html(webview: vscode.Webview, root: vscode.Uri, name: string, title: string, body: string, styles: string[]): string {
	const nonce = randomBytes(16).toString('base64');
	const file = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview', f)).toString();
	const csp = [
		"default-src 'none'",
		`style-src ${webview.cspSource}`,
		`img-src ${webview.cspSource} data:`,
		`font-src ${webview.cspSource}`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((css) => `<link rel="stylesheet" href="${file(css)}">`).join('\n')}
<title>${title}</title>
</head>
<body>
${body}
<script nonce="${nonce}" src="${file(`${name}.js`)}"></script>
</body>
</html>`;
}

function panel(context: vscode.ExtensionContext, id: string, title: string): { panel: vscode.WebviewPanel; fresh: boolean } {
	const existing = panels.get(id);
	if (existing) {
		existing.title = title;
		existing.reveal(undefined, true);
		return { panel: existing, fresh: false };
	}
	const p = vscode.window.createWebviewPanel(
		`seedLens.${id}`,
		title,
		{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
		{
			enableScripts: true,
			localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')],
			retainContextWhenHidden: false,
		},
	);
	panels.set(id, p);
	p.onDidDispose(() => panels.delete(id), null, context.subscriptions);
	return { panel: p, fresh: true };
}

/** Opens a sentence the view links to, in the editor beside the view. */
async function openSentence(uri: string, range: Range): Promise<void> {
	const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
	await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: r, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
}

/** The entity to show: the one under the cursor, else one picked from the workspace's entities. */
async function pickEntity(client: LanguageClient): Promise<string | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (editor?.document.languageId === 'seed') {
		const name = await client.sendRequest<string | null>('seedLens/entityAt', { uri: editor.document.uri.toString(), position: editor.selection.active });
		if (name) return name;
	}
	const entities = await client.sendRequest<{ name: string; type: string; documents: number }[]>('seedLens/corpusEntities', { limit: 1000 });
	const picked = await vscode.window.showQuickPick(
		entities.map((e) => ({ label: e.name, description: `${e.type} · ${e.documents} document${e.documents === 1 ? '' : 's'}` })),
		{ placeHolder: entities.length ? 'Entity to show' : 'No entity indexed yet', matchOnDescription: true },
	);
	return picked?.label;
}

/** *Seed Lens: Show Entity*: the page of the entity under the cursor, or of one picked. */
export async function showEntity(context: vscode.ExtensionContext, client: LanguageClient, name?: string): Promise<void> {
	name = typeof name === 'string' && name ? name : await pickEntity(client);
	if (!name) return;
	const { panel: p, fresh } = panel(context, 'entity', `Entity: ${name}`);
	let current = name;
	const send = async (n: string) => {
		p.title = `Entity: ${n}`;
		const page = await client.sendRequest('seedLens/entityPage', { name: n });
		await p.webview.postMessage({ type: 'page', page, name: n });
	};
	if (fresh) {
		p.webview.onDidReceiveMessage(async (m: Message) => {
			if (m.type === 'ready') await send(current);
			else if (m.type === 'open') await openSentence(m.uri, m.range);
			else if (m.type === 'entity') await send((current = m.name));
		});
		p.webview.html = html(p.webview, context.extensionUri, 'entity', 'Entity', '<main id="root" tabindex="-1"><p>Loading…</p></main>', ['views.css']);
	} else await send(name);
}

/** *Seed Lens: Show Timeline*: every resolved date of the workspace, or of a folder picked in the Explorer. */
export function showTimeline(context: vscode.ExtensionContext, client: LanguageClient, folder?: vscode.Uri): void {
	const under = folder instanceof vscode.Uri ? folder.toString() : undefined;
	const title = under ? `Timeline: ${vscode.workspace.asRelativePath(folder!)}` : 'Timeline';
	const { panel: p, fresh } = panel(context, 'timeline', title);
	state.under = under;
	const send = async (filter: TimelineFilter) => {
		const view = await client.sendRequest('seedLens/timeline', { entity: filter.entity, from: filter.from, to: filter.to, under: state.under });
		await p.webview.postMessage({ type: 'timeline', view, filter });
	};
	if (!fresh) return void send(state.filter);
	p.webview.onDidReceiveMessage(async (m: Message) => {
		if (m.type === 'ready' || m.type === 'filter') {
			state.filter = { ...state.filter, ...((m.filter as TimelineFilter | undefined) ?? {}) };
			const entities = await client.sendRequest<{ name: string }[]>('seedLens/corpusEntities', { limit: 300 });
			await p.webview.postMessage({ type: 'entities', entities: entities.map((e) => e.name), filter: state.filter });
			await send(state.filter);
		} else if (m.type === 'open') await openSentence(m.uri, m.range);
	});
	p.webview.html = html(
		p.webview,
		context.extensionUri,
		'timeline',
		'Timeline',
		`<main>
<form id="filters" aria-label="Filters">
<label>Entity <select name="entity"><option value="">All entities</option></select></label>
<label>From <input name="from" type="text" placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d\\d){0,2}" size="10"></label>
<label>To <input name="to" type="text" placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d\\d){0,2}" size="10"></label>
<fieldset><legend>Group by</legend>
<label><input type="radio" name="groupBy" value="document" checked> document</label>
<label><input type="radio" name="groupBy" value="entity"> entity</label>
</fieldset>
<button type="submit">Show</button>
</form>
<p id="summary" role="status" aria-live="polite">Loading…</p>
<div id="chart" aria-hidden="true"></div>
<section aria-label="Dates in order"><div id="list"></div></section>
</main>`,
		['timeline.css', 'views.css'],
	);
	p.onDidDispose(() => (state.filter = { entity: '', from: '', to: '', groupBy: 'document' }));
}
