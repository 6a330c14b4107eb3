import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorBox({ error }: { error: Error | undefined | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {t('common.error')}: {error.message}
    </div>
  );
}

export function Empty({ text }: { text: string }) {
  return <p className="muted empty">{text}</p>;
}
