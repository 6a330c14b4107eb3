import type { AuditEntry } from '../api/types';
import { useI18n } from '../i18n';
import { dateTime } from '../lib/time';

export function AuditTrail({ entries, names }: { entries: AuditEntry[]; names?: Map<number, string> }) {
  const { t, lang } = useI18n();
  if (!entries.length) return <p className="muted">{t('audit.empty')}</p>;
  return (
    <ol className="audit" aria-label={t('audit.title')}>
      {entries.map((e) => (
        <li key={`${e.id}-${e.object}`}>
          <time dateTime={e.at}>{dateTime(e.at, lang)}</time> <strong>{names?.get(e.user_id) ?? `#${e.user_id}`}</strong>{' '}
          <code>{e.action}</code> <span className="muted">{e.object}</span>
          {e.detail && <div className="audit-detail">{e.detail}</div>}
        </li>
      ))}
    </ol>
  );
}
