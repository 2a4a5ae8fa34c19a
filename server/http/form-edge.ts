/**
 * @module The page edge of every use case: a form a page shows posts to the
 * page's own address, and this edge — not the page — handles it. It finds
 * the page form declared for that page (and, where a page has several, the
 * one its picking field names), reads the form into the use case's input,
 * validates it with the use case's own schema and runs it. Done: 303 to
 * where the declaration says (Post/Redirect/Get). Refused or invalid: the
 * page is rendered as for a GET, with the typed values, each error by its
 * field and the refusal's status (the page reads them with `formState`);
 * signed out, to the sign-in page and back.
 * Pages only read.
 */
import type { z } from 'zod';
import { fieldsFromZod, genericMessage } from './errors.ts';
import { refusal, type Caller, type CookieChange, type Refusal, type UseCase } from '../cases/use-case.ts';

type PathParams = Record<string, string | undefined>;

/** One form a page shows, over one use case. */
export type PageForm<I = any, P = any, V = any> = {
  /** The page's route as Astro names it: `/projects/[code]`. */
  page: string;
  /** The form field that picks this use case, and its value (`intent` = `comment`); none when the page has one form. */
  pick?: { field: string; value: string };
  useCase: UseCase<I, P, V>;
  /**
   * The form's fields into the use case's input; by default the input's own fields, as typed (missing ones empty).
   * A form that cannot be read into the input (a line of a text area in the wrong shape) answers a Refusal, in the page's words.
   * It may wait (to read a file).
   */
  read?: (values: Record<string, string>, form: FormData, caller: Caller) => unknown;
  /** The use case's parameters from the page's path (and the form: its files, say); a refusal stops here (say, no such project). */
  params?: (path: PathParams, caller: Caller, values: Record<string, string>, form: FormData) => Promise<P | Refusal> | P | Refusal;
  /** The largest post this form takes (a form with files): a larger one is refused (413) before it is read. */
  maxBytes?: number;
  /** Where the input's fields are on the form, when they are named differently (`amountFen` → `amount`): errors are shown there. */
  fieldsOnForm?: Record<string, string>;
  /** Done: where to send the browser (a same-site path); or `render` to show the outcome on the page itself. */
  next: ((value: V, path: PathParams, values: Record<string, string>, url: URL) => string) | 'render';
  /** Done: cookies only the page sets (a one-time flash carried across the redirect), beside the use case's own. */
  cookies?: (value: V, path: PathParams, caller: Caller, values: Record<string, string>) => CookieChange[];
  /**
   * Refused, for a form whose page shows outcomes from its address (a form
   * posting to an endpoint rather than to its own page): where to send the
   * browser, carrying the reason. Without it the page is rendered with the errors.
   */
  back?: (refused: Refusal, path: PathParams, values: Record<string, string>) => string;
};

/** What a page shows after a post it did not redirect from. */
export type FormState = {
  /** The use case's name and, for a page with several forms, the picking field's value. */
  useCase: string;
  pick: string | null;
  /** The fields as the person typed them (files are not kept). */
  values: Record<string, string>;
  /** Every value of each field, in order: the ticked boxes of a field posted several times. */
  lists: Record<string, string[]>;
  /** Errors by field, in the person's language; `error` is the one not about a field. */
  errors: Record<string, string>;
  error: string | null;
  /** The refusal's own words, whether or not it concerns fields (for a page that sums a refusal up in one line). */
  message: string | null;
  /** The reason code (`validation_failed` for bad fields), and the HTTP status the page answers with. */
  code: string | null;
  status: number;
  retryAfterSeconds?: number;
  /** A use case whose outcome is shown on the page itself (`next: 'render'`): its value. */
  value?: unknown;
};

export type FormOutcome = { redirect: string; cookies: CookieChange[] } | { state: FormState; cookies: CookieChange[] };

function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false && typeof (x as { code?: unknown }).code === 'string';
}

/** The input's own field names, for a form read by default. */
function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The declared form this post is for: the page's form whose picking field the post carries, else its only unpicked one. */
export function formFor(forms: readonly PageForm[], page: string, values: Record<string, string>): PageForm | null {
  const onPage = forms.filter((f) => f.page === page);
  return onPage.find((f) => f.pick && values[f.pick.field] === f.pick.value) ?? onPage.find((f) => !f.pick) ?? null;
}

/**
 * Handle a form posted to `page`; null when no form is declared for that page
 * (the page then renders as for a GET, changing nothing).
 */
export async function submitPageForm(forms: readonly PageForm[], page: string, path: PathParams, request: Request, caller: Caller, url: URL): Promise<FormOutcome | null> {
  const onPage = forms.filter((f) => f.page === page);
  if (onPage.length === 0) return null;
  // Judged on the declared length, before anything is read: the largest any form of the page takes.
  const limit = onPage.filter((f) => f.maxBytes !== undefined).sort((a, b) => b.maxBytes! - a.maxBytes!)[0];
  if (limit && Number(request.headers.get('content-length') ?? '0') > limit.maxBytes!) {
    const error = genericMessage('payload_too_large', caller.locale);
    return { state: { useCase: limit.useCase.name, pick: limit.pick?.value ?? null, values: {}, lists: {}, errors: {}, error, message: error, code: 'payload_too_large', status: 413 }, cookies: [] };
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    form = new FormData();
  }
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== 'string') continue;
    values[k] = v;
    (lists[k] ??= []).push(v);
  }
  const declared = formFor(forms, page, values);
  if (!declared) return null;
  const state = (s: Partial<FormState> & Pick<FormState, 'status' | 'code'>): FormState => ({
    useCase: declared.useCase.name,
    pick: declared.pick?.value ?? null,
    values,
    lists,
    errors: {},
    error: null,
    message: null,
    ...s,
  });
  const onForm = (errors: Record<string, string>) =>
    declared.fieldsOnForm ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [declared.fieldsOnForm![k] ?? k, v])) : errors;
  const refused = (r: Refusal): FormOutcome => {
    // Signed out (a session that ran out while the form was open): sign in, then back to the page.
    if (r.code === 'not_signed_in') return { redirect: `/signin?next=${encodeURIComponent(url.pathname)}`, cookies: [] };
    if (declared.back) return { redirect: declared.back(r, path, values), cookies: [] };
    const errors: Record<string, string> = { ...(r.fields ?? {}) };
    if (r.field) errors[r.field] ??= r.message;
    return {
      state: state({ status: r.status, code: r.code, errors: onForm(errors), error: r.field || r.fields ? null : r.message, message: r.message, ...(r.retryAfterSeconds !== undefined ? { retryAfterSeconds: r.retryAfterSeconds } : {}) }),
      cookies: [],
    };
  };

  const params = declared.params ? await declared.params(path, caller, values, form) : (undefined as never);
  if (isRefusal(params)) return refused(params);
  const raw = declared.read ? await declared.read(values, form, caller) : Object.fromEntries(fieldsOf(declared.useCase.input).map((f) => [f, values[f] ?? '']));
  if (isRefusal(raw)) return refused(raw);
  const parsed = declared.useCase.input.safeParse(raw);
  if (!parsed.success) {
    const invalid = refusal('validation_failed', 400, genericMessage('validation_failed', caller.locale), { fields: fieldsFromZod(parsed.error, caller.locale, { value: raw }) });
    return refused(invalid);
  }
  const r = await declared.useCase.run(caller, parsed.data, params);
  if (!r.ok) return refused(r);
  if (declared.next === 'render') return { state: state({ status: 200, code: null, value: r.value }), cookies: r.cookies ?? [] };
  return { redirect: declared.next(r.value, path, values, url), cookies: [...(r.cookies ?? []), ...(declared.cookies?.(r.value, path, caller, values) ?? [])] };
}
