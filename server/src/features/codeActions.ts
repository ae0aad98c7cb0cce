/**
 * Quick fixes: "Ignore this finding" for any Seed Lens diagnostic (stored in
 * the workspace's ignore file, never in the seed file), and the canonical
 * spelling where the analysis flags a variant spelling of a name.
 */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../documentAnalysis';
import { IGNORE_FILE, type IgnoreList } from '../workspace/ignoreList';
import { DIAGNOSTIC_SOURCE, type FindingData } from './diagnostics';
import { entityAt } from './lookup';
import { clip } from './words';

/** The server command that silences one finding. */
export const IGNORE_COMMAND = 'seedLens.ignoreFinding';

/** Codes the analysis may use for a name spelled differently from its canonical form. */
const VARIANT_CODES = new Set(['alias-variant']);

/** Arguments of the ignore command. */
export interface IgnoreArgs {
	uri: string;
	code: string;
	hash: string;
	text: string;
}

/** The quick fixes for the diagnostics in the request's context. */
export function codeActions(a: DocumentAnalysis, params: CodeActionParams, token?: CancellationToken): CodeAction[] {
	if (token?.isCancellationRequested) return [];
	const only = params.context.only;
	if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) return [];
	const out: CodeAction[] = [];
	for (const d of params.context.diagnostics.filter((x) => x.source === DIAGNOSTIC_SOURCE)) {
		const fix = canonicalSpelling(a, d);
		if (fix) out.push(fix);
		const data = d.data as FindingData | undefined;
		if (!data?.hash || typeof d.code !== 'string') continue;
		const text = typeof data.start === 'number' && typeof data.end === 'number' ? a.text.slice(data.start, data.end) : '';
		const args: IgnoreArgs = { uri: a.uri, code: d.code, hash: data.hash, text: clip(text, 120) };
		out.push({
			title: `Ignore this finding (${d.code})`,
			kind: CodeActionKind.QuickFix,
			diagnostics: [d],
			command: { title: 'Ignore this finding', command: IGNORE_COMMAND, arguments: [args] },
		});
	}
	return out;
}

function canonicalSpelling(a: DocumentAnalysis, d: Diagnostic): CodeAction | null {
	if (typeof d.code !== 'string' || !VARIANT_CODES.has(d.code)) return null;
	const hit = entityAt(a, a.lines.offset(d.range.start));
	if (!hit || hit.mention.text === hit.entity.name) return null;
	const edit = { range: a.lines.range(hit.mention), newText: hit.entity.name };
	return { title: `Write “${hit.entity.name}”`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [a.uri]: [edit] } } };
}

/** Reads the ignore command's arguments, or null when they are not what the quick fix sent. */
export function ignoreArgs(args: unknown[] | undefined): IgnoreArgs | null {
	const x = args?.[0] as Partial<IgnoreArgs> | undefined;
	return x && typeof x.uri === 'string' && typeof x.code === 'string' && typeof x.hash === 'string'
		? { uri: x.uri, code: x.code, hash: x.hash, text: String(x.text ?? '') }
		: null;
}

/** Runs the ignore command: adds the finding to the ignore file. False for another command or a document outside the workspace folders. */
export async function executeCommand(
	command: string,
	args: unknown[] | undefined,
	list: IgnoreList,
	warn: (message: string) => void = () => {},
): Promise<boolean> {
	const x = command === IGNORE_COMMAND ? ignoreArgs(args) : null;
	if (!x) return false;
	const stored = await list.add(x.uri, { code: x.code, hash: x.hash, text: x.text }).catch(() => false);
	if (!stored)
		warn(
			`This finding cannot be ignored: the file is not inside a workspace folder, where ${IGNORE_FILE} is kept. Add “${x.code}” to seedLens.ignore to silence all findings of this kind.`,
		);
	return stored;
}
