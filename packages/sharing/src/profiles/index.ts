// Profiles: one validated JSON file, atomic writes under a cross-process lock.
export { ProfileStore } from './profile-store.js';
