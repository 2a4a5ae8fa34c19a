/**
 * State for the proposal-check island: as the resident types, run the same
 * pure checks the server runs on submit (server/domain/proposal-checks.ts)
 * against the cycle's rulebook and the community's projects, which the page
 * embeds. No request per keystroke; nothing here decides anything the server
 * does not decide again. A community with many projects (a large cycle, years
 * of history) is too many to embed: then the page embeds only those that look
 * like what the form already holds, and the similar-projects hint is asked of
 * the server (`askDuplicates`) once the resident pauses typing.
 */
import { checkProposal, PROPOSAL_FIELDS, type ExistingProject, type ProposalCheck, type ProposalInput } from '#domain/proposal-checks.ts';
import { capRuleText, proposalIssueText, warningText } from '#messages/proposal-words.ts';
import type { Rulebook } from '#domain/rulebook.ts';
import { participationWords, pt } from '../i18n/participation.ts';

export type Locale = 'zh-CN' | 'en';
export type ChecksRulebook = Pick<Rulebook, 'categories' | 'themes' | 'negativeList'>;

/** A similar project as the hint shows it. */
export type SimilarProject = { code: string; title: string; sameAddress: boolean };

export class ProposalChecksState {
  check = $state<ProposalCheck>() as ProposalCheck;
  /** The server's answer for the title and address as last typed, when the page could not embed every project. */
  serverDuplicates = $state<SimilarProject[] | null>(null);
  /** Set once the resident changes the cost or the category: from then on the live message replaces the server's. */
  costTouched = $state(false);
  readonly locale: Locale;
  readonly rulebook: ChecksRulebook;
  readonly existing: readonly ExistingProject[];

  constructor(locale: Locale, rulebook: ChecksRulebook, existing: readonly ExistingProject[], initial: ProposalInput) {
    this.locale = locale;
    this.rulebook = rulebook;
    this.existing = existing;
    this.check = checkProposal(rulebook, initial, existing);
  }

  update(input: ProposalInput, changedField?: string) {
    if (changedField === 'estimatedCost' || changedField === 'category') this.costTouched = true;
    this.check = checkProposal(this.rulebook, input, this.existing);
  }

  get capText(): string | null {
    return this.check.capCategory ? pt(this.locale, 'check.cap', { rule: capRuleText(this.check.capCategory, participationWords(this.locale), this.locale) }) : null;
  }

  /** The live cost problem (over the cap, not a number), once the resident has touched the cost. */
  get costError(): string | null {
    const e = this.check.fields.estimatedCost;
    return this.costTouched && e ? proposalIssueText(e, participationWords(this.locale), this.locale) : null;
  }

  get duplicates(): SimilarProject[] {
    return this.serverDuplicates ?? this.check.duplicates;
  }

  get warnings(): string[] {
    return this.check.warnings.map((w) => warningText(w, participationWords(this.locale), this.locale));
  }
}

/** The proposal fields of a form, as typed. */
export function readProposalForm(form: HTMLFormElement): ProposalInput {
  const out: Record<string, string> = {};
  for (const name of PROPOSAL_FIELDS) {
    const el = form.elements.namedItem(name);
    if (el && 'value' in el) out[name] = String((el as unknown as { value: string }).value);
  }
  return out as ProposalInput;
}

/**
 * Similar projects in the whole community, from the server's check of the
 * title and address (POST /api/cycles/{id}/proposal-check). Null when the
 * server cannot be asked (offline, refused): the hint then stays as it was.
 */
export async function askDuplicates(cycleId: string, input: Pick<ProposalInput, 'title' | 'address'>, exceptCode?: string): Promise<SimilarProject[] | null> {
  try {
    const res = await fetch(`/api/cycles/${encodeURIComponent(cycleId)}/proposal-check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: input.title, address: input.address }),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { duplicates?: SimilarProject[] };
    return (body.duplicates ?? []).filter((d) => d.code !== exceptCode).map((d) => ({ code: d.code, title: d.title, sameAddress: d.sameAddress }));
  } catch {
    return null;
  }
}
