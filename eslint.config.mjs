// Flat ESLint config: typescript-eslint with type information, so floating promises are caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'out/**',
			'node_modules/**',
			'.vscode-test/**',
			'.vscode-test-web/**',
			'test-output/**',
			'bench/data/**',
			'**/*.tmp.ts',
			'**/*.js',
			'**/*.mjs',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			'@typescript-eslint/no-floating-promises': [
				'error',
				// node:test's test() returns a promise the runner itself awaits.
				{ allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'it', 'describe', 'suite'], package: 'node:test' }] },
			],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-empty-object-type': 'off',
		},
	},
	{
		// What runs on the analysis threads words diagnostics without the LSP library: the threads load
		// none (the protocol's types are erased; its values, such as DiagnosticSeverity, are written out).
		files: [
			'server/src/analysisWorker.ts',
			'server/src/workerProtocol.ts',
			'server/src/documentAnalysis.ts',
			'server/src/positions.ts',
			'server/src/settings.ts',
			'server/src/features/diagnostics.ts',
			'server/src/features/findings.ts',
			'server/src/features/words.ts',
			'server/src/features/dateWords.ts',
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'],
							allowTypeImports: true,
							message: 'This module runs on the analysis threads, which load no LSP library: import its types only.',
						},
					],
				},
			],
		},
	},
	{
		// The core is pure: no editor, no Node built-ins (README, “How it works”).
		files: ['server/src/analysis/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'vscode', 'vscode-languageserver*'] },
			],
		},
	},
);
