// Starts code-server (VS Code in a browser) on a free loopback port and drives it with Debian's
// Chromium through playwright-core. Every wait is bounded, and `stop()` ends the server's whole
// process group (extension host and language server included) and the browser, even after a failure.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Where Debian installs Chromium; playwright-core downloads no browser of its own. */
export const CHROMIUM = process.env.SEED_LENS_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage',
];

/** User settings for a quiet, predictable workbench: no trust prompt (the folder stays in Restricted Mode), no tips, no network. */
const USER_SETTINGS = {
	'security.workspace.trust.startupPrompt': 'never',
	'security.workspace.trust.untrustedFiles': 'open',
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'workbench.colorTheme': 'Default Light Modern',
	'extensions.ignoreRecommendations': true,
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'chat.commandCenter.enabled': false,
	'editor.hover.delay': 300,
	'editor.hover.above': false,
	'editor.minimap.enabled': false,
	'window.commandCenter': false,
};

const sleepFor = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value, for at most `timeoutMs`; throws with `what` otherwise. */
export async function until(what, probe, timeoutMs) {
	const end = Date.now() + timeoutMs;
	let error;
	for (;;) {
		try {
			const v = await probe();
			if (v) return v;
		} catch (e) {
			error = e;
		}
		if (Date.now() >= end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${error ? ` (last error: ${error.message})` : ''}`);
		await sleepFor(200);
	}
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Installs a .vsix into an extensions folder with code-server's own CLI; throws with its output on failure. */
export function installVsix(entry, vsix, extensionsDir, userDataDir) {
	const r = spawnSync(process.execPath, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
		encoding: 'utf8',
		timeout: 120_000,
	});
	if (r.status !== 0) throw new Error(`code-server --install-extension failed (status ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
	return `${r.stdout}${r.stderr}`.trim();
}

/**
 * One editor session: a code-server process and a Chromium page on it.
 * `start()` resolves when the server answers its health check; `open()` loads the workbench.
 */
export class Editor {
	/**
	 * @param {object} o
	 * @param {string} o.entry code-server's entry.js
	 * @param {string} o.workspace the folder to open
	 * @param {string} o.logDir where the server's and the page's logs go
	 * @param {string} [o.extensionsDir] an extensions folder (for an installed .vsix)
	 * @param {Record<string,string>} [o.env] extra environment for the server and its extension host
	 */
	constructor(o) {
		this.o = o;
		this.tmp = mkdtempSync(join(tmpdir(), 'seed-lens-editor-'));
		this.userDataDir = join(this.tmp, 'user-data');
		this.extensionsDir = o.extensionsDir ?? join(this.tmp, 'extensions');
		this.logs = [];
		this.exitCode = undefined;
	}

	async start() {
		mkdirSync(join(this.userDataDir, 'User'), { recursive: true });
		writeFileSync(join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 1));
		this.port = await freePort();
		mkdirSync(this.o.logDir, { recursive: true });
		const log = createWriteStream(join(this.o.logDir, 'code-server.log'));
		const args = [
			this.o.entry,
			'--auth',
			'none',
			'--bind-addr',
			`127.0.0.1:${this.port}`,
			'--disable-telemetry',
			'--disable-update-check',
			'--disable-getting-started-override',
			'--user-data-dir',
			this.userDataDir,
			'--extensions-dir',
			this.extensionsDir,
			this.o.workspace,
		];
		// Its own process group, so that stop() ends the extension host and the language server too.
		this.server = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...this.o.env } });
		this.server.stdout.pipe(log);
		this.server.stderr.pipe(log);
		this.serverExited = new Promise((r) => this.server.once('exit', (code, signal) => r(code ?? signal)));
		this.killOnExit = () => this.killGroup('SIGKILL');
		process.once('exit', this.killOnExit);
		const url = `http://127.0.0.1:${this.port}/healthz`;
		await until(
			`code-server to answer on ${url} (log: ${join(this.o.logDir, 'code-server.log')})`,
			async () => {
				if (this.server.exitCode !== null) throw new Error(`code-server exited with ${this.server.exitCode}`);
				return (await fetch(url)).ok;
			},
			60_000,
		);
	}

	/**
	 * Loads the workbench on the folder. With `payload` (development path, tests path) the workbench runs
	 * extension tests; their log lines and exit code arrive through the functions exposed here.
	 */
	async open(payload = []) {
		this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
		this.page = await this.browser.newPage({ viewport: { width: 1280, height: 800 } });
		this.page.setDefaultTimeout(30_000);
		const pageLog = createWriteStream(join(this.o.logDir, 'workbench.log'));
		this.page.on('console', (m) => pageLog.write(`[${m.type()}] ${m.text()}\n`));
		this.page.on('pageerror', (e) => pageLog.write(`[pageerror] ${e.message}\n`));
		this.exited = new Promise((resolve) => {
			void this.page.exposeFunction('codeAutomationExit', (code) => {
				this.exitCode = code;
				resolve(code);
			});
		});
		await this.page.exposeFunction('codeAutomationLog', (type, args) => {
			const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
			this.logs.push(line);
			pageLog.write(`[ext-host ${type}] ${line}\n`);
		});
		const remote = (p) => `vscode-remote://127.0.0.1:${this.port}${p}`;
		const full = [...payload.map(([k, v]) => [k, v.startsWith('/') ? remote(v) : v]), ['skipWelcome', 'true']];
		const url = `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.o.workspace)}&payload=${encodeURIComponent(JSON.stringify(full))}`;
		await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
		await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
	}

	/** Waits for the extension tests to report their exit code; throws after `timeoutMs`. */
	async testExit(timeoutMs) {
		let timer;
		const timeout = new Promise((_, reject) => {
			timer = setTimeout(
				() => reject(new Error(`the extension tests did not finish within ${timeoutMs / 1000} s; last log lines:\n${this.logs.slice(-25).join('\n')}`)),
				timeoutMs,
			);
		});
		const died = this.serverExited.then((c) => {
			throw new Error(`code-server exited (${c}) before the tests finished`);
		});
		try {
			return await Promise.race([this.exited, timeout, died]);
		} finally {
			clearTimeout(timer);
		}
	}

	killGroup(signal) {
		if (!this.server || this.server.exitCode !== null || this.server.signalCode !== null) return;
		try {
			process.kill(-this.server.pid, signal);
		} catch {
			// Already gone.
		}
	}

	/** Closes the browser and ends code-server with everything it started; bounded, never throws. */
	async stop() {
		await Promise.race([this.browser?.close().catch(() => {}), sleepFor(10_000)]);
		if (this.server) {
			this.killGroup('SIGTERM');
			await Promise.race([this.serverExited, sleepFor(10_000)]);
			this.killGroup('SIGKILL');
			// Children that outlive the server (the extension host) are in its group too.
			try {
				process.kill(-this.server.pid, 'SIGKILL');
			} catch {
				// The group is empty.
			}
			process.removeListener('exit', this.killOnExit);
		}
		rmSync(this.tmp, { recursive: true, force: true });
	}
}
