// Browser tests drive a real Chromium against the real BFF: give them time.
jest.setTimeout(120_000)
