/**
 * @module What older in-app browsers lack and the islands use at run time.
 * The build lowers syntax to ES2019 (astro.config.mjs); library calls are
 * not lowered, and Svelte's runtime calls String.prototype.replaceAll
 * (ES2021: Chrome 85, Safari 13.1) when it mounts an island. Imported first by
 * each island; pages themselves work without any of this.
 */
type ReplaceAll = (search: string | RegExp, replacement: string) => string;

const proto = String.prototype as unknown as { replaceAll?: ReplaceAll };
if (typeof proto.replaceAll !== 'function') {
  // Enough for the runtime's uses: a literal string, or a global regular expression, replaced by a string.
  proto.replaceAll = function (this: string, search: string | RegExp, replacement: string): string {
    return search instanceof RegExp ? this.replace(search, replacement) : this.split(search).join(replacement);
  };
}

export {};
