// Object references: everything a user may paste or right-click, turned into bucket + key.
export { parseObjectRef } from './parse-object-ref.js';
export type { ObjectRef, ParseObjectRefOptions } from './object-ref.js';
export { decodePath } from './decode-path.js';
