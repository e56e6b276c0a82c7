/* Must NOT type-check: a detail field the event does not carry. */
/// <reference path="../../assets/runtime/guide-runtime.d.ts" />
GuideRuntime.on("guide_completed", (d) => d.stepIndex.toFixed());
