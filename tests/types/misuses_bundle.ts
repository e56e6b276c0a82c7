/* Must NOT type-check: a bundle with an unknown kind. */
import type { GuideBundle } from "../../assets/runtime/guide-runtime.js";
const b: GuideBundle = { name: "x", theme: {}, guides: [{ kind: "popup", id: "a", name: "A", steps: [] }] };
console.log(b);
