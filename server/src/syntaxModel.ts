/** Loads the shipped syntax model (`syntax.bin` beside the bundle) once, when first needed. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyntaxModel } from './analysis/syntax';

let loaded: SyntaxModel | undefined;

/** Where the model file is: beside the bundle in dist/, or in the source tree when run from source. */
export function syntaxModelPath(): string {
	const candidates = [
		join(__dirname, 'syntax.bin'),
		join(__dirname, 'analysis/syntax/syntax.bin'),
		join(__dirname, '../server/src/analysis/syntax/syntax.bin'),
	];
	const found = candidates.find((p) => existsSync(p));
	if (!found) throw new Error(`the syntax model (syntax.bin) is missing: looked in ${candidates.join(', ')}`);
	return found;
}

/** The model, or undefined (claims then read from word lists) when it cannot be loaded; `syntaxModelError` says why. */
export function syntaxModelOrNone(): SyntaxModel | undefined {
	if (loadError === undefined) {
		try {
			syntaxModel();
			loadError = null;
		} catch (e) {
			loadError = e instanceof Error ? e.message : String(e);
		}
	}
	return loadError === null ? loaded : undefined;
}

/** Why the syntax model could not be loaded, or null. */
export function syntaxModelError(): string | null {
	return loadError ?? null;
}
let loadError: string | null | undefined;

/** The shared, read-only syntax model. Throws with a clear message when the file is missing or damaged. */
export function syntaxModel(): SyntaxModel {
	loaded ??= new SyntaxModel(readFileSync(syntaxModelPath()));
	return loaded;
}
