// The conversation as a chat: customer on the left, agent and bot on the right, system events in
// the middle. Each message shows its time in the customer's zone and in the reviewer's. The
// customer's zone is customer.timezone, else the one zone the server resolved from the phone or
// the country (customer_zones); when those leave several zones, they are listed instead. The
// evidence of the selected scorecard item is highlighted and scrolled into view.

import { useEffect, useMemo, useRef } from 'react';
import type { Conversation, CustomerZones, ItemResult, Turn } from '../api/types';
import { useI18n, type TFunc } from '../i18n';
import { segments, spansByTurn } from '../lib/evidence';
import { scrollIntoPanel } from '../lib/scroll';
import { browserZone, clock, validZone } from '../lib/time';

interface Props {
  conversation: Conversation;
  /** The customer's possible zones as the server resolved them (GET /conversations/:key). */
  zones?: CustomerZones;
  /** The item whose evidence is highlighted. */
  selected?: ItemResult | null;
}

export function Transcript({ conversation, zones, selected }: Props) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLOListElement>(null);
  const turns = conversation.turns ?? [];
  const resolved = (zones?.names ?? []).filter((z) => validZone(z));
  const given = validZone(conversation.customer?.timezone) ? conversation.customer!.timezone! : undefined;
  const customerZone = given ?? (resolved.length === 1 ? resolved[0] : undefined);
  const myZone = browserZone();
  const zonesLine = customerZone
    ? t('conv.zones', { customer: !given && zones?.source ? `${customerZone}, ${zones.source}` : customerZone, me: myZone })
    : resolved.length > 1
      ? t('conv.zonesSeveral', { zones: resolved.join(', '), source: zones?.source ?? '', me: myZone })
      : t('conv.zonesUnknown', { me: myZone });

  const spans = useMemo(
    () => spansByTurn(turns.map((x) => x.text ?? ''), selected ? [selected] : []),
    [turns, selected],
  );
  const evidenceTurns = useMemo(() => new Set((selected?.evidence ?? []).map((e) => e.turn)), [selected]);

  useEffect(() => {
    if (!selected || !ref.current) return;
    scrollIntoPanel(ref.current.querySelector('mark.evidence, .turn.has-evidence'), 'center');
  }, [selected]);

  return (
    <section className="transcript" aria-label={t('conv.transcript')}>
      <div className="transcript-zones" aria-live="polite">
        {zonesLine}
      </div>
      <ol className="turns" ref={ref}>
        {turns.map((turn, i) => (
          <TurnView
            key={i}
            index={i}
            turn={turn}
            conversation={conversation}
            customerZone={customerZone}
            myZone={myZone}
            lang={lang}
            t={t}
            marks={spans.get(i) ?? []}
            hasEvidence={evidenceTurns.has(i)}
          />
        ))}
      </ol>
    </section>
  );
}

interface TurnProps {
  index: number;
  turn: Turn;
  conversation: Conversation;
  customerZone?: string;
  myZone: string;
  lang: string;
  t: TFunc;
  marks: { start: number; end: number; key: string }[];
  hasEvidence: boolean;
}

function TurnView({ index, turn, conversation, customerZone, myZone, lang, t, marks, hasEvidence }: TurnProps) {
  const who = speakerName(turn, conversation, t);
  const times = turn.at ? (
    <span className="turn-time">
      {customerZone && (
        <time dateTime={turn.at} title={t('conv.customerTime')}>
          {clock(turn.at, customerZone, lang)}
        </time>
      )}
      {customerZone && ' · '}
      <time dateTime={turn.at} title={t('conv.yourTime')}>
        {clock(turn.at, myZone, lang)}
        {customerZone ? ` ${t('conv.you')}` : ''}
      </time>
    </span>
  ) : null;
  const cls = `turn turn-${turn.speaker}${turn.internal ? ' turn-internal' : ''}${hasEvidence ? ' has-evidence' : ''}`;

  if (turn.speaker === 'system') {
    return (
      <li className={cls} id={`turn-${index}`} data-turn={index}>
        <span className="turn-index">#{index}</span> {systemText(turn, conversation, t)} {times}
      </li>
    );
  }
  const text = turn.text ?? '';
  const segs = segments(text, marks);
  return (
    <li className={cls} id={`turn-${index}`} data-turn={index} aria-label={`${who}, #${index}`}>
      <div className="turn-head">
        <span className="turn-who">{who}</span>
        {turn.internal && <span className="badge">{t('conv.internal')}</span>}
        <span className="turn-index">#{index}</span>
        {times}
      </div>
      <div className="turn-text">
        {segs.map((s, k) =>
          s.keys.length ? (
            <mark key={k} className="evidence" data-item={s.keys.join(' ')}>
              {s.text}
            </mark>
          ) : (
            <span key={k}>{s.text}</span>
          ),
        )}
      </div>
    </li>
  );
}

function agentName(id: string | undefined, conv: Conversation): string | undefined {
  if (!id) return conv.agents?.length === 1 ? conv.agents[0].name || conv.agents[0].id : undefined;
  const a = conv.agents?.find((x) => x.id === id);
  return a?.name || id;
}

function speakerName(turn: Turn, conv: Conversation, t: TFunc): string {
  switch (turn.speaker) {
    case 'customer':
      return conv.customer?.name ? `${t('speaker.customer')} · ${conv.customer.name}` : t('speaker.customer');
    case 'agent': {
      const name = agentName(turn.agent_id, conv);
      return name ? `${t('speaker.agent')} · ${name}` : t('speaker.agent');
    }
    case 'bot':
      return t('speaker.bot');
    default:
      return t('speaker.system');
  }
}

function systemText(turn: Turn, conv: Conversation, t: TFunc): string {
  const agent = agentName(turn.agent_id, conv) ?? '';
  return turn.event ? t(`event.${turn.event}`, { agent }) : turn.text || t('speaker.system');
}
