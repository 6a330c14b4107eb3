// Editing a rubric (or a checklist file) in the browser: YAML with line numbers, syntax errors
// at once and the server's errors at their line, a preview of the rubric on a chosen
// conversation before publishing, publishing as a new version (with re-scoring progress), and the
// version history with line diffs.

import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { RescoreProgress, Scorecard } from '../api/types';
import { DiffView } from '../components/DiffView';
import { ScoreBadge } from '../components/Outcome';
import { ScorecardPanel } from '../components/ScorecardPanel';
import { ErrorBox, Loading } from '../components/Status';
import { YamlEditor } from '../components/YamlEditor';
import { useI18n } from '../i18n';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';
import { yamlSyntaxErrors, type LineError } from '../lib/yamlcheck';

interface Version {
  version: number;
  yaml: string;
  published_at: string;
  published_by: number;
  active?: boolean;
}

const TEMPLATE = (id: string) => `id: ${id}
version: 1
name: ${id}
pass_score: 80
sections:
  - name: Opening
    items:
      - check: greeting
        points: 10
`;

export function RubricEditorPage({ kind }: { kind: 'rubric' | 'checklist' }) {
  const params = useParams();
  const [search] = useSearchParams();
  const name = (kind === 'rubric' ? params.id : params['*']) ?? '';
  const { t, lang } = useI18n();
  const versions = useAsync<Version[]>(
    () => (kind === 'rubric' ? api.rubricVersions(name) : api.checklistVersions(name)).catch((e) => (e instanceof ApiError && e.status === 404 ? [] : Promise.reject(e))),
    [kind, name],
  );
  const sorted = useMemo(() => [...(versions.data ?? [])].sort((a, b) => b.version - a.version), [versions.data]);
  const latest = sorted[0];
  const [text, setText] = useState('');
  const [serverErrors, setServerErrors] = useState<LineError[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RescoreProgress | null>(null);
  const [tab, setTab] = useState<'preview' | 'history' | 'changes'>(kind === 'rubric' ? 'preview' : 'history');

  useEffect(() => {
    if (versions.data) setText(latest?.yaml ?? (kind === 'rubric' && search.get('new') ? TEMPLATE(name) : ''));
    setServerErrors([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [versions.data]);

  const syntax = useMemo(() => yamlSyntaxErrors(text), [text]);
  const errors = syntax.length ? syntax : serverErrors;
  const dirty = text !== (latest?.yaml ?? '');

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.lines.length) {
      setServerErrors(e.lines);
      setMessage(t('rubric.hasErrors'));
    } else {
      setMessage(`${t('common.error')}: ${(e as Error).message}`);
    }
  };

  const publish = async () => {
    if (syntax.length) return;
    setBusy(true);
    setMessage('');
    setServerErrors([]);
    try {
      const v = kind === 'rubric' ? await api.publishRubric(name, text) : await api.publishChecklist(name, text);
      setMessage(t('rubric.published', { version: v.version }));
      versions.reload();
      if (kind === 'rubric') setProgress({ rubric_id: name, version: v.version, total: 0, done: 0, failed: 0 });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!progress || (progress.total > 0 && progress.done + progress.failed >= progress.total)) return;
    const timer = setTimeout(() => {
      api
        .rescoreProgress(progress.rubric_id, progress.version)
        .then(setProgress)
        .catch(() => setProgress(null));
    }, 1500);
    return () => clearTimeout(timer);
  }, [progress]);

  if (versions.loading && !versions.data) return <Loading />;
  const title = kind === 'rubric' ? t('rubric.editTitle', { id: name }) : t('checklist.editTitle', { path: name });

  return (
    <div className="page editor-page">
      <div className="page-head">
        <h1>{title}</h1>
        <span className="muted">{latest ? t('rubric.latest', { version: latest.version, at: dateTime(latest.published_at, lang) }) : t('rubric.unpublished')}</span>
        <Link to={kind === 'rubric' ? '/rubrics' : '/checklists'} className="btn btn-ghost">
          {t('common.back')}
        </Link>
      </div>
      <ErrorBox error={versions.error} />
      <div className="editor-split">
        <section className="editor-main" aria-label={t('rubric.editor')}>
          <YamlEditor
            id="yaml"
            label={title}
            value={text}
            onChange={(v) => {
              setText(v);
              if (serverErrors.length) {
                setServerErrors([]);
                setMessage('');
              }
            }}
            errors={errors}
          />
          <div className="editor-actions">
            <span className="muted small" aria-live="polite">
              {syntax.length ? t('rubric.syntaxErrors', { count: syntax.length }) : dirty ? t('rubric.unsaved') : t('rubric.noChanges')}
            </span>
            <button type="button" className="btn btn-primary" disabled={busy || !dirty || syntax.length > 0} onClick={() => void publish()}>
              {t('rubric.publish')}
            </button>
          </div>
          {message && (
            <p role="status" className={serverErrors.length ? 'error' : 'alert alert-ok'}>
              {message}
            </p>
          )}
          {progress && (
            <p role="status" className="muted small">
              {progress.total > 0 ? t('rubric.rescore', { done: progress.done, total: progress.total, failed: progress.failed }) : t('rubric.rescoreStarted')}
            </p>
          )}
        </section>
        <aside className="editor-side">
          <div role="tablist" aria-label={t('rubric.side')} className="tablist">
            {kind === 'rubric' && (
              <button role="tab" type="button" aria-selected={tab === 'preview'} onClick={() => setTab('preview')}>
                {t('rubric.preview')}
              </button>
            )}
            <button role="tab" type="button" aria-selected={tab === 'changes'} onClick={() => setTab('changes')}>
              {t('rubric.changes')}
            </button>
            <button role="tab" type="button" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
              {t('rubric.history')}
            </button>
          </div>
          <div role="tabpanel" className="tabpanel">
            {tab === 'preview' && kind === 'rubric' && <Preview yaml={text} disabled={syntax.length > 0} onErrors={fail} />}
            {tab === 'changes' && <DiffView before={latest?.yaml ?? ''} after={text} title={t('rubric.changesAgainst', { version: latest?.version ?? 0 })} />}
            {tab === 'history' && <History versions={sorted} />}
          </div>
        </aside>
      </div>
    </div>
  );
}

function Preview({ yaml, disabled, onErrors }: { yaml: string; disabled: boolean; onErrors: (e: unknown) => void }) {
  const { t } = useI18n();
  const convs = useAsync(() => api.conversations({ limit: 50 }), []);
  const [key, setKey] = useState<number | ''>('');
  const [card, setCard] = useState<Scorecard | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    if (key === '' && convs.data?.items.length) setKey(convs.data.items[0].key);
  }, [convs.data, key]);
  const run = async () => {
    if (key === '') return;
    setBusy(true);
    try {
      setCard(await api.previewRubric(yaml, key));
    } catch (e) {
      setCard(null);
      onErrors(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="preview">
      <div className="row">
        <div className="field">
          <label htmlFor="preview-conv">{t('rubric.previewOn')}</label>
          <select id="preview-conv" value={key} onChange={(e) => setKey(Number(e.target.value))}>
            {(convs.data?.items ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {c.conversation.id} · {c.conversation.language} · {c.conversation.channel}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn" disabled={disabled || busy || key === ''} onClick={() => void run()}>
          {t('rubric.runPreview')}
        </button>
      </div>
      <ErrorBox error={convs.error} />
      {card && (
        <div aria-label={t('rubric.previewResult')} role="region">
          <p>
            {t('score.automatic')}: <ScoreBadge score={card.score} critical={card.critical_failed} />{' '}
            {card.needs_review && <span className="badge badge-review">{t('flag.needsReview')}</span>}{' '}
            <Link to={`/conversations/${key}`}>{t('rubric.openConversation')}</Link>
          </p>
          <ScorecardPanel items={card.items} selectedId={selected} onSelect={setSelected} />
        </div>
      )}
    </div>
  );
}

function History({ versions }: { versions: Version[] }) {
  const { t, lang } = useI18n();
  const [a, setA] = useState<number | null>(null); // older
  const [b, setB] = useState<number | null>(null); // newer
  const newer = versions.find((v) => v.version === (b ?? versions[0]?.version));
  const older = versions.find((v) => v.version === (a ?? versions[1]?.version));
  if (!versions.length) return <p className="muted">{t('rubric.unpublished')}</p>;
  return (
    <div className="history">
      <table className="table table-compact" aria-label={t('rubric.history')}>
        <thead>
          <tr>
            <th scope="col">{t('rubric.version')}</th>
            <th scope="col">{t('rubric.publishedAt')}</th>
            <th scope="col">{t('rubric.by')}</th>
            <th scope="col">{t('rubric.compare')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                v{v.version} {v.active && <span className="badge">{t('rubric.active')}</span>}
              </td>
              <td>{dateTime(v.published_at, lang)}</td>
              <td>#{v.published_by}</td>
              <td>
                <label className="inline">
                  <input type="radio" name="diff-old" checked={older?.version === v.version} onChange={() => setA(v.version)} /> {t('rubric.old')}
                </label>{' '}
                <label className="inline">
                  <input type="radio" name="diff-new" checked={newer?.version === v.version} onChange={() => setB(v.version)} /> {t('rubric.new')}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {newer && older && older.version !== newer.version && (
        <DiffView before={older.yaml} after={newer.yaml} title={t('rubric.diffTitle', { a: older.version, b: newer.version })} />
      )}
    </div>
  );
}
