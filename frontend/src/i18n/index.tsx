// Translations: every string the interface shows lives in en.json, ru.json, uk.json and ro.json
// under the same flat keys (a test checks that each key exists in all four). Placeholders are
// written {name}. The chosen language is remembered in localStorage.

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import en from './en.json';
import ro from './ro.json';
import ru from './ru.json';
import uk from './uk.json';

export type Lang = 'en' | 'ru' | 'uk' | 'ro';
export const LANGS: { code: Lang; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
  { code: 'uk', name: 'Українська' },
  { code: 'ro', name: 'Română' },
];

export type Dict = Record<string, string>;
export const DICTS: Record<Lang, Dict> = { en, ru, uk, ro };
const STORAGE = 'qa.lang';

export type TFunc = (key: string, vars?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const s = DICTS[lang][key] ?? DICTS.en[key] ?? key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** hasKey tells whether a translation exists (item ids of custom checks have none). */
export function hasKey(key: string): boolean {
  return key in DICTS.en;
}

export function detectLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE);
    if (saved && saved in DICTS) return saved as Lang;
  } catch {
    // no storage
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return (nav in DICTS ? nav : 'en') as Lang;
}

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: TFunc;
}

const Ctx = createContext<I18n>({ lang: 'en', setLang: () => {}, t: (k, v) => translate('en', k, v) });

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(initial ?? detectLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE, l);
    } catch {
      // no storage
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (k, v) => translate(lang, k, v) }), [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}

/** itemLabel names a rubric item: the translated name of a standard check, else its id. */
export function itemLabel(t: TFunc, id: string): string {
  const key = `check.${id}`;
  return hasKey(key) ? t(key) : id;
}

/** The part of a scorecard item that explains its result. */
export interface ItemReason {
  reason: string;
  reason_code?: string;
  reason_args?: Record<string, string | number>;
}

/** reasonText is an item's reason in the interface language: the translation reason.<code>
 * filled with the item's args. Otherwise it is the English reason the server wrote: for a
 * scorecard made before reason codes, a code this build has no translation for, or args that
 * lack a value the translation needs. */
export function reasonText(lang: Lang, item: ItemReason): string {
  const key = `reason.${item.reason_code}`;
  const template = item.reason_code ? (DICTS[lang][key] ?? DICTS.en[key]) : undefined;
  if (template === undefined) return item.reason;
  const args = item.reason_args ?? {};
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (!Object.hasOwn(args, m[1])) return item.reason;
  }
  return translate(lang, key, args);
}

/** label translates prefix.value when such a key exists, else shows the value as it is
 * (a sampling reason or event the server names in its own words). */
export function label(t: TFunc, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return hasKey(key) ? t(key) : value;
}
