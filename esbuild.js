// Bundles the client, the server and the CLI into dist/. Flags: --watch, --production.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

/** Data files read at run time, copied beside the bundles. */
const dataFiles = [{ from: 'server/src/analysis/syntax/syntax.bin', to: 'dist/syntax.bin' }];

function copyData() {
	fs.mkdirSync('dist/webview', { recursive: true });
	for (const f of dataFiles) {
		fs.mkdirSync(path.dirname(f.to), { recursive: true });
		fs.copyFileSync(f.from, f.to);
	}
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The views' page scripts: bundled for the browser, each with its own style sheet. */
const webviews = ['entity', 'timeline'];

const entries = [
	{ in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
	{ in: 'server/src/server.ts', out: 'server', external: [] },
	{ in: 'server/src/analysisWorker.ts', out: 'analysisWorker', external: [] },
	{ in: 'server/src/cli.ts', out: 'cli', external: [] },
	{ in: 'server/src/cli/batchWorker.ts', out: 'batchWorker', external: [] },
];

/** Reports build errors the way VS Code's problem matcher for esbuild reads them. */
const problemMatcher = {
	name: 'problem-matcher',
	setup(build) {
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
			}
		});
	},
};

async function main() {
	const contexts = await Promise.all(
		entries.map((e) =>
			esbuild.context({
				entryPoints: { [e.out]: e.in },
				bundle: true,
				format: 'cjs',
				platform: 'node',
				target: 'node20',
				outdir: 'dist',
				external: e.external,
				minify: production,
				sourcemap: !production,
				sourcesContent: false,
				legalComments: production ? 'linked' : 'none',
				logLevel: 'warning',
				plugins: [problemMatcher],
			}),
		),
	);
	contexts.push(
		await esbuild.context({
			entryPoints: Object.fromEntries(webviews.map((w) => [w, `client/webview/${w}.ts`])),
			bundle: true,
			format: 'iife',
			platform: 'browser',
			target: 'es2022',
			outdir: 'dist/webview',
			minify: production,
			sourcemap: !production,
			sourcesContent: false,
			legalComments: production ? 'linked' : 'none',
			logLevel: 'warning',
			plugins: [problemMatcher],
		}),
	);
	copyData();
	fs.copyFileSync('client/webview/views.css', 'dist/webview/views.css');
	if (watch) {
		await Promise.all(contexts.map((c) => c.watch()));
		return;
	}
	await Promise.all(contexts.map((c) => c.rebuild()));
	await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
