/* Type-checked by scripts/build_runtime.py: how a page using the classic script calls the runtime. */
/// <reference path="../../assets/runtime/guide-runtime.d.ts" />
import type { GuideBundle, GuideEventMap } from "../../assets/runtime/guide-runtime.js";

const bundle: GuideBundle = {
  format: "guide-bundle",
  schemaVersion: 1,
  name: "Example",
  theme: {},
  guides: [],
  digest: "sha256-0",
};
const started: boolean | Promise<boolean> = window.GuideRuntime.init({
  bundle,
  user: { plan: "pro", seats: 12 },
  labels: { next: "Weiter" },
  onEvent: (name, detail) => console.log(name, detail.type),
});
const off: () => void = GuideRuntime.on("target_not_found", (d) => console.log(d.stepIndex, d.reason, d.confidence));
GuideRuntime.on("*", (name, detail) => console.log(name, detail));
const done = (d: GuideEventMap["guide_completed"]): string => d.guideId;
GuideRuntime.on("guide_completed", done);
GuideRuntime.init({ bundleUrl: "/guides.json", integrity: "sha384-abc", mediaOrigins: ["https://cdn.example"] });
const other = GuideRuntime.create();
other.start("tour", { step: 2 });
const hit = other.resolve({ candidates: [] }, { minConfidence: 0.4 });
const el: Element | null = hit.element;
GuideRuntime.track("invoice_created");
const ok: boolean = GuideRuntime.matchUrl({ match: "prefix", value: "/settings" }, location.href);
console.log(started, off, el, ok, GuideRuntime.version.length);
off();
GuideRuntime.stop();
