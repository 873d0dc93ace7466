export const GUIDANCE_TAGS = ['guidance']
/** The centre-staff side is also listed with the other centre APIs. */
export const CENTRE_GUIDANCE_TAGS = ['guidance', 'centre']
