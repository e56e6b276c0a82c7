/* Must NOT type-check (scripts/build_runtime.py fails when it does): a misspelt option. */
/// <reference path="../../assets/runtime/guide-runtime.d.ts" />
GuideRuntime.init({ bundleURL: "/guides.json" });
