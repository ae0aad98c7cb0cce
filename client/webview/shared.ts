/** What both views' scripts share: the editor's messaging, escaping, and links that open a sentence. */

interface VsCodeApi {
	postMessage(message: unknown): void;
	getState(): unknown;
	setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();

/** A sentence somewhere in the workspace, as the server sends it. */
export interface SentenceLink {
	uri: string;
	file: string;
	range: { start: { line: number; character: number }; end: { line: number; character: number } };
	date: string | null;
	text: string;
	claim: string | null;
	source: string | null;
}

/** An element with text content only (nothing the documents contain is ever parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	if (text !== undefined) e.textContent = text;
	if (cls) e.className = cls;
	return e;
}

/** Asks the extension to open a sentence in the editor. */
export function open(l: SentenceLink): void {
	vscode.postMessage({ type: 'open', uri: l.uri, range: l.range });
}

/** A link (a real `<a href>`, so it is in the tab order and Enter follows it) that opens the sentence. */
export function sentenceLink(l: SentenceLink, text: string): HTMLAnchorElement {
	const a = el('a', text, 'sentence');
	a.href = '#';
	a.title = `${l.file}:${l.range.start.line + 1}`;
	a.dataset.uri = l.uri;
	a.dataset.line = String(l.range.start.line);
	a.addEventListener('click', (e) => {
		e.preventDefault();
		open(l);
	});
	return a;
}

/** One line of a list: date, the sentence as a link, where it is, and who said it. */
export function sentenceItem(l: SentenceLink): HTMLLIElement {
	const li = el('li');
	if (l.date) li.append(el('time', l.date, 'date'), ' ');
	li.append(sentenceLink(l, l.text || l.file));
	const where = [l.file + ':' + (l.range.start.line + 1)];
	if (l.claim === 'unattributed') where.push('no source');
	else if (l.source) where.push(`source: ${l.source}`);
	li.append(' ', el('span', `— ${where.join(' · ')}`, 'where'));
	return li;
}
