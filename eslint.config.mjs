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
		// The core is pure: no editor, no Node built-ins (STYLE.md).
		files: ['server/src/analysis/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'vscode', 'vscode-languageserver*'] },
			],
		},
	},
);
