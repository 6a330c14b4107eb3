// Types mirroring the JSON of the Go server: internal/qa/*.go, internal/rubric/scorecard.go,
// internal/transcript/transcript.go and internal/check (Outcome, Evidence). Field names are the
// JSON names; optional fields are the ones tagged omitempty (or pointers) in Go.

export type Role = 'admin' | 'trainer' | 'qa_reviewer' | 'team_lead' | 'agent';
export const ROLES: Role[] = ['admin', 'trainer', 'qa_reviewer', 'team_lead', 'agent'];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  agent_id?: string;
  teams?: string[];
  created_at: string;
}

export type Channel = 'chat' | 'messenger' | 'email' | 'social' | 'sms' | 'voice';
export const CHANNELS: Channel[] = ['chat', 'messenger', 'email', 'social', 'sms', 'voice'];
export type Speaker = 'customer' | 'agent' | 'bot' | 'system';
export type TurnEvent = 'transfer' | 'hold' | 'unhold' | 'join' | 'leave' | 'close';

export interface Customer {
  id?: string;
  name?: string;
  timezone?: string;
  phone?: string;
  country?: string;
  region?: string;
  email?: string;
}

export interface Agent {
  id: string;
  name?: string;
  team?: string;
}

export interface ConversationOutcome {
  csat?: number;
  resolved?: boolean;
  tags?: string[];
}

export interface Turn {
  speaker: Speaker;
  agent_id?: string;
  text?: string;
  at?: string;
  event?: TurnEvent;
  internal?: boolean;
}

/** transcript.Conversation (spec/transcript.md). */
export interface Conversation {
  id: string;
  source?: string;
  channel: Channel;
  language?: string;
  started_at?: string;
  customer?: Customer;
  agents?: Agent[];
  outcome?: ConversationOutcome;
  turns: Turn[];
  meta?: unknown;
}

export interface StoredConversation {
  key: number;
  source: string;
  conversation: Conversation;
  team?: string;
  queue?: string;
  received_at: string;
  updated_at: string;
}

/** check.Outcome */
export type Outcome = 'pass' | 'fail' | 'na' | 'review';
export const OUTCOMES: Outcome[] = ['pass', 'fail', 'na', 'review'];

/** check.Evidence: start/end are rune (code point) offsets into turns[turn].text. */
export interface Evidence {
  turn: number;
  start: number;
  end: number;
  text: string;
}

export interface ItemResult {
  id: string;
  section: string;
  result: Outcome;
  points: number;
  max_points: number;
  critical: boolean;
  optional?: boolean;
  /** The reason in English, as the checks write it. */
  reason: string;
  /** Which explanation the reason is ("greeting.pass"): the key reason.<code> of the
   * translations. Absent on scorecards made before reason codes. */
  reason_code?: string;
  /** The values the reason quotes, by the names of the code's placeholders. */
  reason_args?: Record<string, string | number>;
  evidence: Evidence[] | null;
  agent_ids?: string[];
}

export interface AgentScore {
  agent_id: string;
  score: number;
  critical_failed?: boolean;
}

export interface RubricRef {
  id: string;
  version: number;
}

/** rubric.Scorecard (spec/scorecard.md). */
export interface Scorecard {
  conversation_id: string;
  rubric: RubricRef;
  language: string;
  channel: string;
  score: number;
  passed: boolean;
  critical_failed: boolean;
  needs_review: boolean;
  agents: AgentScore[] | null;
  items: ItemResult[];
}

export interface StoredScorecard {
  id: number;
  conversation_key: number;
  scorecard: Scorecard;
  started_at: string;
  team?: string;
  scored_at: string;
  /** The submitted review in force (the latest outside calibration sessions). */
  review_id?: number;
  /** The human score in force, what the statistics count; scorecard.score stays the automatic one. */
  reviewed_score?: number;
}

export interface ReviewItem {
  item_id: string;
  automatic: Outcome;
  result: Outcome;
  comment?: string;
}

/** One item of POST /reviews: the server adds the automatic result itself. */
export interface ReviewItemRequest {
  item_id: string;
  result: Outcome;
  comment?: string;
}

export interface Review {
  id: number;
  scorecard_id: number;
  reviewer_id: number;
  calibration_id?: number;
  status: 'draft' | 'submitted';
  items: ReviewItem[];
  score: number;
  comment?: string;
  created_at: string;
  submitted_at?: string;
}

export interface Assignment {
  id: number;
  scorecard_id: number;
  reviewer_id: number;
  reason: string;
  assigned_at: string;
  done_at?: string;
  /** Not in qa.Assignment: filled by the client (or by a server that embeds it). */
  scorecard?: StoredScorecard;
}

export type SamplingKind = 'random_per_agent_week' | 'critical_fails' | 'needs_review' | 'lowest_scores';
export const SAMPLING_KINDS: SamplingKind[] = ['random_per_agent_week', 'critical_fails', 'needs_review', 'lowest_scores'];

/** qa.Filter as JSON (and as query parameters: channel, language, rubric, team, agent, from, to). */
export interface Filter {
  channel?: string;
  language?: string;
  rubric?: string;
  team?: string;
  agent?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** qa.SamplingRule: Filter is embedded, so its fields sit beside kind and count. */
export interface SamplingRule extends Filter {
  kind: SamplingKind;
  count?: number;
}

export interface Dispute {
  id: number;
  review_id: number;
  item_id: string;
  agent_id: string;
  team?: string;
  comment: string;
  /** The result the agent asks for; once accepted, the result applied to the item. */
  result?: Outcome;
  status: 'open' | 'accepted' | 'rejected';
  resolution?: string;
  resolver_id?: number;
  created_at: string;
  resolved_at?: string;
}

export interface CoachingNote {
  id: number;
  agent_id: string;
  author_id: number;
  scorecard_id?: number;
  text: string;
  created_at: string;
  acknowledged_at?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  user_id: number;
  action: string;
  object: string;
  detail?: string;
}

export interface RubricVersion {
  rubric_id: string;
  version: number;
  yaml: string;
  published_by: number;
  published_at: string;
  active: boolean;
}

export interface ChecklistVersion {
  path: string;
  version: number;
  yaml: string;
  published_by: number;
  published_at: string;
}

export interface RescoreProgress {
  rubric_id: string;
  version: number;
  total: number;
  done: number;
  failed: number;
}

export interface Bucket {
  from: number;
  to: number;
  count: number;
}

export interface WeekPoint {
  week: string;
  conversations: number;
  mean_score: number;
}

export interface ItemRate {
  item_id: string;
  pass: number;
  fail: number;
  pass_rate: number;
}

export interface AgentStats {
  agent_id?: string;
  team?: string;
  conversations: number;
  mean_score: number;
  critical_failed: number;
  needs_review: number;
  distribution: Bucket[] | null;
  item_pass_rate: Record<string, number> | null;
  trend: WeekPoint[] | null;
  worst_items: ItemRate[] | null;
}

/** The customer's possible time zones (internal/timezone): from customer.timezone, else the
 * phone, else the country; several when a mobile number or a country spans several. */
export interface CustomerZones {
  names: string[];
  source?: string;
}

/** A conversation with its scorecards, as GET /conversations/:key answers. */
export interface ConversationDetail {
  conversation: StoredConversation;
  scorecards: StoredScorecard[];
  customer_zones?: CustomerZones;
}

/** An entry of GET /users/directory: who a user id is. */
export interface Person {
  id: number;
  name: string;
}

/** A scorecard with its reviews (visible per role), as GET /scorecards/:id answers. */
export interface ScorecardDetail {
  scorecard: StoredScorecard;
  reviews: Review[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** qa.Calibration: a blind session in which several reviewers review the same scorecards. */
export interface Calibration {
  id: number;
  name: string;
  scorecard_ids: number[];
  reviewer_ids: number[];
  created_by: number;
  created_at: string;
  revealed_at?: string;
}

/** qa.CalibrationProgress: how many of the session's scorecards a reviewer has submitted (no verdict). */
export interface CalibrationProgress {
  reviewer_id: number;
  submitted: number;
}

/** An entry of GET /calibrations. */
export interface CalibrationSummary extends Calibration {
  progress: CalibrationProgress[];
}

/** calibration.Agreement: two raters over the decisions they both made. Kappa is null where it
 * is undefined (nothing compared, or one and the same result throughout). */
export interface AgreementFigures {
  decisions: number;
  agreement: number;
  kappa: number | null;
}

/** calibration.Report: rates are 0-1, kappas -1..1, rounded to three decimals. */
export interface Agreement {
  reviews: number;
  pairwise: number;
  kappa: number | null;
  automation: number;
  automation_kappa: number | null;
  score_range: number;
  reviewers: (AgreementFigures & { reviewer_id: number })[];
  pairs: (AgreementFigures & { a: number; b: number })[];
  items: {
    item_id: string;
    pairs: number;
    pairwise: number;
    kappa: number | null;
    automation: number;
    automation_kappa: number | null;
  }[];
}

/** GET /calibrations/:id: before the reveal only the caller's reviews, after it every review and the agreement. */
export interface CalibrationSession extends CalibrationSummary {
  reviews: Review[];
  agreement?: Agreement;
}
