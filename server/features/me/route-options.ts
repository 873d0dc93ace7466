export const ME_TAGS = ['me']
