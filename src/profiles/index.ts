/** AWS CLI SSO profiles for the access a group or user has. */
export { profileEntries, renderProfiles, START_URL, type ProfileEntry, type ProfilePrincipal, type ProfilesOptions } from "./profiles";
