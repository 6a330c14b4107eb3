// The agreement of a revealed calibration session (internal/calibration's Report): how often the
// reviewers decided alike and how often they agreed with the automatic results, Cohen's kappa
// for both, each reviewer against the automation, each pair of reviewers, each item with the
// lowest agreement first, and what kappa means in plain words.

import type { Agreement } from '../api/types';
import { itemLabel, useI18n } from '../i18n';
import { kappaBand, kappaText, percent } from '../lib/calibration';

export function AgreementReport({ agreement: a, names }: { agreement: Agreement; names: (id: number) => string }) {
  const { t, lang } = useI18n();
  const kappaCell = (k: number | null) => (
    <td data-kappa={k ?? 'undefined'}>
      {kappaText(k, lang)} <span className="muted small">({t(`agr.band.${kappaBand(k)}`)})</span>
    </td>
  );
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
        <table className="table table-compact" aria-label={t('agr.reviewersTitle')}>
          <caption className="section-name">{t('agr.reviewersTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agr.col.reviewer')}</th>
              <th scope="col">{t('agr.col.decisions')}</th>
              <th scope="col">{t('agr.col.agreement')}</th>
              <th scope="col">{t('agr.col.kappa')}</th>
            </tr>
          </thead>
          <tbody>
            {a.reviewers.map((r) => (
              <tr key={r.reviewer_id} data-reviewer={r.reviewer_id} data-agreement={r.agreement}>
                <td>{names(r.reviewer_id)}</td>
                <td>{r.decisions}</td>
                <td>{percent(r.agreement, lang)}</td>
                {kappaCell(r.kappa)}
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table table-compact" aria-label={t('agr.pairsTitle')}>
          <caption className="section-name">{t('agr.pairsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agr.col.pair')}</th>
              <th scope="col">{t('agr.col.decisions')}</th>
              <th scope="col">{t('agr.col.agreement')}</th>
              <th scope="col">{t('agr.col.kappa')}</th>
            </tr>
          </thead>
          <tbody>
            {a.pairs.map((p) => (
              <tr key={`${p.a}-${p.b}`} data-pair={`${p.a}-${p.b}`} data-agreement={p.agreement}>
                <td>
                  {names(p.a)} · {names(p.b)}
                </td>
                <td>{p.decisions}</td>
                <td>{percent(p.agreement, lang)}</td>
                {kappaCell(p.kappa)}
              </tr>
            ))}
          </tbody>
        </table>
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
              {kappaCell(it.kappa)}
              <td>{percent(it.automation, lang)}</td>
              {kappaCell(it.automation_kappa)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
