/**
 * Writing the results of `seed-lens analyze` as they arrive: in the order of the inputs (results
 * that arrive early wait for the ones before them) or, unordered, at once. `json` is written as one
 * array element by element, byte for byte what serialising the whole array gives; `jsonl` one
 * element per line; `text` the reports one after the other; `sarif` is one log over every file,
 * built at the end.
 */
import type { DocumentAnnotations } from '../analysis';
import type { Format } from './analyzeArgs';
import type { TaskResult } from './tasks';
import { readSeed } from './files';
import { sarif } from './sarif';

type Element = (DocumentAnnotations & { file: string }) | { file: string; error: string };

export class Output {
	private next = 0;
	private readonly early = new Map<number, string | undefined>();
	private written = 0;
	private readonly elements: Element[] = [];

	/** `format` undefined writes nothing (results go to files); `write` gets each chunk of output. */
	constructor(
		private readonly format: Format | undefined,
		private readonly ordered: boolean,
		private readonly write: (chunk: string) => void,
	) {}

	/** The index of the first result not yet written, in ordered output. */
	get position(): number {
		return this.ordered ? this.next : Infinity;
	}

	/** Takes the results of a batch and writes what can be written. */
	accept(results: TaskResult[]): void {
		let chunk = '';
		if (!this.ordered) for (const r of results) chunk += this.piece(r.text);
		else {
			for (const r of results) this.early.set(r.i, r.text);
			while (this.early.has(this.next)) {
				chunk += this.piece(this.early.get(this.next));
				this.early.delete(this.next++);
			}
		}
		if (chunk) this.write(chunk);
	}

	/** Ends the output. */
	finish(): void {
		if (this.format === 'json') this.write(this.written ? ']\n' : '[]\n');
		else if (this.format === 'sarif') this.write(sarif(this.elements, readSeed) + '\n');
	}

	private piece(text: string | undefined): string {
		if (text === undefined || this.format === undefined) return '';
		const first = this.written++ === 0;
		switch (this.format) {
			case 'json':
				return (first ? '[' : ',') + text;
			case 'jsonl':
				return text + '\n';
			case 'text':
				return (first ? '' : '\n') + text;
			case 'sarif':
				this.elements.push(JSON.parse(text) as Element);
				return '';
		}
	}
}
