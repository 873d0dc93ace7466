export const ROLES_TAGS = ['roles']
