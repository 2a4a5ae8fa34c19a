/**
 * @module The catalogues as the server and the pages say them:
 * `say.reasons(locale, 'permission.not_signed_in')`, `say.names(locale,
 * 'state.approved')`, one function per area (catalogue.ts), each key checked
 * by TypeScript. The domain and the services return codes and values; the
 * edges (server/cases, server/http, server/routes, src) put them into words
 * here. Browser islands do not import this module (it loads every area they
 * do not need): they get their words from the page or fill.ts.
 *
 * names.json names the domain's states, steps, phases and kinds: `state.approved`,
 * `event.submit`, `phase.collection`, `implementer.contractor`.
 * reasons.json words every refusal as `family.code` (`permission.role_required`,
 * `meeting.no_quorum`, `ballot.voted_online`, …).
 */
import reasonsZh from './zh-CN/reasons.json' with { type: 'json' };
import reasonsEn from './en/reasons.json' with { type: 'json' };
import councilZh from './zh-CN/council.json' with { type: 'json' };
import councilEn from './en/council.json' with { type: 'json' };
import namesZh from './zh-CN/names.json' with { type: 'json' };
import namesEn from './en/names.json' with { type: 'json' };
import participationZh from './zh-CN/participation.json' with { type: 'json' };
import participationEn from './en/participation.json' with { type: 'json' };
import privacyZh from './zh-CN/privacy.json' with { type: 'json' };
import privacyEn from './en/privacy.json' with { type: 'json' };
import registerZh from './zh-CN/register.json' with { type: 'json' };
import registerEn from './en/register.json' with { type: 'json' };
import tallyZh from './zh-CN/tally.json' with { type: 'json' };
import tallyEn from './en/tally.json' with { type: 'json' };
import uiZh from './zh-CN/ui.json' with { type: 'json' };
import uiEn from './en/ui.json' with { type: 'json' };
import votingZh from './zh-CN/voting.json' with { type: 'json' };
import votingEn from './en/voting.json' with { type: 'json' };
import apiDocZh from './zh-CN/api-doc.json' with { type: 'json' };
import apiDocEn from './en/api-doc.json' with { type: 'json' };
import { catalogue } from './catalogue.ts';

export type ReasonKey = keyof typeof reasonsZh;

export const say = {
  apiDoc: catalogue<keyof typeof apiDocZh>(apiDocZh, apiDocEn),
  reasons: catalogue<ReasonKey>(reasonsZh, reasonsEn),
  council: catalogue<keyof typeof councilZh>(councilZh, councilEn),
  names: catalogue<keyof typeof namesZh>(namesZh, namesEn),
  participation: catalogue<keyof typeof participationZh>(participationZh, participationEn),
  privacy: catalogue<keyof typeof privacyZh>(privacyZh, privacyEn),
  register: catalogue<keyof typeof registerZh>(registerZh, registerEn),
  tally: catalogue<keyof typeof tallyZh>(tallyZh, tallyEn),
  ui: catalogue<keyof typeof uiZh>(uiZh, uiEn),
  voting: catalogue<keyof typeof votingZh>(votingZh, votingEn),
};
