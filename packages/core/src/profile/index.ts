// Profiles (where objects live, how links are made) and object key templates.
export {
  profileSchema,
  profileIdSchema,
  type CredentialSource,
  type LinkConfig,
  type Profile,
  type ProfileInput,
} from './profile-schema.js';
export { parseProfile } from './parse-profile.js';
export { checkKeyTemplate, renderKeyTemplate, type KeyTemplateVars } from './render-key-template.js';
