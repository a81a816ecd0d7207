/**
 * Entry of the worker threads that do the heavy work (lib/workers/pool.ts). A worker thread starts
 * without the TypeScript loader that `npm start` and vitest give the main thread, and Next.js
 * bundles the route handlers, so the tasks are loaded from the source files through tsx: the same
 * code in the production server, in the tests and in the command-line tools.
 */
import { register } from "tsx/esm/api";

register();
const tasks = await import("./tasks.ts");

export const renderPdf = tasks.renderPdf;
export const parseForm = tasks.parseForm;
export const readUpload = tasks.readUpload;
export const extractArticleClaims = tasks.extractArticleClaims;
