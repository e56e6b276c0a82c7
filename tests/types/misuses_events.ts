/* Must NOT type-check: an event the runtime never emits. */
/// <reference path="../../assets/runtime/guide-runtime.d.ts" />
GuideRuntime.on("guide_finished", () => undefined);
