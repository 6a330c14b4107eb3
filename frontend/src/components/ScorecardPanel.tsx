// The scorecard beside the transcript: items grouped by section with their result, points and
// reason (in the interface language when the item has a reason code). Selecting an item
// highlights its evidence in the transcript. In review mode each item has a decision (pass,
// fail, n/a) and, when the decision differs from the automatic result, a comment field that
// must be filled.

import { useEffect, useRef, type ReactNode } from 'react';
import type { ItemResult, Outcome, ReviewItem } from '../api/types';
import { itemLabel, reasonText, useI18n, type Lang } from '../i18n';
import type { Decision, Decisions, ReviewProblem } from '../lib/review';
import { scrollIntoPanel } from '../lib/scroll';
import { OutcomeChip } from './Outcome';

export interface ReviewControls {
  decisions: Decisions;
  onChange: (itemId: string, d: Decision) => void;
  problems: ReviewProblem[];
  showProblems: boolean;
}

interface Props {
  items: ItemResult[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  review?: ReviewControls;
  /** The latest submitted human review's items, shown beside the automatic result. */
  human?: Map<string, ReviewItem>;
  extra?: (item: ItemResult) => ReactNode;
}

const DECISIONS: Outcome[] = ['pass', 'fail', 'na'];

export function ScorecardPanel({ items, selectedId, onSelect, review, human, extra }: Props) {
  const { t, lang } = useI18n();
  const sections: { name: string; items: ItemResult[] }[] = [];
  for (const it of items) {
    const last = sections[sections.length - 1];
    if (last && last.name === it.section) last.items.push(it);
    else sections.push({ name: it.section, items: [it] });
  }
  return (
    <div className="scorecard-items">
      {sections.map((s) => (
        <section key={s.name} aria-label={s.name}>
          <h3 className="section-name">{s.name}</h3>
          <ul className="items">
            {s.items.map((it) => (
              <ItemRow
                key={it.id}
                item={it}
                selected={it.id === selectedId}
                onSelect={onSelect}
                review={review}
                human={human?.get(it.id)}
                extra={extra}
                t={t}
                lang={lang}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface RowProps {
  item: ItemResult;
  selected: boolean;
  onSelect: (id: string) => void;
  review?: ReviewControls;
  human?: ReviewItem;
  extra?: (item: ItemResult) => ReactNode;
  t: (k: string, v?: Record<string, string | number>) => string;
  lang: Lang;
}

function ItemRow({ item, selected, onSelect, review, human, extra, t, lang }: RowProps) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) scrollIntoPanel(ref.current, 'nearest');
  }, [selected]);
  const label = itemLabel(t, item.id);
  const d = review?.decisions[item.id];
  const overridden = !!d && d.result !== item.result;
  const problem = review?.showProblems ? review.problems.find((p) => p.itemId === item.id) : undefined;
  const commentId = `comment-${item.id}`;
  const humanChanged = human && human.result !== human.automatic;

  return (
    <li
      ref={ref}
      className={`item item-${item.result}${selected ? ' selected' : ''}${overridden ? ' overridden' : ''}${problem ? ' has-problem' : ''}`}
      data-item={item.id}
    >
      <button type="button" className="item-head" aria-pressed={selected} aria-label={t('item.select', { item: label })} onClick={() => onSelect(item.id)}>
        <OutcomeChip result={item.result} />
        <span className="item-name">{label}</span>
        {item.critical && <span className="badge badge-critical">{t('item.critical')}</span>}
        {item.optional && <span className="badge">{t('item.optional')}</span>}
        <span className="item-points">
          {item.result === 'na' || item.result === 'review' ? '—' : `${item.points}/${item.max_points}`}
        </span>
      </button>
      <p className="item-reason">{reasonText(lang, item)}</p>
      {(item.evidence?.length ?? 0) > 0 && selected && (
        <p className="item-evidence">
          {t('item.evidence')}:{' '}
          {item.evidence!.map((e, i) => (
            <a key={i} href={`#turn-${e.turn}`} className="evidence-link">
              #{e.turn}
              {e.text ? ` «${e.text}»` : ''}
            </a>
          ))}
        </p>
      )}
      {human && !review && (
        <p className={`item-human${humanChanged ? ' changed' : ''}`}>
          {t('item.human')}: <OutcomeChip result={human.result} small />
          {humanChanged && <> ({t('item.overridden')})</>}
          {human.comment && <span className="item-human-comment"> — {human.comment}</span>}
        </p>
      )}
      {review && (
        <div className="decision">
          <div role="radiogroup" aria-label={t('item.decision', { item: label })} className="decision-buttons">
            {DECISIONS.map((o) => (
              <label key={o} className={`decision-option opt-${o}${d?.result === o ? ' checked' : ''}`}>
                <input
                  type="radio"
                  name={`decision-${item.id}`}
                  value={o}
                  checked={d?.result === o}
                  onChange={() => review.onChange(item.id, { result: o, comment: d?.comment ?? '' })}
                />
                {t(`outcome.${o}`)}
              </label>
            ))}
          </div>
          {overridden && (
            <div className="field">
              <label htmlFor={commentId}>{t('item.overrideComment')}</label>
              <textarea
                id={commentId}
                rows={2}
                required
                aria-invalid={problem?.kind === 'comment_required'}
                value={d?.comment ?? ''}
                onChange={(e) => review.onChange(item.id, { result: d!.result, comment: e.target.value })}
              />
            </div>
          )}
          {problem && (
            <p className="error" role="alert">
              {t(`review.problem.${problem.kind}`)}
            </p>
          )}
        </div>
      )}
      {extra?.(item)}
    </li>
  );
}
