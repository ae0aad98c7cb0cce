// The editor suite: Seed Lens in a real VS Code (code-server, driven by Debian's Chromium).
// 1. The extension-host tests (test/e2e/suite/, mocha inside VS Code) run against the development
//    folder, the way @vscode/test-electron runs them on a desktop; each mocha test is reported here.
// 2. The packaged .vsix is installed into a clean editor, and a person's actions are replayed:
//    resting the mouse on a name, clicking a claim in the Outline, reading the Problems panel.
// Setup (Debian packages, the cached code-server) runs first and is skipped when already done.
// If the editor cannot start, the tests fail: they are never skipped.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Editor, installVsix, until } from './codeServer.mjs';
import {
	activeTab,
	command,
	cursor,
	cursorLineText,
	expandOutlineRow,
	hoverWord,
	openOutline,
	quickOpen,
	readProblems,
	webviewFrame,
	wordBox,
} from './person.mjs';
import { compileSuite, ensureBundles, freshWorkspace, OUTPUT, packageVsix, ROOT, setupEditor } from './prepare.mjs';

const SAMPLE = join(ROOT, 'samples', '000_c1e85f038010932c.txt');
const MINUTE = 60_000;

/** Saves a screenshot under test-output/e2e/ and returns its path. */
async function shot(page, name) {
	mkdirSync(OUTPUT, { recursive: true });
	const path = join(OUTPUT, `${name}.png`);
	await page.screenshot({ path });
	return path;
}

describe('Seed Lens in a real VS Code (code-server + Chromium)', () => {
	let entry;
	before(
		() => {
			entry = setupEditor();
			ensureBundles();
		},
		{ timeout: 25 * MINUTE },
	);

	test('the extension-host suite passes against the development folder', { timeout: 12 * MINUTE }, async (t) => {
		const tests = await compileSuite();
		const workspace = freshWorkspace();
		const resultsDir = mkdtempSync(join(tmpdir(), 'seed-lens-results-'));
		const results = join(resultsDir, 'results.json');
		const editor = new Editor({
			entry,
			workspace,
			logDir: join(OUTPUT, 'dev-suite'),
			env: { SEED_LENS_E2E_RESULTS: results, SEED_LENS_E2E_TRUST: 'restricted' },
		});
		let code;
		try {
			await editor.start();
			await editor.open([
				['extensionDevelopmentPath', ROOT],
				['extensionTestsPath', tests],
			]);
			code = await editor.testExit(10 * MINUTE);
		} catch (e) {
			if (editor.page) await shot(editor.page, 'dev-suite-failure').catch(() => {});
			throw e;
		} finally {
			await editor.stop();
			rmSync(workspace, { recursive: true, force: true });
		}
		assert.ok(existsSync(results), `the extension host wrote no results (exit code ${code}); its log:\n${editor.logs.slice(-40).join('\n')}`);
		const found = JSON.parse(readFileSync(results, 'utf8'));
		rmSync(resultsDir, { recursive: true, force: true });
		assert.ok(found.length > 0, 'the extension host ran no test');
		for (const r of found) {
			await t.test(r.title, () => {
				assert.notEqual(r.state, 'pending', 'skipped inside the editor');
				if (r.state === 'failed') throw new Error(r.error);
			});
		}
		assert.equal(code, 0, `mocha inside VS Code exited with ${code}`);
	});

	describe('the packaged .vsix, used as a person would', () => {
		let pkg;
		let editor;
		let workspace;
		let extensionsDir;
		let installDir;
		const sampleName = basename(SAMPLE);
		before(
			async () => {
				pkg = packageVsix();
				extensionsDir = mkdtempSync(join(tmpdir(), 'seed-lens-ext-'));
				installDir = mkdtempSync(join(tmpdir(), 'seed-lens-install-'));
				installVsix(entry, pkg.vsix, extensionsDir, installDir);
				workspace = freshWorkspace();
				copyFileSync(SAMPLE, join(workspace, 'desk', sampleName));
				// Written reports of the same events, for the views across documents.
				cpSync(join(ROOT, 'test', 'fixtures', 'crossdoc'), join(workspace, 'reports'), { recursive: true });
				editor = new Editor({ entry, workspace, extensionsDir, logDir: join(OUTPUT, 'vsix') });
				await editor.start();
				await editor.open();
				await quickOpen(editor.page, sampleName, 'Seed');
			},
			{ timeout: 10 * MINUTE },
		);
		after(async () => {
			await editor?.stop();
			for (const dir of [workspace, extensionsDir, installDir, pkg && dirname(pkg.vsix)]) if (dir) rmSync(dir, { recursive: true, force: true });
		});

		test('the .vsix holds only runtime files and stays small', () => {
			// vsce stores README, CHANGELOG and LICENSE as readme.md, changelog.md and LICENSE.txt.
			const allowed =
				/^(package\.json|dist\/(webview\/)?[\w-]+\.(js|css)|dist\/(webview\/)?[\w-]+(\.js)?\.LEGAL\.txt|dist\/syntax\.bin|syntaxes\/[\w.-]+\.json|language-configuration\.json|readme\.md|LICENSE\.txt|changelog\.md|NOTICE|images\/[\w-]+\.png)$/;
			assert.deepEqual(
				pkg.files.filter((f) => !allowed.test(f)),
				[],
			);
			for (const f of [
				'package.json',
				'dist/extension.js',
				'dist/server.js',
				'dist/syntax.bin',
				'readme.md',
				'LICENSE.txt',
				'changelog.md',
				'language-configuration.json',
			])
				assert.ok(pkg.files.includes(f), `${f} is missing from the .vsix`);
			assert.ok(pkg.bytes < 10 * 1000 * 1000, `the .vsix is ${(pkg.bytes / 1024 / 1024).toFixed(1)} MB`);
			note(`seed-lens.vsix: ${(pkg.bytes / 1024).toFixed(0)} KB, ${pkg.files.length} files`);
		});

		test('the installed extension opens the sample as Seed in Restricted Mode', async () => {
			const page = editor.page;
			await page.locator('#status\\.workspaceTrust', { hasText: 'Restricted Mode' }).waitFor();
			await page.locator('#status\\.editor\\.mode', { hasText: 'Seed' }).waitFor();
		});

		test('resting the mouse on “Haftar” shows the entity card', async () => {
			const page = editor.page;
			const card = await hoverWord(page, 'Haftar', 'backed ');
			await shot(page, 'hover-entity');
			assert.match(card, /Haftar/);
			assert.match(card, /\d+ mentions?/);
		});

		test('resting the mouse on “According” shows the claim card with the grammar the parser read', async () => {
			const page = editor.page;
			const card = await hoverWord(page, 'According');
			await shot(page, 'hover-claim');
			assert.match(card, /Source: .*United Nations/);
			assert.match(card, /Grammar: object of “according to” “the UN”/);
		});

		test('clicking a claim in the Outline moves the cursor to that claim', async () => {
			const page = editor.page;
			await page.mouse.move(5, 400);
			const rows = await openOutline(page);
			await page.locator('.pane-header[aria-label^="Outline"]').hover();
			await page.locator('.pane-header[aria-label^="Outline"] .action-label[aria-label^="Collapse All"]').click();
			await expandOutlineRow(rows, 'Libya’s 300 pro-Haftar mercenaries are leaving the country.');
			const claims = await expandOutlineRow(rows, 'Claims');
			// Claims are grouped by source: open the first source and click its first claim.
			const level = Number(await claims.getAttribute('aria-level'));
			const source = rows.and(page.locator(`[aria-level="${level + 1}"]`)).first();
			if ((await source.getAttribute('aria-expanded')) === 'false') await source.locator('.monaco-tl-twistie').click();
			const claim = rows.and(page.locator(`[aria-level="${level + 2}"]`)).first();
			// The outline names a claim by its statement, clipped: the line the click lands on must contain it.
			const name = (await claim.locator('.label-name').innerText()).replace(/…$/, '').trim();
			const before = await cursor(page);
			await claim.click();
			const words = name.split(/\s+/).slice(0, 6).join(' ');
			const end = Date.now() + 15_000;
			let line = await cursorLineText(page);
			while (!line?.includes(words) && Date.now() < end) {
				await page.waitForTimeout(200);
				line = await cursorLineText(page);
			}
			await shot(page, 'outline');
			assert.ok(line?.includes(words), `clicking “${name}” put the cursor on a line without it (line ${(await cursor(page)).line}: “${line?.slice(0, 200)}”)`);
			assert.notEqual((await cursor(page)).line, before.line, 'the cursor did not move');
		});

		test('the Problems panel lists the findings of the open seed', async () => {
			const page = editor.page;
			const rows = await readProblems(page, (texts) => texts.some((t) => /Seed Lens/.test(t)) && texts.some((t) => /mid-phrase/.test(t)));
			await shot(page, 'problems');
			assert.ok(
				rows.some((t) => /truncated-sentence/.test(t)),
				`no truncated-sentence row among:\n${rows.join('\n')}`,
			);
		});

		test('Show Entity opens the page of an entity across the reports, and its links open the sentence', async () => {
			const page = editor.page;
			const frame = await openView(
				page,
				'Seed Lens: Show Entity',
				'Khalifa Haftar',
				{ selector: 'h1', text: 'Khalifa Haftar' },
				{ selector: '.empty', text: 'No seed file' },
			);
			const text = await frame.locator('main').innerText();
			assert.match(text, /PERSON · named in [4-9] documents/);
			assert.match(text, /Documents \(\d+\)[\s\S]*libya-wire\.txt[\s\S]*libya-daily\.txt/);
			assert.match(text, /What it said \(\d+\)/);
			assert.match(text, /Named alongside[\s\S]*Libya/);
			await shot(page, 'entity-page');
			// Keyboard only: focus the link to the daily's sentence and press Enter.
			const link = frame.locator('a.sentence', { hasText: /200 mercenaries/ }).first();
			await link.focus();
			await page.keyboard.press('Enter');
			await activeTab(page, 'libya-daily.txt');
			// The link selects the sentence: it starts on line 3 of the report.
			await page.locator('#status\\.editor\\.selection', { hasText: /^Ln 3, Col \d+ \(\d+ selected\)/ }).waitFor();
		});

		test('Show Timeline puts the reports’ dates on a time axis, filters by entity, and a click opens the sentence', async () => {
			const page = editor.page;
			const frame = await openView(
				page,
				'Seed Lens: Show Timeline',
				null,
				{ selector: '#summary', text: 'dates in' },
				{ selector: '#summary', text: /^0 dates/ },
			);
			assert.match(await frame.locator('#summary').innerText(), /\d+ dates in \d+ documents/);
			assert.ok((await frame.locator('#chart .vis-item').count()) > 5, 'the chart drew no items');
			const days = await frame.locator('#list h3').allInnerTexts();
			assert.ok(days.includes('2021-11-11') && days.includes('2022-04-21'), `days listed: ${days.join(', ')}`);
			assert.deepEqual(days, [...days].sort());
			await frame.locator('select[name="entity"]').selectOption('Kabul');
			await frame.locator('button[type="submit"]').click();
			await frame.locator('#summary', { hasText: /in [1-3] documents?/ }).waitFor();
			const files = await frame.locator('#list .where').allInnerTexts();
			assert.ok(files.length && files.every((f) => /kabul-/.test(f)), `after the Kabul filter: ${files.join(' | ')}`);
			await shot(page, 'timeline');
			await frame
				.locator('#list a.sentence', { hasText: /exploded on Friday/ })
				.first()
				.click();
			await activeTab(page, 'kabul-times.txt');
			await page.locator('#status\\.editor\\.selection', { hasText: /^Ln 3, Col \d+ \(\d+ selected\)/ }).waitFor();
			// Back to the sample alone, as the tests that follow expect.
			await command(page, 'View: Close All Editors');
			await quickOpen(page, sampleName, 'Seed');
		});

		test('reviewing: select words and mark them as an organisation from the Command Palette, reject a suggestion with a quick fix', async () => {
			const page = editor.page;
			const ann = join(workspace, 'desk', sampleName.replace(/\.txt$/, '.ann'));
			const before = await suggestionCount(page);
			// Select “Tripoli administration” with the Find widget, as a person would, and close it: the match stays selected.
			await command(page, 'View: Focus Active Editor Group');
			await page.keyboard.press('Control+F');
			await page.keyboard.type('Tripoli administration', { delay: 10 });
			await page.keyboard.press('Enter');
			await page.keyboard.press('Escape');
			await page.locator('#status\\.editor\\.selection', { hasText: '(22 selected)' }).waitFor();
			await command(page, 'Seed Lens: Mark as Organisation');
			const marked = await waitUntil(
				'the .ann to hold the organisation',
				() => existsSync(ann) && readFileSync(ann, 'utf8'),
				(t) => /\tORG \d+ \d+\tTripoli administration$/m.test(t),
			);
			assert.match(marked, /^#\d+\tSeedLensState \*\tin-review$/m);
			// Put the cursor on “Paris” (Find, then close it), open the quick fixes (Ctrl+.), and pick Reject.
			await page.keyboard.press('Control+F');
			await page.keyboard.press('Control+A');
			await page.keyboard.type('Paris', { delay: 10 });
			await page.keyboard.press('Enter');
			await page.keyboard.press('Escape');
			await page.locator('#status\\.editor\\.selection', { hasText: '(5 selected)' }).waitFor();
			await page.keyboard.press('Control+.');
			const reject = page.locator('.action-widget .monaco-list-row', { hasText: /Reject .*Paris/ }).first();
			try {
				await reject.waitFor({ timeout: 15_000 });
			} catch (e) {
				await shot(page, 'review-quick-fix-missing');
				throw new Error(`no Reject quick fix; the menu showed: ${await page.locator('.action-widget').allInnerTexts()}`, { cause: e });
			}
			await shot(page, 'review-quick-fix');
			// The menu is worked with the keyboard: arrow down to Reject, then Enter.
			const focused = page.locator('.action-widget .monaco-list-row.focused');
			for (let i = 0; i < 20 && !/Reject .*Paris/.test((await focused.allInnerTexts()).join(' ')); i++) await page.keyboard.press('ArrowDown');
			assert.match((await focused.allInnerTexts()).join(' '), /Reject .*Paris/);
			await page.keyboard.press('Enter');
			const rejected = await waitUntil(
				'the .ann to hold the rejection',
				() => readFileSync(ann, 'utf8'),
				(t) => /^A\d+\tRejected T\d+$/m.test(t),
			);
			assert.match(rejected, /\tGPE \d+ \d+\tParis$/m);
			// The organisation took the place of the “Tripoli” suggestion inside it, and Paris is gone: two fewer to review.
			await page.locator('.statusbar-item', { hasText: `${before - 2} suggestions to review` }).waitFor();
			const card = await hoverWord(page, 'administration', 'Tripoli ');
			assert.match(card, /Confirmed by you/);
			assert.match(card, /Organisation/);
		});

		test('after a reload of the window both annotations are still there; Next Suggestion (Alt+N) walks the rest', async () => {
			const page = editor.page;
			const left = await suggestionCount(page);
			await command(page, 'Developer: Reload Window');
			await page.locator('.tabs-container .tab.active', { hasText: sampleName }).waitFor({ timeout: 60_000 });
			await page.locator('#status\\.editor\\.mode', { hasText: 'Seed' }).waitFor({ timeout: 60_000 });
			await page.locator('.statusbar-item', { hasText: `${left} suggestions to review` }).waitFor({ timeout: 60_000 });
			const card = await hoverWord(page, 'administration', 'Tripoli ');
			assert.match(card, /Confirmed by you/);
			// Put the cursor at the top and walk: each Alt+N selects the next suggestion further down.
			await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
			await page.keyboard.press('Control+Home');
			// The window restores the selection it had before the reload: wait until the cursor is really at the top.
			await waitUntil(
				'the cursor at the top',
				() => cursor(page),
				(c) => c.line === 1 && c.column === 1,
				15_000,
			);
			await page.keyboard.press('Alt+N');
			await page.locator('#status\\.editor\\.selection', { hasText: 'selected' }).waitFor();
			const first = await cursor(page);
			await page.keyboard.press('Alt+N');
			try {
				await waitUntil(
					'the cursor to move on',
					() => cursor(page),
					(c) => c.line > first.line || (c.line === first.line && c.column > first.column),
					60_000,
				);
			} catch (e) {
				await shot(page, 'review-next-failed');
				const status = await page.locator('#status\\.editor\\.selection').innerText();
				throw new Error(`the cursor stayed: first ${JSON.stringify(first)}, now “${status}”`, { cause: e });
			}
			await shot(page, 'review-next');
		});

		test('Export Annotations… from the Command Palette writes the JSON file the save dialog proposes', async () => {
			const page = editor.page;
			const target = join(workspace, 'desk', sampleName.replace(/\.txt$/, '.annotations.json'));
			await command(page, 'Seed Lens: Export Annotations');
			// The save dialog proposes a file beside the seed; the person accepts it.
			const input = page.locator('.quick-input-widget .quick-input-box input');
			// The dialog fills its path in steps (folder, then name): wait for the whole proposal.
			let proposed = '';
			const end = Date.now() + 15_000;
			while ((proposed = await input.inputValue()) !== target && Date.now() < end) await page.waitForTimeout(100);
			assert.equal(proposed, target);
			await page.keyboard.press('Enter');
			await page.locator('.notifications-toasts', { hasText: 'Annotations written to' }).waitFor();
			const a = JSON.parse(readFileSync(target, 'utf8'));
			assert.equal(a.version, 2);
			assert.equal(a.header.date, '2021-11-11');
			assert.ok(
				a.entities.some((e) => e.name === 'Khalifa Haftar' && e.type === 'PERSON'),
				'no Khalifa Haftar among the exported entities',
			);
			// The review above is in the export: the organisation is the person's, the rejected Paris is not there.
			const org = a.entities.find((e) => e.mentions.some((m) => m.text === 'Tripoli administration'));
			assert.equal(org?.type, 'ORG');
			assert.equal(org?.origin, 'human');
			assert.ok(!a.entities.some((e) => e.mentions.some((m) => m.text === 'Paris')), 'the rejected Paris was exported');
		});
	});
});

/** Runs a Seed Lens command that opens a view, and again while the index is still being built (the view says so). */
async function openView(page, title, pick, ready, empty) {
	const end = Date.now() + 60_000;
	for (;;) {
		await command(page, title);
		if (pick) {
			await page.keyboard.type(pick, { delay: 10 });
			await page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first().click();
		}
		const frame = await webviewFrame(page, ready.selector, ready.text);
		if (!(await frame.locator(empty.selector, { hasText: empty.text }).count()) || Date.now() > end) return frame;
		await page.waitForTimeout(500);
	}
}

/** Polls `probe` until `ok` accepts its value (at most `ms`), and returns that value. */
async function waitUntil(what, probe, ok, ms = 20_000) {
	let last;
	return until(
		what,
		async () => {
			last = await probe();
			return ok(last) ? last : null;
		},
		ms,
	).then(() => last);
}

/** The number the status bar gives of the active seed's suggestions still to review. */
async function suggestionCount(page) {
	const item = page.locator('.statusbar-item', { hasText: /\d+ suggestions? to review/ }).first();
	await item.waitFor();
	return Number(/(\d+) suggestion/.exec(await item.innerText())[1]);
}

/** Prints a line into the test report. */
function note(message) {
	console.log(`# ${message}`);
}
