/** Helpers shared by the entity tests: a seed's entities from its body, and the entity with a mention. */
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/analysis/document';
import { findEntities } from '../../../server/src/analysis/entities';
import type { Entity } from '../../../server/src/analysis/types';

export const HEADER = 'date 2024-05-10 Test\n\n';
export const entities = (body: string): Entity[] => findEntities(parseDocument(`${HEADER}${body}`));
export const withMention = (es: Entity[], text: string): Entity => {
	const e = es.find((x) => x.mentions.some((m) => m.text === text));
	assert.ok(e, `no mention “${text}” among ${es.map((x) => `${x.mentions.map((m) => m.text).join('|')}/${x.type}`).join(', ')}`);
	return e;
};
