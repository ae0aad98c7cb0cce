/** Reading and moving around: hover cards, the outline, definition, references and workspace symbols. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hoverText, openSeed, positionOf, SAMPLE, waitFor, walk, workspaceFile } from './helpers';

type Found = vscode.Location | vscode.LocationLink;
const target = (l: Found) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l);
const textAt = async (l: { uri: vscode.Uri; range: vscode.Range }) => (await vscode.workspace.openTextDocument(l.uri)).getText(l.range);

suite('Hover, outline and navigation', () => {
	test('hovering “Haftar” shows the entity card', async () => {
		const doc = await openSeed(SAMPLE);
		const at = positionOf(doc, 'backed Haftar', 0, 'backed '.length + 2);
		const hovers = await waitFor(
			'a hover on “Haftar”',
			() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
			(h) => /Haftar/.test(hoverText(h)),
			30_000,
			hoverText,
		);
		const text = hoverText(hovers);
		assert.match(text, /\*\*[^*\n]*Haftar[^*\n]*\*\*/, 'the card names the entity in bold');
		assert.match(text, /\d+ mentions?/, 'the card counts the mentions');
		const range = hovers.find((h) => h.range)?.range;
		assert.ok(range, 'the hover has no range');
		assert.equal(doc.getText(range), 'Haftar');
	});

	test('hovering an ordinary word shows no Seed Lens card', async () => {
		const doc = await openSeed(SAMPLE);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
			'vscode.executeHoverProvider',
			doc.uri,
			positionOf(doc, 'mercenaries and foreign', 0, 3),
		);
		assert.doesNotMatch(hoverText(hovers), /mentions?/);
	});

	test('the outline is the article: its title, then groups of entities, a timeline and the claims', async () => {
		const doc = await openSeed(SAMPLE);
		const symbols = await waitFor(
			'document symbols',
			() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
			(s) => (s?.length ?? 0) > 0,
		);
		assert.equal(symbols.length, 1);
		const [root] = symbols;
		assert.equal(root.name, 'Libya’s 300 pro-Haftar mercenaries are leaving the country.');
		const names = root.children.map((c) => c.name);
		const timeline = root.children.find((c) => c.name === 'Timeline');
		const claims = root.children.find((c) => c.name === 'Claims');
		assert.ok(timeline && claims, `no Timeline or Claims group among ${names.join(', ')}`);
		const entityGroups = root.children.filter((c) => c !== timeline && c !== claims);
		const haftar = [...walk(entityGroups)].find((s) => s.name === 'Khalifa Haftar');
		assert.ok(haftar, `no “Khalifa Haftar” in the entity groups ${entityGroups.map((g) => g.name).join(', ')}`);
		// The entity's symbol selects its first mention, in the first paragraph.
		assert.equal(doc.getText(haftar.selectionRange), 'Khalifa Haftar');
		assert.equal(haftar.selectionRange.start.line, 2);
		assert.ok(timeline.children.length > 0, 'empty timeline');
		assert.ok(
			[...walk(claims.children)].some((s) => s.kind === vscode.SymbolKind.String && s.range.start.line > 0),
			'no claim in the Claims group',
		);
	});

	test('go to definition on a later “Haftar” lands on an earlier mention of the entity', async () => {
		const doc = await openSeed(SAMPLE);
		const at = positionOf(doc, 'backed Haftar', 0, 'backed '.length + 2);
		const found = (await vscode.commands.executeCommand<Found[]>('vscode.executeDefinitionProvider', doc.uri, at)) ?? [];
		assert.ok(found.length > 0, 'no definition');
		const first = target(found[0]);
		assert.equal(first.uri.toString(), doc.uri.toString());
		assert.match(await textAt(first), /Haftar/);
		assert.ok(first.range.start.isBefore(at), `the definition (${first.range.start.line}:${first.range.start.character}) is not before the use`);
	});

	test('find references on “Haftar” lists every mention of the entity', async () => {
		const doc = await openSeed(SAMPLE);
		const at = positionOf(doc, 'backed Haftar', 0, 'backed '.length + 2);
		const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at)) ?? [];
		const inDoc = refs.filter((r) => r.uri.toString() === doc.uri.toString());
		assert.ok(inDoc.length >= 4, `expected at least 4 mentions of Haftar, saw ${inDoc.length}`);
		for (const r of inDoc) assert.match(doc.getText(r.range), /Haftar/);
		assert.ok(
			inDoc.some((r) => r.range.contains(at)),
			'the mention under the cursor is not among the references',
		);
	});

	test('workspace symbols find a person named only in a file never opened', async () => {
		const archive = workspaceFile('archive', 'port-review-2023.seed');
		const query = (q: string) => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', q);
		const show = (ss: vscode.SymbolInformation[]) => ss.map((s) => `${s.name} (${path.relative(workspaceFile(), s.location.uri.fsPath)})`).join(', ');
		const found = await waitFor(
			'“Verbeek” from the archive folder',
			() => query('Verbeek'),
			(ss) => ss.some((s) => s.location.uri.fsPath === archive),
			30_000,
			show,
		);
		const verbeek = found.find((s) => s.location.uri.fsPath === archive)!;
		assert.equal(verbeek.name, 'Jonas Verbeek');
		assert.equal((await vscode.workspace.openTextDocument(archive)).getText(verbeek.location.range), 'Jonas Verbeek');
		const lindqvist = await waitFor(
			'“Lindqvist”, named in three fixture files',
			() => query('Lindqvist'),
			(ss) => ss.some((s) => s.name === 'Marta Lindqvist'),
			30_000,
			show,
		);
		assert.ok(
			lindqvist.every((s) => /Lindqvist/.test(s.name)),
			show(lindqvist),
		);
	});
});
