import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { FiledComplaint } from '../../../types/complaints'
import { t } from '../../i18n'
import { describeActionError, statusOf } from '../../services/http'
import { interruptedAsFailed, photoListActions } from '../../services/photo-uploads'
import { taroStorage } from '../../services/storage'
import { invalidate } from '../../services/server-data'
import { fileComplaint } from './api'
import { myComplaints } from './queries'
import { buildBody, emptyDraft, hasContent, subjectOf, type Draft } from './draft'
import { newIdempotencyKey } from './idempotency-key'
import { useLocalComplaints } from './local-complaints'
import { uploadComplaintPhoto } from './photos'

type State = {
  draft: Draft
  /** A draft with content was found when the form opened. */
  restored: boolean
  /** The parent read the 110 notice (asked again each time the form opens). */
  abuseAcknowledged: boolean
  submitting: boolean
  error: string | null
  /** No answer (network, 5xx): the same request may be re-sent as is, with the same key. */
  canRetry: boolean
}

type Actions = {
  /** Called when the form opens: restores the saved draft, sets the institution it was opened from, makes the key. */
  open: (institution?: { id: string; name: string }) => Promise<void>
  update: (patch: Partial<Omit<Draft, 'key' | 'photos' | 'filed'>>) => void
  addPhotos: () => Promise<void>
  retryPhoto: (localId: string) => Promise<void>
  removePhoto: (localId: string) => void
  acknowledgeAbuse: () => void
  submit: (signedIn: boolean) => Promise<FiledComplaint | null>
  /** After the success page has shown (and the device saved) the answer: the draft is done. */
  finishFiled: (trackingNumber: string) => void
  discard: () => void
}

const initial: State = { draft: emptyDraft(), restored: false, abuseAcknowledged: false, submitting: false, error: null, canRetry: false }

/** The BFF refused the body itself: nothing was filed, so a corrected draft gets a new key. */
const REJECTED_BODY = [400, 413, 422]

export const useComplaintDraft = create<State & Actions>()(
  persist(
    (set, get) => {
      const setDraft = (patch: Partial<Draft>) => set((s) => ({ draft: { ...s.draft, ...patch } }))
      const photos = photoListActions(
        { get: () => get().draft.photos, set: (change) => set((s) => ({ draft: { ...s.draft, photos: change(s.draft.photos) } })) },
        uploadComplaintPhoto,
      )
      const ensureKey = async () => {
        const existing = get().draft.key
        if (existing) return existing
        const key = await newIdempotencyKey()
        // Another call may have made one meanwhile: keep the first.
        if (!get().draft.key) setDraft({ key })
        return get().draft.key as string
      }

      return {
        ...initial,

        open: async (institution) => {
          const { draft } = get()
          set({ restored: hasContent(draft) && !draft.filed, abuseAcknowledged: false, error: null, canRetry: false, submitting: false })
          if (institution && !draft.filed) setDraft({ target: { kind: 'institution', id: institution.id, name: institution.name } })
          await ensureKey()
        },

        update: (patch) => {
          setDraft(patch)
          if (patch.category !== undefined && patch.category !== 'abuse') set({ abuseAcknowledged: false })
          set({ error: null })
        },

        addPhotos: photos.add,
        retryPhoto: photos.retry,
        removePhoto: photos.remove,

        acknowledgeAbuse: () => set({ abuseAcknowledged: true, error: null }),

        submit: async (signedIn) => {
          const { draft, abuseAcknowledged, submitting } = get()
          if (draft.filed) return draft.filed
          if (submitting) return null
          if (draft.category === 'abuse' && !abuseAcknowledged) {
            set({ error: t('complaints.abuseNeedAck'), canRetry: false })
            return null
          }
          const checked = buildBody(draft, { signedIn })
          if ('error' in checked) {
            set({ error: checked.error, canRetry: false })
            return null
          }
          set({ submitting: true, error: null, canRetry: false })
          const key = await ensureKey()
          try {
            const filed = await fileComplaint(checked.body, key)
            // Saved on the device before anything else, so the number and secret survive whatever happens next.
            useLocalComplaints.getState().remember({ ...filed, category: checked.body.category, subject: subjectOf(draft) })
            invalidate(myComplaints.key)
            setDraft({ filed })
            set({ submitting: false })
            return filed
          } catch (error) {
            const status = statusOf(error)
            if (status === undefined || status >= 500) {
              set({ submitting: false, error: t('complaints.submitFailedNetwork'), canRetry: true })
            } else {
              if (REJECTED_BODY.includes(status)) setDraft({ key: null })
              set({ submitting: false, error: describeActionError(error), canRetry: false })
            }
            return null
          }
        },

        finishFiled: (trackingNumber) => {
          if (get().draft.filed?.trackingNumber !== trackingNumber) return
          photos.clear()
          set({ ...initial, draft: emptyDraft() })
        },

        discard: () => {
          photos.clear()
          set({ ...initial, draft: emptyDraft() })
          void ensureKey()
        },
      }
    },
    {
      name: 'jilin-tuoyu/complaint-draft',
      storage: taroStorage,
      version: 1,
      partialize: (state) => ({ draft: state.draft }),
      // An upload cut off by closing the app did not finish: offer a retry.
      merge: (persisted, current) => {
        const saved = (persisted as { draft?: Draft } | undefined)?.draft
        if (!saved) return current
        return { ...current, draft: { ...emptyDraft(), ...saved, photos: interruptedAsFailed(saved.photos ?? []) } }
      },
    },
  ),
)
