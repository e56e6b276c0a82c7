/* Type-checked by scripts/build_runtime.py: how an app importing the ES module calls the runtime. */
import GuideRuntime, { init, on, stop, type GuideRuntimeOptions } from "../../assets/runtime/guide-runtime.mjs";

const options: GuideRuntimeOptions = { bundleUrl: "/guides.json", publicKey: "MCowBQYDK2VwAyEA", storageKey: "beta" };
const result: boolean | Promise<boolean> = init(options);
const off = on("step_shown", (d) => console.log(d.guideId, d.stepId, d.stepIndex));
console.log(result, GuideRuntime.version);
off();
stop();
