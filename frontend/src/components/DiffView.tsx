import { Fragment, useMemo } from 'react';
import { useI18n } from '../i18n';
import { collapse, diffStats, lineDiff } from '../lib/diff';

export function DiffView({ before, after, title }: { before: string; after: string; title: string }) {
  const { t } = useI18n();
  const d = useMemo(() => lineDiff(before, after), [before, after]);
  const rows = useMemo(() => collapse(d, 3), [d]);
  const s = diffStats(d);
  return (
    <figure className="diff" aria-label={title}>
      <figcaption>
        {title} <span className="diff-add">+{s.added}</span> <span className="diff-del">−{s.removed}</span>
        {s.added + s.removed === 0 && <> · {t('rubric.noChanges')}</>}
      </figcaption>
      <table className="diff-table">
        <tbody>
          {rows.map((l, i) => (
            <Fragment key={i}>
              {l.op === 'skip' ? (
                <tr className="diff-skip">
                  <td colSpan={4}>⋯ {t('rubric.unchanged', { count: l.count })}</td>
                </tr>
              ) : (
                <tr className={`diff-${l.op}`}>
                  <td className="diff-no">{l.oldLine ?? ''}</td>
                  <td className="diff-no">{l.newLine ?? ''}</td>
                  <td className="diff-mark" aria-label={l.op === 'add' ? t('rubric.added') : l.op === 'del' ? t('rubric.removed') : undefined}>
                    {l.op === 'add' ? '+' : l.op === 'del' ? '−' : ' '}
                  </td>
                  <td className="diff-text">
                    <pre>{l.text}</pre>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
