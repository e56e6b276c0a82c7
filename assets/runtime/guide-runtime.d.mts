/* Guide Studio runtime: types of the ES module (guide-runtime.mjs). The module is the same runtime as
   the classic script and shares its one instance: importing it where the script already ran, or twice,
   never starts a second runtime. */
import type { GuideRuntimeApi } from "./guide-runtime.js";

export type * from "./guide-runtime.js";

declare const GuideRuntime: GuideRuntimeApi;
export default GuideRuntime;
export declare const init: GuideRuntimeApi["init"];
export declare const start: GuideRuntimeApi["start"];
export declare const stop: GuideRuntimeApi["stop"];
export declare const resolve: GuideRuntimeApi["resolve"];
export declare const on: GuideRuntimeApi["on"];
export declare const track: GuideRuntimeApi["track"];
export declare const create: GuideRuntimeApi["create"];
export declare const matchUrl: GuideRuntimeApi["matchUrl"];
export declare const version: string;
