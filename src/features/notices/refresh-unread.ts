import { refreshUnread as refresh } from './queries'

/** Fetches the unread count again and puts it on the tab (H5 loads the notices' queries first: refresh-unread.h5.ts). */
export const refreshUnread = (): Promise<unknown> => refresh()
