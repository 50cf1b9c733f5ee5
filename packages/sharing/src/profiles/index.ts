// Profiles: one validated JSON file, atomic writes.
export { ProfileStore } from './profile-store.js';
