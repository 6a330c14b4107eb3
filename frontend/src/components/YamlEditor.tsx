// A YAML text area with line numbers; lines named by errors (from the browser's syntax check or
// from the server) are marked in the gutter and listed below with a button that jumps to them.

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import type { LineError } from '../lib/yamlcheck';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  errors: LineError[];
  readOnly?: boolean;
}

export function YamlEditor({ id, label, value, onChange, errors, readOnly }: Props) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(0);
  const lineCount = value.split('\n').length;
  const bad = new Set(errors.map((e) => e.line));

  useEffect(() => {
    if (gutter.current) gutter.current.scrollTop = scroll;
  }, [scroll]);

  const goTo = (line: number) => {
    const ta = area.current;
    if (!ta) return;
    const lines = value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    ta.focus();
    ta.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 18;
    ta.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  return (
    <div className="yaml-editor">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="yaml-frame">
        <div className="yaml-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <div key={i} className={bad.has(i + 1) ? 'gutter-line bad' : 'gutter-line'}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          id={id}
          ref={area}
          className="yaml-text"
          spellCheck={false}
          value={value}
          readOnly={readOnly}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length ? `${id}-errors` : undefined}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
          wrap="off"
        />
      </div>
      {errors.length > 0 && (
        <ul className="yaml-errors" id={`${id}-errors`} role="alert" aria-label={t('rubric.errors')}>
          {errors.map((e, i) => (
            <li key={i}>
              <button type="button" className="btn-link" onClick={() => goTo(e.line)}>
                {t('rubric.line', { line: e.line })}
              </button>{' '}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
