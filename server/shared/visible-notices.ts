import { sql, type SqlBool } from 'kysely'

/** Parents see a notice while it is neither withdrawn, taken down nor expired (`n` is the notices alias). */
export const VISIBLE = sql<SqlBool>`n.withdrawn_at IS NULL AND n.taken_down_at IS NULL AND (n.expires_at IS NULL OR n.expires_at > now())`
