// Filters shared by the queue, the dashboard and the lists: team, channel, language, rubric and
// a date range (conversation start).

import { useId } from 'react';
import { CHANNELS, type Filter } from '../api/types';
import { useI18n } from '../i18n';

export type FilterField = 'team' | 'channel' | 'language' | 'rubric' | 'agent' | 'from' | 'to';

interface Props {
  value: Filter;
  onChange: (f: Filter) => void;
  fields?: FilterField[];
  teams?: string[];
  rubrics?: string[];
}

const LANGUAGES = ['en', 'ru', 'uk', 'ro'];

export function FilterBar({ value, onChange, fields = ['team', 'channel', 'language', 'rubric', 'from', 'to'], teams = [], rubrics = [] }: Props) {
  const { t } = useI18n();
  const id = useId();
  const set = (k: keyof Filter, v: string) => onChange({ ...value, [k]: v || undefined });
  const day = (iso?: string) => (iso ? iso.slice(0, 10) : '');
  return (
    <fieldset className="filters">
      <legend className="sr-only">{t('filter.legend')}</legend>
      {fields.includes('team') && (
        <div className="field">
          <label htmlFor={`${id}-team`}>{t('filter.team')}</label>
          {teams.length ? (
            <select id={`${id}-team`} value={value.team ?? ''} onChange={(e) => set('team', e.target.value)}>
              <option value="">{t('filter.all')}</option>
              {teams.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          ) : (
            <input id={`${id}-team`} value={value.team ?? ''} onChange={(e) => set('team', e.target.value)} />
          )}
        </div>
      )}
      {fields.includes('agent') && (
        <div className="field">
          <label htmlFor={`${id}-agent`}>{t('filter.agent')}</label>
          <input id={`${id}-agent`} value={value.agent ?? ''} onChange={(e) => set('agent', e.target.value)} />
        </div>
      )}
      {fields.includes('channel') && (
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('filter.channel')}</label>
          <select id={`${id}-channel`} value={value.channel ?? ''} onChange={(e) => set('channel', e.target.value)}>
            <option value="">{t('filter.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {fields.includes('language') && (
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('filter.language')}</label>
          <select id={`${id}-language`} value={value.language ?? ''} onChange={(e) => set('language', e.target.value)}>
            <option value="">{t('filter.all')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
      )}
      {fields.includes('rubric') && (
        <div className="field">
          <label htmlFor={`${id}-rubric`}>{t('filter.rubric')}</label>
          {rubrics.length ? (
            <select id={`${id}-rubric`} value={value.rubric ?? ''} onChange={(e) => set('rubric', e.target.value)}>
              <option value="">{t('filter.all')}</option>
              {rubrics.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          ) : (
            <input id={`${id}-rubric`} value={value.rubric ?? ''} onChange={(e) => set('rubric', e.target.value)} />
          )}
        </div>
      )}
      {fields.includes('from') && (
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('filter.from')}</label>
          <input id={`${id}-from`} type="date" value={day(value.from)} onChange={(e) => set('from', e.target.value ? `${e.target.value}T00:00:00Z` : '')} />
        </div>
      )}
      {fields.includes('to') && (
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('filter.to')}</label>
          <input id={`${id}-to`} type="date" value={day(value.to)} onChange={(e) => set('to', e.target.value ? `${e.target.value}T00:00:00Z` : '')} />
        </div>
      )}
    </fieldset>
  );
}
