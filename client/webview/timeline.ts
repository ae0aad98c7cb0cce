/**
 * The corpus timeline: every resolved date on a time axis (vis-timeline), grouped by
 * document or by entity, with the sentence and its claim at each point, filters by
 * entity and date range, and the same points as a keyboard-friendly list below.
 */
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { el, open, sentenceItem, vscode, type SentenceLink } from './shared';

type Point = SentenceLink & { value: string; granularity: string; dateText: string; entities: string[] };
interface TimelineView {
	points: Point[];
	total: number;
	documents: number;
}
interface Filter {
	entity: string;
	from: string;
	to: string;
	groupBy: 'document' | 'entity';
}

const form = document.getElementById('filters') as HTMLFormElement;
const summary = document.getElementById('summary')!;
const chart = document.getElementById('chart')!;
const list = document.getElementById('list')!;
const items = new DataSet<DataItem>();
const groups = new DataSet<DataGroup>();
let points: Point[] = [];

/** The span of time a TIMEX3 value covers, or null for values with no place on the axis. */
export function spanOf(value: string): { start: Date; end: Date | null } | null {
	const utc = (y: number, m = 0, d = 1) => new Date(Date.UTC(y, m, d));
	let m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
	if (m) return { start: utc(+m[1], +m[2] - 1, +m[3]), end: null };
	if ((m = /^(\d{4})-(\d\d)$/.exec(value))) return { start: utc(+m[1], +m[2] - 1), end: utc(+m[1], +m[2]) };
	if ((m = /^(\d{4})-W(\d\d)$/.exec(value))) {
		const start = utc(+m[1], 0, 1 + (+m[2] - 1) * 7);
		return { start, end: new Date(start.getTime() + 7 * 86_400_000) };
	}
	if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return { start: utc(+m[1], (+m[2] - 1) * 3), end: utc(+m[1], +m[2] * 3) };
	if ((m = /^(\d{4})-H([12])$/.exec(value))) return { start: utc(+m[1], (+m[2] - 1) * 6), end: utc(+m[1], +m[2] * 6) };
	if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
		const q = { SP: 2, SU: 5, FA: 8, WI: 11 }[m[2] as 'SP'];
		return { start: utc(+m[1], q), end: utc(+m[1], q + 3) };
	}
	if ((m = /^(\d{4})$/.exec(value))) return { start: utc(+m[1]), end: utc(+m[1] + 1) };
	if ((m = /^(\d{3})$/.exec(value))) return { start: utc(+m[1] * 10), end: utc(+m[1] * 10 + 10) };
	return null;
}

function filter(): Filter {
	const data = new FormData(form);
	return {
		entity: String(data.get('entity') ?? ''),
		from: String(data.get('from') ?? ''),
		to: String(data.get('to') ?? ''),
		groupBy: data.get('groupBy') === 'entity' ? 'entity' : 'document',
	};
}

const options: TimelineOptions = {
	stack: true,
	zoomKey: 'ctrlKey',
	maxHeight: 420,
	orientation: { axis: 'top' },
	selectable: true,
	tooltip: { followMouse: false, overflowMethod: 'cap' },
	margin: { item: 4 },
};
const timeline = new Timeline(chart, items, groups, options);
timeline.on('select', (e: { items: (string | number)[] }) => {
	const p = points[Number(e.items[0])];
	if (p) open(p);
});

function render(view: TimelineView, f: Filter): void {
	points = view.points;
	const shown = view.points.length < view.total ? `the first ${view.points.length} of ${view.total}` : `${view.total}`;
	summary.textContent = `${shown} dates in ${view.documents} document${view.documents === 1 ? '' : 's'}`;
	const groupNames = new Map<string, number>();
	const groupOf = (name: string) => {
		if (!groupNames.has(name)) groupNames.set(name, groupNames.size);
		return groupNames.get(name)!;
	};
	const next: DataItem[] = [];
	points.forEach((p, i) => {
		const span = spanOf(p.value);
		if (!span) return;
		const keys = f.groupBy === 'entity' ? (p.entities.length ? p.entities : ['(no entity)']) : [p.file];
		keys.forEach((k, j) => {
			const item: DataItem = { id: j ? `${i}/${j}` : i, group: groupOf(k), start: span.start, content: p.dateText, title: `${p.value} · ${p.file}: ${p.text}` };
			if (span.end) Object.assign(item, { end: span.end, type: 'range' });
			else item.type = 'point';
			next.push(item);
		});
	});
	items.clear();
	groups.clear();
	groups.add([...groupNames].map(([name, id]) => ({ id, content: name })));
	items.add(next);
	if (next.length) timeline.fit({ animation: false });
	list.replaceChildren();
	let day = '';
	let ul: HTMLUListElement | null = null;
	for (const p of points) {
		if (p.value !== day) {
			day = p.value;
			list.append(el('h3', p.value));
			ul = el('ul');
			list.append(ul);
		}
		const li = sentenceItem({ ...p, date: null });
		li.prepend(el('q', p.dateText, 'datetext'), ' ');
		ul!.append(li);
	}
	if (!points.length) list.append(el('p', 'No resolved date matches the filters (or the index is still being built).', 'empty'));
}

form.addEventListener('submit', (e) => {
	e.preventDefault();
	vscode.setState(filter());
	vscode.postMessage({ type: 'filter', filter: filter() });
});

window.addEventListener('message', (e: MessageEvent<{ type: string; view: TimelineView; entities: string[]; filter: Filter }>) => {
	if (e.data.type === 'entities') {
		const select = form.elements.namedItem('entity') as HTMLSelectElement;
		const current = select.value || e.data.filter?.entity || '';
		select.replaceChildren(el('option', 'All entities'));
		(select.firstChild as HTMLOptionElement).value = '';
		for (const name of e.data.entities) select.append(new Option(name, name, false, name === current));
	}
	if (e.data.type === 'timeline') render(e.data.view, e.data.filter);
});
const saved = vscode.getState() as Filter | undefined;
if (saved) {
	(form.elements.namedItem('from') as HTMLInputElement).value = saved.from;
	(form.elements.namedItem('to') as HTMLInputElement).value = saved.to;
}
vscode.postMessage({ type: 'ready', filter: saved ?? filter() });
