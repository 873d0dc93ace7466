/**
 * Fetches the unread count again and puts it on the tab. H5 loads the notices' queries (with their api and the image
 * uploads behind it) on this first use, at sign-in or on a page about notices: the first screen does without them.
 */
export const refreshUnread = (): Promise<unknown> => import('./queries').then((queries) => queries.refreshUnread())
