// What a person does in the workbench, through the mouse and the keyboard only: open a file with
// Quick Open, rest the mouse on a word and read the hover, open the Outline and click an entry,
// read the Problems panel. Each helper waits for what a person would see, with a bound.

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab and its language in the status bar. */
export async function quickOpen(page, name, language) {
	await page.keyboard.press('Control+P');
	await page.keyboard.type(name, { delay: 15 });
	await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
	await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
	if (language) await page.locator('#status\\.editor\\.mode', { hasText: language }).waitFor();
}

/** Runs a command by its title from the Command Palette (F1). */
export async function command(page, title) {
	await page.keyboard.press('F1');
	await page.locator('.quick-input-widget').waitFor();
	await page.keyboard.type(title, { delay: 10 });
	await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** The screen box of the `nth` occurrence of `word` (after `before`) in the visible lines of the active editor. */
export async function wordBox(page, word, before = '', nth = 0) {
	const box = await page.evaluate(
		({ word, before, nth }) => {
			const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
			if (!lines) return null;
			// Lines are rendered as spans of tokens; look for the word across each line's text nodes.
			const found = [];
			for (const line of lines.querySelectorAll('.view-line')) {
				const text = line.textContent.replace(/\u00a0/g, ' ');
				for (let at = text.indexOf(before + word); at >= 0; at = text.indexOf(before + word, at + 1)) found.push({ line, at: at + before.length });
			}
			found.sort((a, b) => a.line.getBoundingClientRect().top - b.line.getBoundingClientRect().top);
			const hit = found[nth];
			if (!hit) return null;
			const walker = document.createTreeWalker(hit.line, NodeFilter.SHOW_TEXT);
			let offset = 0;
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const len = n.textContent.length;
				if (hit.at < offset + len) {
					const range = document.createRange();
					range.setStart(n, hit.at - offset);
					range.setEnd(n, Math.min(len, hit.at - offset + word.length));
					const r = range.getBoundingClientRect();
					return { x: r.x, y: r.y, width: r.width, height: r.height };
				}
				offset += len;
			}
			return null;
		},
		{ word, before, nth },
	);
	if (!box) throw new Error(`“${before}${word}” is not on screen in the active editor`);
	return box;
}

/** Rests the mouse on a word and returns the text of the hover widget that appears. */
export async function hoverWord(page, word, before = '') {
	// Code lenses and inlay hints arriving late move the text: measure again on each try.
	let error;
	for (let attempt = 0; attempt < 4; attempt++) {
		// Move away first so that the hover is opened by this movement, not left from an earlier one.
		await page.mouse.move(5, 400);
		const b = await wordBox(page, word, before);
		await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
		const hover = page.locator('.monaco-hover:visible', { hasText: word }).first();
		try {
			await hover.waitFor({ timeout: 5_000 });
			return await hover.innerText();
		} catch (e) {
			error = e;
		}
	}
	throw new Error(`no hover with “${word}” appeared over “${before}${word}”: ${error?.message}`);
}

/** The cursor position the status bar shows, as { line, column } (1-based). */
export async function cursor(page) {
	const text = await page.locator('#status\\.editor\\.selection').innerText();
	const m = /Ln (\d+), Col (\d+)/.exec(text);
	if (!m) throw new Error(`unexpected cursor status “${text}”`);
	return { line: Number(m[1]), column: Number(m[2]) };
}

/** The document text of the line the cursor is on in the active editor (the line is on screen after a jump). */
export async function cursorLineText(page) {
	return page.evaluate(() => {
		const editor = document.querySelector('.editor-group-container.active .monaco-editor');
		if (!editor) return null;
		// A wrapped line is several rows; the current-line highlight covers each of them.
		const tops = [...editor.querySelectorAll('.view-overlays .current-line')].map((c) => c.parentElement.getBoundingClientRect().top);
		const rows = [...editor.querySelectorAll('.view-lines .view-line')]
			.filter((l) => tops.some((t) => Math.abs(l.getBoundingClientRect().top - t) < 2))
			.sort((x, y) => x.getBoundingClientRect().top - y.getBoundingClientRect().top);
		if (!rows.length) return null;
		// Inlay hints are injected spans (dyn-rule-* classes); the document's text is the rest.
		return rows
			.flatMap((row) => [...row.querySelectorAll('span > span')])
			.filter((t) => ![...t.classList].some((c) => c.startsWith('dyn-rule')))
			.map((t) => t.textContent)
			.join('')
			.replace(/\u00a0/g, ' ');
	});
}

/** Opens the Outline view and returns a locator of its rows. */
export async function openOutline(page) {
	await command(page, 'Explorer: Focus on Outline View');
	// Fold the file tree so that the Outline gets the side bar's height.
	const folders = page.locator('.pane:has(.explorer-folders-view) > .pane-header');
	if ((await folders.count()) && (await folders.first().getAttribute('aria-expanded')) === 'true') await folders.first().click();
	const rows = page.locator('.pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row');
	await rows.first().waitFor();
	return rows;
}

/** Expands the outline row labelled `name` (a click on its twistie) unless it is expanded. */
export async function expandOutlineRow(rows, name) {
	const row = rows.filter({ has: rows.page().locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
	await row.waitFor();
	if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
	return row;
}

/** Opens the Problems panel and returns the text of its rows once `ok` accepts them. */
export async function readProblems(page, ok, timeoutMs = 20_000) {
	await command(page, 'View: Focus Problems');
	const rows = page.locator('.markers-panel .monaco-list-row');
	const end = Date.now() + timeoutMs;
	for (;;) {
		const texts = await rows.allInnerTexts();
		if (ok(texts)) return texts;
		if (Date.now() > end) throw new Error(`the Problems panel never showed what was expected; it showed:\n${texts.join('\n')}`);
		await page.waitForTimeout(200);
	}
}

/**
 * The frame of a webview whose page shows `selector` (with `text`): code-server nests each webview's
 * page in two iframes; the inner one holds the extension's own HTML.
 */
export async function webviewFrame(page, selector, text, timeoutMs = 20_000) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		for (const frame of page.frames()) {
			const hit = frame.locator(selector, text ? { hasText: text } : {});
			if (await hit.count().catch(() => 0)) return frame;
		}
		if (Date.now() > end) throw new Error(`no webview shows ${selector}${text ? ` with “${text}”` : ''}`);
		await page.waitForTimeout(200);
	}
}

/** Waits until the active editor tab is `name` and returns the cursor's line text. */
export async function activeTab(page, name, timeoutMs = 15_000) {
	await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: timeoutMs });
	return cursorLineText(page);
}
