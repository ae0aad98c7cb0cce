/**
 * The workspace model (`.seedlens/model.json` at the root of a workspace folder): the names learned
 * from the workspace's reviewed annotations, which the analysis applies as suggestions. Learned by
 * the command *Learn from My Annotations* (or `seed-lens train --from DIR`); read at start-up and
 * whenever the file changes; not used when `seedLens.learnedModel.enabled` is off.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { humanLayer, type HumanLayer } from '../analysis/human/layer';
import { learnNames, readLearned, type LearnedNames } from '../analysis/human/learned';
import { listInputs, readSeed } from '../cli/files';
import { annPathOf, readAnnSync, writeAtomic } from './annFiles';

/** The model's place in a workspace folder. */
export const MODEL_PATH = path.join('.seedlens', 'model.json');

export class LearnedModel {
	private model: LearnedNames | undefined;

	constructor(private readonly log: (message: string) => void) {}

	/** The model to apply, if there is one. */
	get(): LearnedNames | undefined {
		return this.model;
	}

	/** True for the URI of a model file. */
	isModelFile(uri: string): boolean {
		return /\/\.seedlens\/model\.json$/.test(uri);
	}

	/** Reads the model of the first workspace folder that has one; true when what is applied changed. */
	async load(roots: readonly string[]): Promise<boolean> {
		const before = JSON.stringify(this.model ?? null);
		this.model = undefined;
		for (const root of roots) {
			const file = path.join(root, MODEL_PATH);
			let text: string;
			try {
				text = await fs.promises.readFile(file, 'utf8');
			} catch {
				continue;
			}
			try {
				this.model = readLearned(JSON.parse(text)) ?? undefined;
				if (!this.model) this.log(`Seed Lens: ${file} is not a model written by Learn from My Annotations; it is not used.`);
			} catch (e) {
				this.log(`Seed Lens: ${file} cannot be read (${(e as Error).message}); it is not used.`);
			}
			break;
		}
		return JSON.stringify(this.model ?? null) !== before;
	}

	/** Learns from the `.ann` files of the first workspace folder and writes its model; returns what was learned. */
	async learn(roots: readonly string[]): Promise<{ file: string; model: LearnedNames } | null> {
		const root = roots[0];
		if (!root) return null;
		const layers: HumanLayer[] = [];
		for await (const input of listInputs([root])) {
			try {
				const ann = readAnnSync(annPathOf(input.file));
				if (ann !== undefined) layers.push(humanLayer(readSeed(input.file), ann));
			} catch (e) {
				this.log(`Seed Lens: ${input.file} was left out of the learning: ${(e as Error).message}`);
			}
		}
		const model = learnNames(layers);
		const file = path.join(root, MODEL_PATH);
		await fs.promises.mkdir(path.dirname(file), { recursive: true });
		await writeAtomic(file, JSON.stringify(model, null, 1) + '\n');
		this.model = model;
		return { file, model };
	}
}
