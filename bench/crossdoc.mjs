// Across documents, on the indexed bench workspace: two reports that disagree are added to it; with
// both open, one is edited so that they agree (and back), timing the edit to the other report's
// diagnostics without (with) the conflict — the typing delay, the edited report's analysis, its
// share of the index, the conflict check and the other report's publication. Then the timeline
// and an entity page are asked for, as the views ask when they open.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitFor } from './lsp.mjs';

const WIRE = `date 2021-11-11 Haftar's forces say 300 mercenaries will leave Libya

Libyan strongman Khalifa Haftar's forces declared Thursday that 300 foreign mercenaries fighting on their side will leave the country.
`;
const DAILY = `date 2021-11-12 Libya: a first withdrawal of foreign fighters

Forces loyal to Khalifa Haftar said on Thursday that 200 mercenaries would be withdrawn from Libya in a first step.
`;

/** Writes the two reports into the workspace (before the server indexes it); returns a function that removes them. */
export function addReports(dir) {
	const sub = join(dir, 'zz-crossdoc');
	mkdirSync(sub, { recursive: true });
	writeFileSync(join(sub, 'wire.txt'), WIRE);
	writeFileSync(join(sub, 'daily.txt'), DAILY);
	return {
		wire: pathToFileURL(join(sub, 'wire.txt')).href,
		daily: pathToFileURL(join(sub, 'daily.txt')).href,
		remove: () => rmSync(sub, { recursive: true, force: true }),
	};
}

const hasConflict = (params) => params.diagnostics.some((d) => d.code === 'conflicting-figure');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the measures against a server that has indexed the workspace with the reports in it. */
export async function measureCrossDoc(server, reports, { rounds = 7 } = {}) {
	const { conn } = server;
	const first = waitFor(server, (m, p) => m === 'textDocument/publishDiagnostics' && p.uri === reports.daily && hasConflict(p), 30_000);
	await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: reports.wire, languageId: 'seed', version: 1, text: WIRE } });
	await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: reports.daily, languageId: 'seed', version: 1, text: DAILY } });
	if (!(await first)) return { note: 'the two reports never showed their conflict' };
	const changes = [];
	for (let i = 0; i < rounds; i++) {
		const agree = i % 2 === 0;
		const text = agree ? WIRE.replaceAll('300', '200') : WIRE;
		const seen = waitFor(server, (m, p) => m === 'textDocument/publishDiagnostics' && p.uri === reports.daily && hasConflict(p) === !agree, 10_000);
		const t0 = performance.now();
		await conn.sendNotification('textDocument/didChange', { textDocument: { uri: reports.wire, version: i + 2 }, contentChanges: [{ text }] });
		const t = await seen;
		if (t === null) return { note: `round ${i + 1}: the other report's conflict did not ${agree ? 'go' : 'come back'} within 10 s` };
		changes.push(t - t0);
	}
	const timeline = [];
	let points = 0;
	let total = 0;
	// The first request after the edits brings the sorted timeline up to date with the edited report.
	for (let i = 0; i < 5; i++) {
		const t0 = performance.now();
		const view = await conn.sendRequest('seedLens/timeline', {});
		timeline.push(performance.now() - t0);
		points = view.points.length;
		total = view.total;
	}
	const entity = [];
	for (let i = 0; i < 5; i++) {
		const t0 = performance.now();
		await conn.sendRequest('seedLens/entityPage', { name: 'Khalifa Haftar' });
		entity.push(performance.now() - t0);
	}
	return {
		changeToOtherMs: median(changes),
		changeToOtherMaxMs: Math.max(...changes),
		timelineMs: median(timeline),
		timelineFirstMs: timeline[0],
		timelinePoints: points,
		timelineTotal: total,
		entityPageMs: median(entity),
	};
}
