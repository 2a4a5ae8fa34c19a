/**
 * @module The one way the site turns a catalogue message into text. The
 * catalogues (messages/zh-CN/*.json, messages/en/*.json: one catalogue per
 * locale, one file per area, so that a browser island loads only its own
 * area) hold ICU MessageFormat text: `{name}` arguments, and where a message
 * needs them `{n, plural, …}`, `{n, number}`, `{d, date, …}`. `formatMessage`
 * formats them with intl-messageformat (compiled once per text and locale).
 * Islands in the browser use `fillArguments` (fill.ts, which weighs nothing),
 * which does only the `{name}` arguments, so their areas (participation, recount, register) keep to those; a test
 * holds them to it.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { fillArguments, type Vars } from './fill.ts';

export type { Vars };

export type Locale = 'zh-CN' | 'en';

const compiled = new Map<string, IntlMessageFormat>();

export function formatMessage(locale: Locale, text: string, vars: Vars = {}): string {
  const id = `${locale}\u0000${text}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    compiled.set(id, f);
  }
  try {
    return String(f.format(vars));
  } catch {
    // An argument the caller did not give stays as written, as it always has.
    return fillArguments(text, vars);
  }
}
