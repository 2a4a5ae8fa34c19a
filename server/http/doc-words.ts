/**
 * @module Words the English API document cites in Chinese, and its example
 * values, from the catalogue area api-doc (`term.*`, `example.*`). Both
 * languages' documents show them as they are: a term is the Chinese name of
 * the thing the English describes, and an example is data, not text to
 * translate (so both catalogues hold the same Chinese for these keys).
 */
import { say } from '#messages/say.ts';

type Term = 'officialReply' | 'agreement' | 'amendment' | 'resident' | 'needsForm' | 'wan' | 'wanYuan';
type Example = 'replierName' | 'notification' | 'capRule' | 'phaseReason';

/** The Chinese term: `docTerm('officialReply')` is 官方回复. */
export const docTerm = (key: Term): string => say.apiDoc('zh-CN', `term.${key}`);
/** An example value the document shows. */
export const docExample = (key: Example): string => say.apiDoc('zh-CN', `example.${key}`);
/** The site's name as the document's title writes it before "Weishishi". */
export const docSiteName = (): string => say.apiDoc('zh-CN', 'siteName');
