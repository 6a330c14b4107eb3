import type { Outcome } from '../api/types';
import { useI18n } from '../i18n';

export function OutcomeChip({ result, small }: { result: Outcome; small?: boolean }) {
  const { t } = useI18n();
  return <span className={`chip chip-${result}${small ? ' chip-small' : ''}`}>{t(`outcome.${result}`)}</span>;
}

export function ScoreBadge({ score, critical, label }: { score: number | undefined; critical?: boolean; label?: string }) {
  const { t } = useI18n();
  if (score === undefined || score === null) return <span className="score score-none">—</span>;
  const band = critical ? 'bad' : score >= 80 ? 'good' : score >= 60 ? 'mid' : 'bad';
  return (
    <span className={`score score-${band}`} title={critical ? t('score.criticalFailed') : undefined} aria-label={label ? `${label}: ${score.toFixed(1)}` : undefined}>
      {score.toFixed(1)}
      {critical ? ' ⚠' : ''}
    </span>
  );
}
