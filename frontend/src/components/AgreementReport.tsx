// The agreement of a revealed calibration session (internal/calibration's Report): how often the
// reviewers decided alike and how often they agreed with the automatic results, Cohen's kappa
// for both, each reviewer against the automation, each pair of reviewers, each item with the
// lowest agreement first, and what kappa means in plain words.

import type { Agreement } from '../api/types';
import { itemLabel, useI18n } from '../i18n';
import { kappaBand, kappaText, percent } from '../lib/calibration';

export function AgreementReport({ agreement: a, names }: { agreement: Agreement; names: (id: number) => string }) {
  const { t, lang } = useI18n();
  return (
    <section className="calibration-tables" aria-labelledby="agr-h">
      <h2 id="agr-h">{t('agr.title')}</h2>
      <div className="kpis">
        <Figure testId="agr-pairwise" label={t('agr.pairwise')} value={a.pairwise} text={percent(a.pairwise, lang)} sub={t('agr.pairwiseSub')} />
        <Figure testId="agr-kappa" label={t('agr.kappa')} value={a.kappa} text={kappaText(a.kappa, lang)} sub={t(`agr.band.${kappaBand(a.kappa)}`)} />
        <Figure testId="agr-automation" label={t('agr.automation')} value={a.automation} text={percent(a.automation, lang)} sub={t('agr.automationSub')} />
        <Figure
          testId="agr-automation-kappa"
          label={t('agr.automationKappa')}
          value={a.automation_kappa}
          text={kappaText(a.automation_kappa, lang)}
          sub={t(`agr.band.${kappaBand(a.automation_kappa)}`)}
        />
      </div>
      <p className="muted">{t('agr.reviews', { n: a.reviews, range: a.score_range })}</p>
      <details className="card" open>
        <summary>{t('agr.explainTitle')}</summary>
        <p>{t('agr.explain1')}</p>
        <p>{t('agr.explain2')}</p>
        <p>{t('agr.explain3')}</p>
      </details>
      <div className="grid-2">
        <AgreementTable
          title={t('agr.reviewersTitle')}
          first={t('agr.col.reviewer')}
          rows={a.reviewers.map((r) => ({
            key: String(r.reviewer_id),
            data: { 'data-reviewer': r.reviewer_id },
            label: names(r.reviewer_id),
            ...r,
          }))}
        />
        <AgreementTable
          title={t('agr.pairsTitle')}
          first={t('agr.col.pair')}
          rows={a.pairs.map((p) => ({
            key: `${p.a}-${p.b}`,
            data: { 'data-pair': `${p.a}-${p.b}` },
            label: `${names(p.a)} · ${names(p.b)}`,
            ...p,
          }))}
        />
      </div>
      <table className="table table-compact" aria-label={t('agr.itemsTitle')}>
        <caption className="section-name">{t('agr.itemsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agr.col.item')}</th>
            <th scope="col">{t('agr.col.pairs')}</th>
            <th scope="col">{t('agr.col.agreement')}</th>
            <th scope="col">{t('agr.col.kappa')}</th>
            <th scope="col">{t('agr.col.automation')}</th>
            <th scope="col">{t('agr.col.automationKappa')}</th>
          </tr>
        </thead>
        <tbody>
          {a.items.map((it) => (
            <tr key={it.item_id} data-item={it.item_id} data-pairwise={it.pairwise} data-automation={it.automation}>
              <td>{itemLabel(t, it.item_id)}</td>
              <td>{it.pairs}</td>
              <td>{percent(it.pairwise, lang)}</td>
              <KappaCell k={it.kappa} />
              <td>{percent(it.automation, lang)}</td>
              <KappaCell k={it.automation_kappa} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function KappaCell({ k }: { k: number | null }) {
  const { t, lang } = useI18n();
  return (
    <td data-kappa={k ?? 'undefined'}>
      {kappaText(k, lang)} <span className="muted small">({t(`agr.band.${kappaBand(k)}`)})</span>
    </td>
  );
}

type AgreementRow = {
  key: string;
  data: Record<string, string | number>;
  label: string;
  decisions: number;
  agreement: number;
  kappa: number | null;
};

// AgreementTable lists agreements one row each: each reviewer against the automation, or each
// pair of reviewers.
function AgreementTable({ title, first, rows }: { title: string; first: string; rows: AgreementRow[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="table table-compact" aria-label={title}>
      <caption className="section-name">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">{t('agr.col.decisions')}</th>
          <th scope="col">{t('agr.col.agreement')}</th>
          <th scope="col">{t('agr.col.kappa')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...r.data} data-agreement={r.agreement}>
            <td>{r.label}</td>
            <td>{r.decisions}</td>
            <td>{percent(r.agreement, lang)}</td>
            <KappaCell k={r.kappa} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figure({ testId, label, value, text, sub }: { testId: string; label: string; value: number | null; text: string; sub: string }) {
  return (
    <div className="kpi" data-testid={testId} data-value={value ?? 'undefined'}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{text}</span>
      <span className="kpi-sub">{sub}</span>
    </div>
  );
}
