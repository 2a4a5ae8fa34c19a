/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    ctx: import('../server/context.ts').AppContext;
    auth: import('../server/services/accounts.ts').SignedIn | null;
    locale: import('./i18n/messages.ts').Locale;
    /** Set by server/serve.ts: this request's id (x-request-id), shown on the error page. */
    requestId?: string | null;
    /** Set by server/serve.ts: add the matched route and the account to the request's log line. */
    /** The care version and the text size this browser chose (src/middleware.ts). */
    display: { care: boolean; size: 's' | 'm' | 'l'; chosen: boolean };
    /** Set by the page edge (server/http/form-edge.ts) when a form posted to this page was not done: what to show. */
    form?: import('../server/http/form-edge.ts').FormState;
    noteRequest?: (note: import('../server/ops/request-log.ts').RequestNote) => void;
  }
}
