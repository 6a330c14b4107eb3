import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { CoachingNote } from '../api/types';
import { useI18n } from '../i18n';

/** CoachingForm lets a team lead write a note to an agent, optionally about one scorecard. */
export function CoachingForm({ agentId, scorecardId, onSaved }: { agentId: string; scorecardId?: number; onSaved?: (n: CoachingNote) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const id = `coach-${agentId}-${scorecardId ?? 'all'}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setMsg('');
    try {
      const n = await api.createCoaching(agentId, text.trim(), scorecardId);
      setText('');
      setMsg(t('coaching.saved'));
      onSaved?.(n);
    } catch (err) {
      setMsg(`${t('common.error')}: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="coaching-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('coaching.write', { agent: agentId })}</label>
        <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} required />
      </div>
      <button type="submit" className="btn" disabled={busy || !text.trim()}>
        {t('coaching.send')}
      </button>
      {msg && (
        <span className="muted" role="status">
          {' '}
          {msg}
        </span>
      )}
    </form>
  );
}
