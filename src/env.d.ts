/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    ctx: import('../server/context.ts').AppContext;
    auth: import('../server/services/accounts.ts').SignedIn | null;
    locale: import('./i18n/messages.ts').Locale;
  }
}
