import { CODE_ALPHABET, newInvitationCode } from './invitation-code'

it('draws 8 characters from an alphabet without 0, O, 1 or I, differently each time', () => {
  expect(CODE_ALPHABET).not.toMatch(/[0O1I]/)
  const codes = Array.from({ length: 500 }, newInvitationCode)
  for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  expect(new Set(codes).size).toBe(codes.length)
})
