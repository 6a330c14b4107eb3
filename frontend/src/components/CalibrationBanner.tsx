// The band above a blind review in a calibration session: which session, which of its
// conversations this is, that the others' verdicts stay hidden until the reveal, and the way
// back to the session (or to its agreement once revealed).

import { Link } from 'react-router';
import type { CalibrationSession } from '../api/types';
import { useI18n } from '../i18n';

export function CalibrationBanner({ session: s, scorecardId, userId }: { session: CalibrationSession; scorecardId: number; userId: number }) {
  const { t } = useI18n();
  const n = s.scorecard_ids.indexOf(scorecardId) + 1;
  return (
    <div className="hint calibration-banner" role="note" aria-label={t('cal.bannerLabel')}>
      {s.revealed_at
        ? t('cal.bannerRevealed', { name: s.name })
        : t('cal.banner', { name: s.name, n, total: s.scorecard_ids.length })}{' '}
      {!s.reviewer_ids.includes(userId) && <strong>{t('cal.notInvited')} </strong>}
      <Link to={`/calibrations/${s.id}`}>{s.revealed_at ? t('cal.toAgreement') : t('cal.toSession')}</Link>
    </div>
  );
}
