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
