/** Closed-class English words the stages share, defined once so that they agree. */

const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));

/** Determiners, possessives included: after one, a participle is an adjective and a word starts a noun phrase. */
export const DETERMINERS = set('the a an this that these those its his her their our my your some any each every no another both several many');
