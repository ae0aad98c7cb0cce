/**
 * JSON text written into the server's messages as is. Diagnostics worded on an analysis thread
 * arrive as one JSON text; parsing it on the server's thread only for the connection to encode it
 * again cost ~30 ms per publication of a megabyte's ~5,000 diagnostics, during which hovers and the
 * outline waited. When the server writes its own messages (stdio), such a list goes out untouched:
 * `jsonList` stands in for the parsed list, and `RawJsonWriter` writes the text in its place. The
 * stand-in holds no items, so its type (`OutgoingList`) lets it be sent and appended to, never read.
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

declare const unread: unique symbol;

/**
 * A list on its way to the editor, which the server's thread sends without reading: it may be a
 * stand-in for JSON text worded on an analysis thread (whose items are not here). Made by
 * `jsonList` or `outgoingList`, extended by `appendToList`, handed to the connection by `sentAs`.
 */
export interface OutgoingList<T> {
	readonly [unread]: T;
}

/** A list read on this thread, to be sent. */
export function outgoingList<T>(list: T[]): OutgoingList<T> {
	return list as unknown as OutgoingList<T>;
}

/** The list as the connection's message takes it: only the connection encodes it. */
export function sentAs<T>(list: OutgoingList<T>): T[] {
	return list as unknown as T[];
}

/**
 * The list a JSON text encodes: parsed, or, when a `RawJsonWriter` writes the messages, a stand-in
 * that is written as the text itself.
 */
export function jsonList<T>(json: string): OutgoingList<T> {
	if (!enabled) return outgoingList(JSON.parse(json) as T[]);
	const marker = PREFIX + next++;
	const list: T[] = [];
	Object.defineProperty(list, 'toJSON', {
		value: () => {
			pending.set(marker, json);
			return marker;
		},
	});
	texts.set(list, json);
	return outgoingList(list);
}

/** A list with `more` after the items of `list`, which may be a `jsonList` stand-in (then so is the result). */
export function appendToList<T>(list: OutgoingList<T>, more: T[]): OutgoingList<T> {
	const json = texts.get(list);
	if (!more.length) return list;
	if (json === undefined) return outgoingList([...sentAs(list), ...more]);
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
