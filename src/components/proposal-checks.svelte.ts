/**
 * State for the proposal-check island: as the resident types, run the same
 * pure checks the server runs on submit (server/domain/proposal-checks.ts)
 * against the cycle's rulebook and the community's projects, which the page
 * embeds. No request per keystroke; nothing here decides anything the server
 * does not decide again.
 */
import { checkProposal, inLocale, PROPOSAL_FIELDS, type ExistingProject, type ProposalCheck, type ProposalInput } from '../../server/domain/proposal-checks.ts';
import type { Rulebook } from '../../server/domain/rulebook.ts';
import { pt } from '../i18n/participation.ts';

export type Locale = 'zh-CN' | 'en';
export type ChecksRulebook = Pick<Rulebook, 'categories' | 'themes' | 'negativeList'>;

export class ProposalChecksState {
  check = $state<ProposalCheck>() as ProposalCheck;
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
    return this.check.capRule ? pt(this.locale, 'check.cap', { rule: inLocale(this.check.capRule, this.locale) }) : null;
  }

  /** The live cost problem (over the cap, not a number), once the resident has touched the cost. */
  get costError(): string | null {
    const e = this.check.fields.estimatedCost;
    return this.costTouched && e ? inLocale(e, this.locale) : null;
  }

  get warnings(): string[] {
    return this.check.warnings.map((w) => inLocale(w.message, this.locale));
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
