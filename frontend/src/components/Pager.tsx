// Pager moves through a list shown `page` rows at a time: previous, "from–to of total", next.
// It shows nothing when everything fits on one page.

import { useI18n } from '../i18n';

export function Pager({ offset, page, total, onOffset }: { offset: number; page: number; total: number; onOffset: (offset: number) => void }) {
  const { t } = useI18n();
  if (total <= page) return null;
  return (
    <div className="pager">
      <button type="button" className="btn" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - page))}>
        {t('common.prev')}
      </button>
      <span>{t('common.range', { from: offset + 1, to: Math.min(total, offset + page), total })}</span>
      <button type="button" className="btn" disabled={offset + page >= total} onClick={() => onOffset(offset + page)}>
        {t('common.next')}
      </button>
    </div>
  );
}
