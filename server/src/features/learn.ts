/** The command *Learn from My Annotations*: learns the workspace model and says what it learned. */
import type { LearnedModel } from '../workspace/learnedModel';

/** The server command that learns the workspace model. */
export const LEARN_COMMAND = 'seedLens.learn';

/** Learns from the workspace's `.ann` files; the message for the user. */
export async function learnFromAnnotations(roots: readonly string[], model: LearnedModel, changed: () => void): Promise<{ message: string }> {
	try {
		const learned = await model.learn(roots);
		if (!learned) return { message: 'Open a folder to learn from its annotations.' };
		changed();
		const m = learned.model;
		return {
			message: `Learned ${Object.keys(m.names).length} names and ${Object.keys(m.rejected).length} rejected suggestions from ${m.documents} annotated documents (${learned.file}).`,
		};
	} catch (e) {
		return { message: `Nothing was learned: ${(e as Error).message}` };
	}
}
