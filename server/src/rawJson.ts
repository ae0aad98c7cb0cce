/**
 * JSON text written into the server's messages as is. Diagnostics worded on an analysis thread
 * arrive as one JSON text; parsing it on the server's thread only for the connection to encode it
 * again cost ~30 ms per publication of a megabyte's ~5,000 diagnostics, during which hovers and the
 * outline waited. When the server writes its own messages (stdio), such a list goes out untouched:
 * `jsonList` stands in for the parsed list, and `RawJsonWriter` writes the text in its place.
 */
import { randomBytes } from 'node:crypto';
import { StreamMessageWriter, type ContentTypeEncoder, type Message } from 'vscode-languageserver/node';

// A placeholder no document can contain: it carries a random part of this process's own.
const PREFIX = `seed-lens-raw-json-${randomBytes(12).toString('hex')}-`;
let enabled = false;
let next = 0;
/** The texts whose placeholders the message being encoded holds. */
const pending = new Map<string, string>();
/** The JSON text of each stand-in. */
const texts = new WeakMap<object, string>();

/**
 * The list a JSON text encodes: parsed, or, when a `RawJsonWriter` writes the messages, a stand-in
 * that is written as the text itself. The stand-in is empty: it is only to be sent, never read.
 */
export function jsonList<T>(json: string): T[] {
	if (!enabled) return JSON.parse(json) as T[];
	const marker = PREFIX + next++;
	const list: T[] = [];
	Object.defineProperty(list, 'toJSON', {
		value: () => {
			pending.set(marker, json);
			return marker;
		},
	});
	texts.set(list, json);
	return list;
}

/** A list with `more` after the items of `list`, which may be a `jsonList` stand-in (then so is the result). */
export function appendToList<T>(list: T[], more: T[]): T[] {
	const json = texts.get(list);
	if (!more.length) return list;
	if (json === undefined) return [...list, ...more];
	const extra = JSON.stringify(more).slice(1, -1);
	return jsonList<T>(json.trimEnd() === '[]' ? `[${extra}]` : `${json.trimEnd().slice(0, -1)},${extra}]`);
}

/** Encodes a message as JSON, putting the texts of `jsonList` stand-ins in their places. */
export function encodeMessage(msg: Message): string {
	pending.clear();
	let text = JSON.stringify(msg);
	for (const [marker, json] of pending) {
		const quoted = `"${marker}"`;
		const at = text.indexOf(quoted);
		if (at >= 0) text = text.slice(0, at) + json + text.slice(at + quoted.length);
	}
	pending.clear();
	return text;
}

const encoder: ContentTypeEncoder = {
	name: 'application/json',
	encode: (msg, options) => {
		try {
			return Promise.resolve(Buffer.from(encodeMessage(msg), options.charset));
		} catch (e) {
			return Promise.reject(e);
		}
	},
};

/** The stdio message writer that writes `jsonList` texts as they are; creating one enables them. */
export class RawJsonWriter extends StreamMessageWriter {
	constructor(output: NodeJS.WritableStream) {
		super(output, { charset: 'utf-8', contentTypeEncoder: encoder });
		enabled = true;
	}
}
