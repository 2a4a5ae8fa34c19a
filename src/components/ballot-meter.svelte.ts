/**
 * State of the ballot island: what the form currently says, added up and
 * checked with the same pure rules the server uses, so the counter / budget
 * meter / points left and the rule messages are live and never disagree
 * with what the server will decide.
 */
import { ballotTotals, checkBallot, minShareFen, type BallotInput, type BallotIssue, type BallotProject } from '#domain/ballot-rules.ts';
import { formatFen } from '#messages/money.ts';
import { ballotIssueText, type BallotWords } from '#messages/ballot-words.ts';
import { fillArguments } from '#messages/fill.ts';
import type { VoteSettings } from '#domain/rulebook.ts';

export type Locale = 'zh-CN' | 'en';

export type MeterProps = {
  locale: Locale;
  vote: VoteSettings;
  budgetFen: number;
  projects: BallotProject[];
  /** Strings of the `meter.*` keys of voting.json, without the prefix, and its `issue.*` keys as they are (src/i18n/voting.ts meterStrings). */
  strings: Record<string, string>;
  /** What the form shows when the page is rendered (current ballot or the refused post). */
  initial: BallotInput;
};

/** Reads the ballot as the form currently says it. */
export function readBallotForm(form: HTMLFormElement, method: string): BallotInput {
  if (method === 'points') {
    const points: Record<string, number> = {};
    for (const el of Array.from(form.querySelectorAll<HTMLInputElement>('input[name^="points."]'))) {
      const raw = el.value.normalize('NFKC').trim();
      points[el.name.slice('points.'.length)] = raw === '' ? 0 : Number(raw);
    }
    return { points };
  }
  return { projects: Array.from(form.querySelectorAll<HTMLInputElement>('input[name="projects"]:checked')).map((el) => el.value) };
}

export class BallotMeterState {
  input = $state<BallotInput>({});
  /** Set once the voter tries to submit: only then is "choose at least one" worth saying. */
  attempted = $state(false);
  readonly props: MeterProps;

  constructor(props: MeterProps) {
    this.props = props;
    this.input = props.initial;
  }

  // Arrow functions: `props` is set in the constructor, after field initialisers run.
  totals = $derived.by(() => ballotTotals(this.props.projects, this.input));
  check = $derived.by(() => checkBallot(this.props.vote, this.props.projects, this.props.budgetFen, this.input));

  get issues(): BallotIssue[] {
    if (this.check.ok) return [];
    return this.check.issues.filter((i) => this.attempted || i.code !== 'empty_ballot');
  }

  get messages(): string[] {
    return this.issues.map((i) => ballotIssueText(i, this.props.strings as BallotWords, this.props.locale));
  }

  private money(fen: number) {
    return formatFen(fen, this.props.locale);
  }

  private t(key: string, vars: Record<string, string | number> = {}) {
    return fillArguments(this.props.strings[key] ?? key, vars);
  }

  /** The bar: how full, out of what, and whether it went over. */
  get bar(): { now: number; max: number; over: boolean } {
    const { vote, budgetFen } = this.props;
    const t = this.totals;
    if (vote.method === 'basket') return { now: Math.min(t.costFen, budgetFen), max: budgetFen, over: t.costFen > budgetFen };
    if (vote.method === 'points') {
      const max = vote.points ?? 0;
      return { now: Math.min(t.pointsUsed, max), max, over: t.pointsUsed > max };
    }
    const max = vote.maxChoices ?? Math.max(1, this.props.projects.length);
    return { now: Math.min(t.chosen, max), max, over: t.chosen > max };
  }

  /** One line saying where the ballot stands ("已选 2/5"). */
  get headline(): string {
    const { vote, budgetFen } = this.props;
    const t = this.totals;
    if (vote.method === 'basket') return this.t('basket', { total: this.money(t.costFen), budget: this.money(budgetFen) });
    if (vote.method === 'points') return this.t('points', { used: t.pointsUsed, total: vote.points ?? 0 });
    return vote.maxChoices !== undefined ? this.t('approval', { n: t.chosen, max: vote.maxChoices }) : this.t('approvalNoMax', { n: t.chosen });
  }

  /** What is left, or by how much it is over. */
  get detail(): string {
    const { vote, budgetFen } = this.props;
    const t = this.totals;
    if (vote.method === 'basket') {
      const line = t.costFen > budgetFen ? this.t('basketOver', { over: this.money(t.costFen - budgetFen) }) : this.t('basketLeft', { left: this.money(budgetFen - t.costFen) });
      if (vote.minShare && vote.minShare.num > 0 && t.costFen < minShareFen(budgetFen, vote.minShare)) {
        return `${line} · ${this.t('basketMin', { min: this.money(minShareFen(budgetFen, vote.minShare)) })}`;
      }
      return line;
    }
    if (vote.method === 'points') {
      const total = vote.points ?? 0;
      return t.pointsUsed > total ? this.t('pointsOver', { over: t.pointsUsed - total }) : this.t('pointsLeft', { left: total - t.pointsUsed });
    }
    return '';
  }

  get valueText(): string {
    return [this.headline, this.detail].filter(Boolean).join(this.t('joiner'));
  }

  update(input: BallotInput) {
    this.input = input;
  }

  /** On submit: a ballot the server would refuse is not sent; the reasons are shown instead. */
  allowSubmit(): boolean {
    this.attempted = true;
    return this.check.ok;
  }
}
