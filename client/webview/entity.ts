/** The entity page: every document that names an entity, what it said, what was said about it, its aliases and company. */
import { el, sentenceItem, vscode, type SentenceLink } from './shared';

interface EntityPageView {
	name: string;
	type: string;
	aliases: string[];
	documents: (SentenceLink & { title: string | null; mentions: number })[];
	said: SentenceLink[];
	about: SentenceLink[];
	cooccurring: { name: string; type: string; documents: number }[];
}

const root = document.getElementById('root')!;

function section(title: string, items: Node[], empty: string): HTMLElement {
	const s = el('section');
	s.append(el('h2', `${title} (${items.length})`));
	if (!items.length) s.append(el('p', empty, 'empty'));
	else {
		const ul = el('ul');
		ul.append(...items);
		s.append(ul);
	}
	return s;
}

function render(page: EntityPageView | null, asked: string): void {
	root.replaceChildren();
	if (!page) {
		root.append(el('h1', asked), el('p', 'No seed file of the workspace names this entity (or the index is still being built).', 'empty'));
		return;
	}
	root.append(el('h1', page.name), el('p', `${page.type} · named in ${page.documents.length} document${page.documents.length === 1 ? '' : 's'}`, 'meta'));
	const aliases = el('p', page.aliases.length ? `Also written: ${page.aliases.join(' · ')}` : 'No other spellings.', 'aliases');
	root.append(aliases);
	root.append(
		section(
			'Documents',
			page.documents.map((d) => {
				const li = sentenceItem({ ...d, text: d.title ?? d.file });
				li.append(el('span', ` · ${d.mentions} mention${d.mentions === 1 ? '' : 's'}`, 'where'));
				return li;
			}),
			'None.',
		),
		section('What it said', page.said.map(sentenceItem), 'No claim is attributed to it.'),
		section('What was said about it', page.about.map(sentenceItem), 'No claim mentions it.'),
		section(
			'Named alongside',
			page.cooccurring.map((c) => {
				const li = el('li');
				const a = el('a', c.name, 'entity');
				a.href = '#';
				a.addEventListener('click', (e) => {
					e.preventDefault();
					vscode.postMessage({ type: 'entity', name: c.name });
				});
				li.append(a, el('span', ` · ${c.type} · ${c.documents} document${c.documents === 1 ? '' : 's'}`, 'where'));
				return li;
			}),
			'No other entity.',
		),
	);
	(root.querySelector('h1') as HTMLElement).focus();
}

window.addEventListener('message', (e: MessageEvent<{ type: string; page: EntityPageView | null; name: string }>) => {
	if (e.data.type === 'page') render(e.data.page, e.data.name);
});
vscode.postMessage({ type: 'ready' });
