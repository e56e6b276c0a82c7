/* Guide Studio runtime 0.1.0: types of the classic script (window.GuideRuntime).
   Built by scripts/build_runtime.py from studio/export/guide-bundle.schema.json and
   assets/runtime/types (types sha256:7432f0fa28209d08). */

/**
 * How a URL rule compares its value with the page address.
 */
export type UrlMatch = "exact" | "prefix" | "glob" | "regex";
/**
 * The strategy a candidate uses, from usually most to least stable.
 */
export type SelectorKind =
  "test_id" | "id" | "role" | "label" | "placeholder" | "aria_label" | "title" | "alt" | "text" | "css";
/**
 * How often an automatic guide may show to the same user.
 */
export type Frequency = "once" | "once_per_session" | "always" | "until_completed";
/**
 * Comparison used by one audience condition.
 */
export type ConditionOp =
  | "equals"
  | "not_equals"
  | "contains"
  | "starts_with"
  | "one_of"
  | "not_one_of"
  | "greater_than"
  | "less_than"
  | "exists"
  | "not_exists";
/**
 * Where the callout sits relative to its target.
 */
export type Placement = "auto" | "top" | "bottom" | "left" | "right" | "center";
/**
 * What moves a walkthrough from this step to the next.
 */
export type AdvanceMode = "next" | "click" | "input" | "element" | "url";
/**
 * What a callout button does.
 */
export type ButtonAction = "next" | "back" | "close" | "complete" | "url" | "start_guide";
/**
 * What happens when a step's element cannot be found on the page.
 */
export type MissingTarget = "skip" | "center" | "end";
/**
 * What clicking a checklist item does.
 */
export type ItemAction = "none" | "start_guide" | "open_url";
/**
 * What marks a checklist item done.
 */
export type ItemCompletion = "clicked" | "guide_completed" | "event" | "url" | "element";
/**
 * What clicking a resource center entry does (named like a checklist item's actions).
 */
export type EntryAction = "start_guide" | "open_url" | "article";

/**
 * The exported document: a view of the project without studio-only settings.
 */
export interface GuideBundle {
  format?: "guide-bundle";
  schemaVersion?: 1;
  name: string;
  theme: Theme;
  guides?: (
    Walkthrough | Tooltip | Hotspot | Modal | Checklist | Banner | Survey | Launcher | ResourceCenter | Announcement
  )[];
  pacing?: Pacing;
  /**
   * SHA-256 of the canonical JSON of every other field of the bundle.
   */
  digest: string;
}
/**
 * Brand styling the runtime applies through CSS custom properties.
 */
export interface Theme {
  primaryColor?: string;
  textColor?: string;
  backgroundColor?: string;
  fontFamily?: string;
  borderRadius?: number;
  backdropOpacity?: number;
  zIndexBase?: number;
}
/**
 * A multi-step tour: a highlighted element and a callout per step.
 */
export interface Walkthrough {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "walkthrough";
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: [Step, ...Step[]];
}
/**
 * Start by itself on matching pages, once an element is present, after a delay.
 */
export interface AutomaticTrigger {
  type?: "automatic";
  url?: UrlRule | null;
  element?: Target | null;
  delayMs?: number;
}
/**
 * Which pages a guide or step belongs to.
 *
 * The rule is compared with the page's path (``/settings``) unless its value contains
 * ``://`` (then the whole address) or ``with_query`` is set (then path + ?query + #hash),
 * so a guide recorded on localhost keeps working on the production domain.
 */
export interface UrlRule {
  match?: UrlMatch;
  value: string;
  withQuery?: boolean;
}
/**
 * An element of the app under guidance, as recorded.
 */
export interface Target {
  /**
   * @maxItems 20
   */
  candidates?: SelectorCandidate[];
  fingerprint?: Fingerprint | null;
  framePath?: string[];
  shadowPath?: string[];
  partner?: Target | null;
}
/**
 * One way to find the element, e.g. ``[data-testid="save"]`` or role button named Save.
 */
export interface SelectorCandidate {
  kind: SelectorKind;
  value: string;
  name?: string | null;
  attribute?: string | null;
  score?: number;
  unique?: boolean;
}
/**
 * What the element looked like, for similarity matching when every selector fails.
 */
export interface Fingerprint {
  tag: string;
  role?: string | null;
  name?: string | null;
  text?: string | null;
  attributes?: {
    [k: string]: string;
  };
  classes?: string[];
  ancestors?: string[];
  siblings?: string[];
  index?: number | null;
  nth?: number | null;
  positional?: boolean | null;
  box?: Box | null;
}
/**
 * An element's bounding box in CSS pixels, relative to the viewport at capture.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/**
 * Start only when asked: from the runtime API, a checklist or the resource center.
 */
export interface ManualTrigger {
  type?: "manual";
}
/**
 * Start when the user clicks an element of the app (a help icon, a "?" button).
 */
export interface LauncherTrigger {
  type?: "launcher";
  element: Target;
}
/**
 * An optional window of dates in which a guide may show.
 */
export interface Schedule {
  startAt?: string | null;
  endAt?: string | null;
}
/**
 * Who sees a guide: all or any of a list of conditions over user attributes.
 */
export interface AudienceRule {
  match?: "all" | "any";
  /**
   * @minItems 1
   * @maxItems 50
   */
  conditions: [Condition, ...Condition[]];
}
/**
 * One test over a user attribute passed to the runtime, e.g. plan equals "pro".
 */
export interface Condition {
  attribute: string;
  op?: ConditionOp;
  value?: string | number | boolean | string[] | null;
}
/**
 * One callout of a guide.
 */
export interface Step {
  id: string;
  title?: string;
  body?: string;
  target?: Target | null;
  page?: UrlRule | null;
  placement?: Placement;
  advance?: Advance;
  /**
   * @maxItems 4
   */
  buttons?: Button[];
  media?: Media | null;
  optional?: boolean;
  onMissing?: MissingTarget;
  waitMs?: number;
}
/**
 * The advance mode of a step and what it waits for.
 */
export interface Advance {
  mode?: AdvanceMode;
  element?: Target | null;
  url?: UrlRule | null;
  sampleInput?: string | null;
}
/**
 * A button in a callout; without any, walkthroughs show Back / Next / Close.
 */
export interface Button {
  label: string;
  action?: ButtonAction;
  url?: string | null;
  guideId?: string | null;
  primary?: boolean;
}
/**
 * An image or video shown in a callout or modal.
 */
export interface Media {
  kind?: "image" | "video";
  src: string;
  alt?: string;
  width?: number | null;
}
/**
 * A small callout bound to one element, shown on hover/focus or always.
 */
export interface Tooltip {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "tooltip";
  showOn?: "hover" | "always";
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: [Step, ...Step[]];
}
/**
 * A pulsing beacon on an element that opens a callout when clicked.
 */
export interface Hotspot {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "hotspot";
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: [Step, ...Step[]];
}
/**
 * A centred lightbox with a backdrop: welcome messages, announcements.
 */
export interface Modal {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "modal";
  closeOnBackdrop?: boolean;
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: [Step, ...Step[]];
}
/**
 * An onboarding task list with progress; each item starts a guide, opens a URL or ticks itself.
 */
export interface Checklist {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "checklist";
  title: string;
  /**
   * @minItems 1
   * @maxItems 30
   */
  items: [ChecklistItem, ...ChecklistItem[]];
  position?: "bottom_right" | "bottom_left";
  dismissible?: boolean;
}
/**
 * One task of an onboarding checklist.
 */
export interface ChecklistItem {
  id: string;
  title: string;
  description?: string;
  action?: ItemAction;
  guideId?: string | null;
  url?: string | null;
  completeWhen?: ItemCompletion;
  event?: string | null;
  completeUrl?: UrlRule | null;
  element?: Target | null;
}
/**
 * A bar across the top or bottom of the page: a short message and its buttons, on matching pages.
 *
 * Its one step holds the text (title and body) and buttons; it points at no element and has no
 * image. At the top it sits below the app's own fixed header unless ``cover_header``.
 */
export interface Banner {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "banner";
  edge?: "top" | "bottom";
  push?: boolean;
  coverHeader?: boolean;
  dismissible?: boolean;
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: [Step, ...Step[]];
}
/**
 * Questions, one per screen (NPS, CSAT, rating, choice, open text), then a thank-you screen.
 *
 * Throttled like the tools users know: a share of users is asked (picked once per user), "Ask me
 * later" snoozes it, and once answered it asks again only after ``reask_days`` (never when None).
 * These replace ``frequency`` for a survey.
 */
export interface Survey {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "survey";
  /**
   * @minItems 1
   * @maxItems 10
   */
  questions: [
    NpsQuestion | CsatQuestion | RatingQuestion | ChoiceQuestion | OpenTextQuestion,
    ...(NpsQuestion | CsatQuestion | RatingQuestion | ChoiceQuestion | OpenTextQuestion)[]
  ];
  thankYou?: ThankYou;
  position?: "bottom_right" | "bottom_left" | "center";
  samplePercent?: number;
  snoozeDays?: number;
  reaskDays?: number | null;
}
/**
 * Net Promoter Score: 0–10, with words at both ends and an optional follow-up per score group.
 */
export interface NpsQuestion {
  id: string;
  text?: string;
  required?: boolean;
  type?: "nps";
  lowLabel?: string;
  highLabel?: string;
  followUp?: NpsFollowUp | null;
}
/**
 * The open question asked after an NPS score, per group (empty: none for that group).
 */
export interface NpsFollowUp {
  detractor?: string;
  passive?: string;
  promoter?: string;
}
/**
 * Customer satisfaction: 1–5 as faces or stars.
 */
export interface CsatQuestion {
  id: string;
  text: string;
  required?: boolean;
  type?: "csat";
  style?: "faces" | "stars";
}
/**
 * A rating of 1 to ``scale`` (3–10) as stars or numbers.
 */
export interface RatingQuestion {
  id: string;
  text: string;
  required?: boolean;
  type?: "rating";
  style?: "stars" | "numbers";
  scale?: number;
}
/**
 * Single or multiple choice among 2–12 options, optionally with "Other" and a text box.
 */
export interface ChoiceQuestion {
  id: string;
  text: string;
  required?: boolean;
  type?: "single_choice" | "multiple_choice";
  /**
   * @minItems 2
   * @maxItems 12
   */
  options: [ChoiceOption, ChoiceOption, ...ChoiceOption[]];
  allowOther?: boolean;
}
/**
 * One answer of a choice question.
 */
export interface ChoiceOption {
  id: string;
  label: string;
}
/**
 * A free-text answer.
 */
export interface OpenTextQuestion {
  id: string;
  text: string;
  required?: boolean;
  type?: "open_text";
  placeholder?: string;
}
/**
 * The screen after the last answer.
 */
export interface ThankYou {
  title?: string;
  body?: string;
}
/**
 * A button, icon or beacon of the guide's own that opens another guide (a tour, a checklist, a survey),
 * next to an element of the app or fixed in a corner of the window, on the pages its trigger names.
 *
 * Its one step holds the label (the button's text, the icon's accessible name) and, optionally, the
 * element it sits beside (``placement`` says on which side).
 */
export interface Launcher {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "launcher";
  style?: "button" | "icon" | "beacon";
  icon?: "help" | "info" | "star" | "new";
  corner?: "bottom_right" | "bottom_left" | "top_right" | "top_left";
  guideId: string;
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: [Step, ...Step[]];
}
/**
 * A help panel opened from its own launcher in a corner: guides to start, links and short articles
 * in sections, a search box over them, and a "What's new" section of the bundle's announcements.
 */
export interface ResourceCenter {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "resource_center";
  title?: string;
  position?: "bottom_right" | "bottom_left";
  search?: boolean;
  announcements?: boolean;
  /**
   * @minItems 1
   * @maxItems 100
   */
  entries: [CenterEntry, ...CenterEntry[]];
}
/**
 * One line of a resource center: a guide to start, a link or a short article, in a section.
 */
export interface CenterEntry {
  id: string;
  section?: string;
  action?: EntryAction;
  title: string;
  text?: string;
  guideId?: string | null;
  url?: string | null;
  body?: string;
  audience?: AudienceRule | null;
  pages?: UrlRule | null;
}
/**
 * A dated "What's new" entry: listed in resource centers, newest first, unread until opened.
 */
export interface Announcement {
  id: string;
  name: string;
  description?: string;
  trigger?: AutomaticTrigger | ManualTrigger | LauncherTrigger;
  frequency?: Frequency;
  schedule?: Schedule | null;
  audience?: AudienceRule | null;
  priority?: number;
  enabled?: boolean;
  kind?: "announcement";
  date: string;
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: [Step, ...Step[]];
}
/**
 * Project-wide spacing of what interrupts users.
 */
export interface Pacing {
  cooldownHours?: number;
}

/* The runtime's API, options and events. Hand-written beside docs/runtime.md (the bundle's types
   above are generated from studio/export/guide-bundle.schema.json by scripts/build_runtime.py);
   tests/test_runtime_types.py checks that every name here is one the runtime has, and back. */

/** A recorded element target, as a bundle step carries it. */
export type GuideTarget = Target;

/** Button texts the runtime shows (`init({labels})`); `progress` fills `{n}` and `{total}`. */
export interface GuideLabels {
  next?: string;
  back?: string;
  done?: string;
  close?: string;
  gotIt?: string;
  completed?: string;
  progress?: string;
  elsewhere?: string;
  noImage?: string;
  /** A survey's snooze button. */
  later?: string;
  /** A survey choice's "Other" answer. */
  other?: string;
  /** A resource center's search box. */
  search?: string;
  /** What a resource center's search says when nothing matches. */
  none?: string;
  /** The heading of a resource center's announcements. */
  news?: string;
  /** The unread count on a resource center's launcher: "{n} new". */
  unread?: string;
}

/** Options of `init()`: a bundle (or where to fetch it), how to check it, and who the user is. */
export interface GuideRuntimeOptions {
  /** The parsed bundle object. */
  bundle?: GuideBundle;
  /** Or a URL to fetch it from (same-origin credentials). */
  bundleUrl?: string;
  /** `sha256-…`/`sha384-…`/`sha512-…` of the fetched bundle's exact bytes (only with `bundleUrl`). */
  integrity?: string;
  /** Base64 Ed25519 public key (`studio keygen`): the bundle must carry a valid signature. */
  publicKey?: string;
  /** Where the signature is read (default `bundleUrl` + `.sig`). */
  signatureUrl?: string;
  /** Attributes for audience rules; dotted paths reach nested values. */
  user?: Record<string, unknown>;
  /** Called for every event. */
  onEvent?: <K extends GuideEventName>(name: K, detail: GuideEventMap[K]) => void;
  /** Button texts. */
  labels?: GuideLabels;
  /** A CSP nonce for the runtime's `<style>`, used only without constructable stylesheets. */
  nonce?: string;
  /** Origins besides the page's and the bundle's that guide images may load from. */
  mediaOrigins?: string[];
  /** Where relative image addresses are read from (default: beside the bundle, else the page). */
  mediaBase?: string;
  /** Suffix of the storage key (default `state`), to run two bundles side by side. */
  storageKey?: string;
}

interface GuideDetail {
  type: string;
  guideId: string;
}

interface StepDetail extends GuideDetail {
  stepId?: string;
  stepIndex: number;
}

/** Each event's detail, by event name (also a `guide-runtime:<name>` DOM event on `window`). */
export interface GuideEventMap {
  guide_started: GuideDetail & { kind: NonNullable<GuideBundle["guides"]>[number]["kind"] };
  step_shown: StepDetail;
  step_completed: StepDetail;
  guide_completed: GuideDetail;
  guide_dismissed: GuideDetail & { reason?: "target_not_found" | "replaced" | string };
  target_not_found: StepDetail & { reason: "not_found" | "ambiguous" | "hidden"; confidence: number };
  checklist_item_completed: GuideDetail & { itemId: string };
  /** A guide skipped as malformed (or undone when it failed to start); `field` names what is wrong:
   *  `"kind"` for a kind this runtime does not play (unknown, or left out of an export's runtime). */
  guide_error: { type: string; guideId: string | null; field: string };
  /** One answered survey question: a number for scales, an option id (or ids) for choices, text for open ones;
   *  `text` is what the user typed into "Other". A follow-up's `questionId` is `<question>/follow-up`. */
  survey_answered: GuideDetail & { questionId: string; value: number | string | string[]; text?: string };
  survey_snoozed: GuideDetail;
}

export type GuideEventName = keyof GuideEventMap;

/** What `resolve()` found for a target. */
export interface ResolvedTarget {
  element: Element | null;
  confidence: number;
  ambiguous: boolean;
  reason?: string;
  positional?: boolean;
  /** The top candidates weighed, with their confidence. */
  candidates?: { el: Element; c: number }[];
}

/** One runtime: its bundle, its state and its UI. */
export interface GuideRuntimeInstance {
  /** Load a bundle and start what should show; a Promise with `bundleUrl`. */
  init(options: GuideRuntimeOptions): boolean | Promise<boolean>;
  /** Start a guide now, whatever its trigger and frequency; `false` for an unknown id. */
  start(guideId: string, options?: { step?: number }): boolean;
  /** End every guide and remove everything the runtime added to the page. */
  stop(): void;
  /** Find a recorded element (synchronous). */
  resolve(target: GuideTarget, options?: { minConfidence?: number }): ResolvedTarget;
  /** Listen to one event; returns a function that stops listening. */
  on<K extends GuideEventName>(name: K, fn: (detail: GuideEventMap[K]) => void): () => void;
  /** Listen to every event. */
  on(name: "*", fn: <K extends GuideEventName>(name: K, detail: GuideEventMap[K]) => void): () => void;
  /** Report an event of the host app (completes checklist items waiting for it). */
  track(name: string): void;
}

/** `window.GuideRuntime`, and the ES module's default export. */
export interface GuideRuntimeApi extends GuideRuntimeInstance {
  /** The runtime's version. */
  readonly version: string;
  /** An independent runtime (its own bundle, state key and UI). */
  create(): GuideRuntimeInstance;
  /** Whether a bundle URL rule matches an address. */
  matchUrl(rule: UrlRule, href: string): boolean;
  /** Internal: element helpers shared with the studio's recorder; not a stable API. */
  readonly dom: unknown;
}

declare global {
  interface Window {
    GuideRuntime: GuideRuntimeApi;
  }
  var GuideRuntime: GuideRuntimeApi;
}
