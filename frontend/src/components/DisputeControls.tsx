// Disputes on one item of a reviewed scorecard: an agent opens one with a comment; a team lead
// accepts or rejects it with a resolution.

import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Dispute } from '../api/types';
import { useI18n } from '../i18n';

export function DisputeStatus({ d }: { d: Dispute }) {
  const { t } = useI18n();
  return (
    <div className={`dispute dispute-${d.status}`}>
      <strong>{t(`dispute.status.${d.status}`)}</strong>: {d.comment}
      {d.resolution && (
        <div>
          {t('dispute.resolution')}: {d.resolution}
        </div>
      )}
    </div>
  );
}

export function OpenDispute({ reviewId, itemId, onDone }: { reviewId: number; itemId: string; onDone: (d: Dispute) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [err, setErr] = useState('');
  const id = `dispute-${reviewId}-${itemId}`;
  if (!open) {
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {t('dispute.open')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setErr(t('dispute.commentRequired'));
      return;
    }
    try {
      onDone(await api.createDispute(reviewId, itemId, comment.trim()));
      setOpen(false);
    } catch (e2) {
      setErr((e2 as Error).message);
    }
  };
  return (
    <form className="dispute-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('dispute.why')}</label>
        <textarea id={id} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {err && (
        <p className="error" role="alert">
          {err}
        </p>
      )}
      <button type="submit" className="btn btn-small btn-primary">
        {t('dispute.send')}
      </button>{' '}
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

export function ResolveDispute({ dispute, onDone }: { dispute: Dispute; onDone: (d: Dispute) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [err, setErr] = useState('');
  const id = `resolve-${dispute.id}`;
  const resolve = async (accepted: boolean) => {
    if (!text.trim()) {
      setErr(t('dispute.resolutionRequired'));
      return;
    }
    try {
      const d = await api.resolveDispute(dispute.id, accepted, text.trim());
      onDone(d && typeof d === 'object' && 'status' in d ? d : { ...dispute, status: accepted ? 'accepted' : 'rejected', resolution: text.trim() });
    } catch (e) {
      setErr((e as Error).message);
    }
  };
  return (
    <div className="resolve-form">
      <div className="field">
        <label htmlFor={id}>{t('dispute.resolution')}</label>
        <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {err && (
        <p className="error" role="alert">
          {err}
        </p>
      )}
      <button type="button" className="btn btn-small btn-primary" onClick={() => void resolve(true)}>
        {t('dispute.accept')}
      </button>{' '}
      <button type="button" className="btn btn-small" onClick={() => void resolve(false)}>
        {t('dispute.reject')}
      </button>
    </div>
  );
}
