/** Quoting words back into shell text (aliases re-read with their arguments, `alias` listings). */

/** Quotes a word for the shell (`'it'\''s'`); a word that needs no quotes stays bare unless `always`. */
export function shellQuote(word: string, always = false): string {
  if (!always && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
