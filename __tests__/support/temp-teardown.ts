/** jest globalTeardown: see temp-global.ts. */
export { teardown as default } from "./temp-global";
